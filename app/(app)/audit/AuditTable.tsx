// The trail's entries: when, who, and the change in words, with the raw values before and after
// folded away for whoever needs them.
import { WideTable } from "@/app/_components/WideTable";
import type { AuditEntry } from "@/lib/views/auditTrail";

function Json({ label, value }: { label: string; value: unknown }) {
  if (value == null) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <pre style={{ margin: 0, whiteSpace: "pre-wrap", fontSize: "0.8rem", maxWidth: "40rem", overflowWrap: "anywhere" }}>{JSON.stringify(value, null, 1)}</pre>
      </dd>
    </>
  );
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <WideTable label="Audit trail">
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-event">
              <td style={{ whiteSpace: "nowrap" }}>
                <time dateTime={e.at}>{e.when}</time>
              </td>
              <td>{e.who}</td>
              <td>
                {e.sentence}
                <div className="muted" style={{ fontSize: "0.8rem" }}>
                  {e.record} · {e.action}
                </div>
                {e.before != null || e.after != null ? (
                  <details>
                    <summary style={{ fontSize: "0.85rem", marginTop: "0.25rem" }}>Values before and after</summary>
                    <dl>
                      <Json label="Before" value={e.before} />
                      <Json label="After" value={e.after} />
                    </dl>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </WideTable>
  );
}

import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canManageMeasures } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { formatNumber } from "@/lib/domain/format";
import { lagGoalText } from "@/lib/domain/status";
import { measureCatalog } from "@/lib/views/measureCatalog";
import { archiveMeasureAction } from "./actions";
import { WideTable } from "@/app/_components/WideTable";
import { SubmitButton } from "@/app/_components/SubmitButton";

export const metadata: Metadata = { title: "Measures" };

function ArchiveButton({ kind, id, archived }: { kind: "lead" | "lag"; id: string; archived: boolean }) {
  return (
    <form action={archiveMeasureAction} style={{ display: "inline" }}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <SubmitButton className="link-button" pendingText={archived ? "Restoring…" : "Archiving…"}>
        {archived ? "Restore" : "Archive"}
      </SubmitButton>
    </form>
  );
}

export default async function MeasuresPage() {
  const ctx = await requirePageContext();
  if (!canManageMeasures(ctx.role)) forbidden();
  const { lead, lag } = await measureCatalog(await getDb(), ctx.organizationId);
  const { locale } = ctx.organization;
  return (
    <>
      <div className="page-head">
        <h1>Measures</h1>
        <p className="muted">
          Lead measures are what teams do each week; lag measures are the results they should move.
        </p>
      </div>
      <section className="card" aria-labelledby="lead-title" style={{ marginBottom: "1.25rem" }}>
        <div className="row" style={{ justifyContent: "space-between", alignItems: "center" }}>
          <h2 id="lead-title">Lead measures</h2>
          <Link className="button" href="/measures/lead/new">
            New lead measure
          </Link>
        </div>
        {lead.length === 0 ? (
          <p className="empty">No lead measures yet. Start from a template: coaching conversations, recognitions, training hours…</p>
        ) : (
          <WideTable label="Lead measures">
            <table>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Teams and weekly targets</th>
                  <th scope="col">Owners</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lead.map((m) => (
                  <tr key={m.id} className={m.archived ? "muted" : undefined}>
                    <td>
                      <Link href={`/measures/lead/${m.id}`}>{m.name}</Link>
                      {m.archived ? " (archived)" : ""}
                      <div className="muted" style={{ fontSize: "0.85rem" }}>
                        {m.unit || "units"} · {m.aggregation === "COUNT" ? "counted" : "summed"}
                      </div>
                    </td>
                    <td>
                      {m.teams.length === 0
                        ? "No team tracks it"
                        : m.teams.map((t) => `${t.teamName}: ${formatNumber(t.weeklyTarget, locale, 2)}`).join(" · ")}
                    </td>
                    <td>{m.owners.map((o) => o.name).join(", ") || "—"}</td>
                    <td>
                      <ArchiveButton kind="lead" id={m.id} archived={m.archived} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </WideTable>
        )}
      </section>
      <section className="card" aria-labelledby="lag-title">
        <div className="row" style={{ justifyContent: "space-between", alignItems: "center" }}>
          <h2 id="lag-title">Lag measures</h2>
          <Link className="button" href="/measures/lag/new">
            New lag measure
          </Link>
        </div>
        {lag.length === 0 ? (
          <p className="empty">No lag measures yet. Start from a template: CSAT, retention, resolution time…</p>
        ) : (
          <WideTable label="Lag measures">
            <table>
              <thead>
                <tr>
                  <th scope="col">Measure</th>
                  <th scope="col">Goal</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Driven by</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lag.map((m) => (
                  <tr key={m.id} className={m.archived ? "muted" : undefined}>
                    <td>
                      <Link href={`/measures/lag/${m.id}`}>{m.name}</Link>
                      {m.archived ? " (archived)" : ""}
                      <div className="muted" style={{ fontSize: "0.85rem" }}>
                        {m.direction === "LOWER_IS_BETTER" ? "↓ lower is better" : "↑ higher is better"} · {m.cadence.toLowerCase()} ·{" "}
                        {m.teamName ?? "organization-wide"}
                      </div>
                    </td>
                    <td>
                      From {lagGoalText(m, locale).replace(/^from /, "")}
                    </td>
                    <td>{m.owner?.name ?? "—"}</td>
                    <td>{m.drivers.map((d) => d.name).join(", ") || "—"}</td>
                    <td>
                      <ArchiveButton kind="lag" id={m.id} archived={m.archived} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </WideTable>
        )}
      </section>
    </>
  );
}

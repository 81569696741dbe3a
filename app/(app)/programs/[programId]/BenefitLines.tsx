// The benefit lines: each with its formula, the isolation method chosen and the numbers every
// method found (the smallest credible one wins under "conservative"), and its evidence.
import type { NumberFormats } from "@/lib/domain/format";
import type { ProgramRoi } from "@/lib/views/programRoi";
import { BENEFIT_KIND_LABEL, ISOLATION_LABEL } from "./labels";
import { RemovalArea, RemoveLineButton } from "./RemoveLineButton";
import { WideTable } from "@/app/_components/WideTable";

const METHOD_NAME = { CONTROL_GROUP: "Control group", TREND_LINE: "Trend line", ESTIMATE: "Estimate" } as const;

export function BenefitLines({ roi, fmt, editable = true }: { roi: ProgramRoi; fmt: NumberFormats; editable?: boolean }) {
  return (
    <RemovalArea>
      {roi.lines.length === 0 ? (
        <p className="empty">No benefit lines yet. Price a lag measure&apos;s movement (retention, revenue, a cost saving) or add a manual value with its evidence.</p>
      ) : (
        <ul className="stack" style={{ listStyle: "none", padding: 0 }} aria-label="Benefit lines">
          {roi.lines.map((l) => (
            <li key={l.id} className="card" aria-label={l.name}>
              <div className="row" style={{ justifyContent: "space-between", alignItems: "baseline" }}>
                <h3 style={{ margin: 0 }}>{l.name}</h3>
                {editable ? <RemoveLineButton kind="benefit" id={l.id} label={l.name} /> : null}
              </div>
              <p className="muted" style={{ margin: "0.25rem 0" }}>
                {BENEFIT_KIND_LABEL[l.kind]}
                {l.lagMeasure ? ` · prices ${l.lagMeasure.name}` : ""} · margin {fmt.number(l.margin, 2)} · confidence {fmt.number(l.confidence, 2)}
              </p>
              <p style={{ margin: "0.25rem 0" }}>
                <strong>Formula:</strong> {l.formula}
              </p>
              <p style={{ margin: "0.25rem 0" }}>
                <strong>Attributed:</strong> {fmt.money(l.monthlyAttributed)} a month × {l.months} month{l.months === 1 ? "" : "s"} = {fmt.money(l.attributed)}
              </p>
              {l.monthlyInterval ? (
                <p style={{ margin: "0.25rem 0" }}>
                  <strong>95% interval:</strong> {fmt.money(l.monthlyInterval.low)} to {fmt.money(l.monthlyInterval.high)} a month
                  {l.isolation.couldBeNothing ? ` — could be nothing: the range includes ${fmt.money(0)}.` : "."}
                </p>
              ) : null}
              <details>
                <summary>
                  Isolation: {ISOLATION_LABEL[l.isolation.chosen]}
                  {l.isolation.usedMethod ? ` — used ${METHOD_NAME[l.isolation.usedMethod].toLowerCase()}` : " — nothing claimed"}
                </summary>
                <p>{l.isolation.note}</p>
                {l.isolation.methods.length ? (
                  <WideTable label={`Isolation of ${l.name}`}>
                    <table aria-label={`Isolation of ${l.name}`}>
                      <thead>
                        <tr>
                          <th scope="col">Method</th>
                          <th scope="col">Improvement claimed</th>
                          <th scope="col">95% interval</th>
                          <th scope="col">Numbers used</th>
                        </tr>
                      </thead>
                      <tbody>
                        {l.isolation.methods.map((m) => (
                          <tr key={m.method}>
                            <td>{METHOD_NAME[m.method]}</td>
                            <td>{m.value == null ? "no data" : `${fmt.number(m.value, 3)} ${l.lagMeasure?.unit ?? ""}`}</td>
                            <td>{m.interval ? `${fmt.number(m.interval.low, 3)} to ${fmt.number(m.interval.high, 3)}` : "—"}</td>
                            <td>{m.detail}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </WideTable>
                ) : null}
              </details>
              {l.evidence ? (
                <p className="muted" style={{ margin: "0.25rem 0" }}>
                  Evidence: {l.evidence}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </RemovalArea>
  );
}

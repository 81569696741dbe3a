// The cost ledger: every line with how its amount was computed, and totals by category and by
// month (costs accrue in the month they were incurred). Renders only.
import type { NumberFormats } from "@/lib/domain/format";
import type { ProgramRoi } from "@/lib/views/programRoi";
import { RemovalArea, RemoveLineButton } from "./RemoveLineButton";
import { WideTable } from "@/app/_components/WideTable";

export function CostLedger({ roi, fmt, editable = true }: { roi: ProgramRoi; fmt: NumberFormats; editable?: boolean }) {
  const lines = roi.costLines;
  const byCategory = new Map<string, number>();
  for (const c of lines) byCategory.set(c.categoryLabel, (byCategory.get(c.categoryLabel) ?? 0) + c.amount);
  const months = roi.months.filter((m) => m.costs !== 0);
  return (
    <RemovalArea>
      {lines.length === 0 ? (
        <p className="empty">No costs yet. Fully-loaded means everything: assessment, design, delivery, participants&apos; time, technology, support, overhead and evaluation.</p>
      ) : (
        <>
          <WideTable label="Cost ledger">
            <table aria-label="Cost ledger">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Category</th>
                  <th scope="col">Description</th>
                  <th scope="col">How</th>
                  <th scope="col">Amount</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((c) => (
                  <tr key={c.id}>
                    <td>{fmt.day(c.incurredOn)}</td>
                    <td>{c.categoryLabel}</td>
                    <td>{c.description || "—"}</td>
                    <td className="muted">{c.formula}</td>
                    <td>{fmt.money(c.amount)}</td>
                    <td>
                      {editable ? <RemoveLineButton kind="cost" id={c.id} label={`${c.categoryLabel} ${c.description}`.trim()} /> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    Fully-loaded costs
                  </th>
                  <td>{fmt.money(roi.totals.costs)}</td>
                  <td />
                </tr>
              </tfoot>
            </table>
          </WideTable>
          <div className="row" style={{ alignItems: "flex-start" }}>
            <WideTable label="Costs by category">
              <table aria-label="Costs by category">
                <thead>
                  <tr>
                    <th scope="col">Category</th>
                    <th scope="col">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {[...byCategory].map(([label, total]) => (
                    <tr key={label}>
                      <td>{label}</td>
                      <td>{fmt.money(total)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </WideTable>
            <WideTable label="Costs by month">
              <table aria-label="Costs by month">
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Costs</th>
                    <th scope="col">Cumulative</th>
                  </tr>
                </thead>
                <tbody>
                  {months.map((m) => (
                    <tr key={m.month}>
                      <td>{fmt.month(m.month)}</td>
                      <td>{fmt.money(m.costs)}</td>
                      <td>{fmt.money(m.cumulativeCosts)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </WideTable>
          </div>
        </>
      )}
    </RemovalArea>
  );
}

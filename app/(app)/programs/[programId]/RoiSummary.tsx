// The ROI summary: benefits, fully-loaded costs, net benefit, BCR and ROI (always labelled as
// such — they are different numbers), payback, and the Monte Carlo range. Renders only.
import { dayWithYear, type NumberFormats } from "@/lib/domain/format";
import { countedMonthsText, liveDifferenceNote } from "@/lib/domain/roi/liveDifference";
import { paybackOf, paybackText } from "@/lib/domain/roi/payback";
import type { ProgramRoi } from "@/lib/views/programRoi";

export function RoiSummary({ roi, fmt }: { roi: ProgramRoi; fmt: NumberFormats }) {
  const r = roi.roi;
  const month = fmt.month;
  return (
    <>
      <dl className="score-figures" aria-label="ROI figures" style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(11rem, 1fr))", gap: "0.75rem" }}>
        <Figure term="Total benefits" value={fmt.money(roi.totals.benefits)} />
        <Figure term="Fully-loaded costs" value={fmt.money(roi.totals.costs)} />
        <Figure term="Net benefit" value={fmt.money(roi.totals.netBenefit)} />
        <Figure term="Benefit-cost ratio (BCR)" value={r ? fmt.ratio(r.bcr) : "—"} />
        <Figure term="Return on investment (ROI)" value={r ? fmt.percent(r.roiPercent) : "—"} />
        <Figure term="Payback" value={paybackText(paybackOf(roi.months, roi.startDate), month)} />
      </dl>
      {roi.roiNote ? <p className="muted">{roi.roiNote}</p> : null}
      <p className="muted" style={{ fontSize: "0.9rem" }}>
        BCR = benefits ÷ costs; ROI = (benefits − costs) ÷ costs × 100. Benefits counted so far: {roi.benefitMonths.length} month
        {roi.benefitMonths.length === 1 ? "" : "s"} since the start{roi.breakEvenMonth ? `; broke even in ${month(roi.breakEvenMonth)}` : ""}.
      </p>
      <p className="muted" style={{ fontSize: "0.9rem" }} data-testid="roi-live-difference">
        {liveDifferenceNote(dayWithYear(roi.today, fmt.locale), countedMonthsText(roi.benefitMonths, month))}
      </p>
      <h3>Range of ROI</h3>
      {roi.range ? (
        <>
          <dl aria-label="ROI range" style={{ display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", gap: "0.5rem" }}>
            <Figure term="P10 (pessimistic)" value={fmt.percent(roi.range.p10)} />
            <Figure term="P50 (median)" value={fmt.percent(roi.range.p50)} />
            <Figure term="P90 (optimistic)" value={fmt.percent(roi.range.p90)} />
          </dl>
          <p className="muted" style={{ fontSize: "0.9rem" }}>
            {roi.range.note} {fmt.number(roi.range.draws, 0)} draws, seed {roi.range.seed} (the same report always gives the same range).
          </p>
        </>
      ) : (
        <p className="empty">No range yet: it needs costs and at least one benefit line.</p>
      )}
      {roi.assumptions.length ? (
        <details>
          <summary>Assumptions</summary>
          <ul>
            {roi.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function Figure({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="muted" style={{ fontSize: "0.85rem" }}>
        {term}
      </dt>
      <dd style={{ margin: 0, fontSize: "1.3rem", fontWeight: 600 }}>{value}</dd>
    </div>
  );
}

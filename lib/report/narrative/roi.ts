// Return on investment, program by program: the key figures, each benefit line with the
// isolation method behind its claim, the fully-loaded costs by category, the Monte Carlo range,
// break-even, the projection with how each line was projected, and the cumulative chart. The executive summary takes its figures
// from roiFigures, so the two print the same numbers in the same words.
import type { ReportBlock, ReportSection } from "../document";
import type { ProgramRoiSnapshot, ReportSnapshot } from "../snapshot/types";
import { benefitMonthsOf } from "@/lib/domain/roi/accrual";
import { countedMonthsText, reportDifferenceNote } from "@/lib/domain/roi/liveDifference";
import { paybackOf, paybackText } from "@/lib/domain/roi/payback";
import { addDays } from "@/lib/domain/calendar/weeks";
import { roiChart } from "./charts";
import { listText, plural, type Writer } from "./format";

const METHOD_LABEL: Record<string, string> = {
  CONTROL_GROUP: "control group (difference-in-differences)",
  TREND_LINE: "pre-program trend line",
  ESTIMATE: "estimate × confidence",
  CONSERVATIVE: "most conservative method",
};
const methodLabel = (m: string | null) => (m ? (METHOD_LABEL[m] ?? m.toLowerCase()) : "none: no data, nothing claimed");

type Figure = Extract<ReportBlock, { kind: "figures" }>["items"][number];

/** A program's key figures; `only` picks some by label. Each is worded (and recorded as a fact) only when shown. */
export function roiFigures(p: ProgramRoiSnapshot, w: Writer, S = "ROI", only?: readonly string[]): Extract<ReportBlock, { kind: "figures" }> {
  const item = p.name;
  const all: [string, () => Omit<Figure, "label">][] = [
    ["Fully-loaded costs", () => ({ value: w.fact(S, item, "Costs", p.totals.costs, w.money(p.totals.costs), w.currency) })],
    ["Benefits to date", () => ({ value: w.fact(S, item, "Benefits", p.totals.benefits, w.money(p.totals.benefits), w.currency), note: `${plural(p.benefitMonths, "month")} counted` })],
    ["Net benefit", () => ({ value: w.fact(S, item, "Net benefit", p.totals.netBenefit, w.money(p.totals.netBenefit), w.currency) })],
    ["Benefit-cost ratio (BCR)", () => ({ value: w.fact(S, item, "BCR", p.bcr, w.bcr(p.bcr)), note: "benefits ÷ costs" })],
    ["Return on investment (ROI)", () => ({ value: w.fact(S, item, "ROI %", p.roiPercent, w.pct(p.roiPercent), "%"), note: "(benefits − costs) ÷ costs × 100" })],
    ["Payback", () => paybackFigure(p, w, S)],
    ["P10", () => ({ value: w.fact(S, item, "P10 ROI %", p.range?.p10, w.pct(p.range?.p10 ?? null), "%"), note: "pessimistic" })],
    ["P50", () => ({ value: w.fact(S, item, "P50 ROI %", p.range?.p50, w.pct(p.range?.p50 ?? null), "%"), note: "median" })],
    ["P90", () => ({ value: w.fact(S, item, "P90 ROI %", p.range?.p90, w.pct(p.range?.p90 ?? null), "%"), note: "optimistic" })],
  ];
  return { kind: "figures", items: all.filter(([label]) => !only || only.includes(label)).map(([label, figure]) => ({ label, ...figure() })) };
}

/** Payback only when the ledger shows the costs recovered within the months counted (lib/domain/roi/payback.ts). */
function paybackFigure(p: ProgramRoiSnapshot, w: Writer, S: string): Omit<Figure, "label"> {
  const payback = paybackOf(p.months, p.startDate);
  if (payback.status === "paid") w.fact(S, p.name, "Payback (months)", payback.months, w.num(payback.months, 0));
  return { value: paybackText(payback, w.month), note: payback.status === "paid" ? "cumulative benefits reached the costs" : undefined };
}

/** What the report counted for a program, and why the program's live page may say more. */
export function roiDifferenceNote(s: ReportSnapshot, p: ProgramRoiSnapshot, w: Writer): string {
  return reportDifferenceNote(w.day(s.quarter.asOf), countedMonthsText(benefitMonthsOf(p.startDate, addDays(s.quarter.asOf, 1)), w.month));
}

/** A line's 95% interval in money a month, and "could be nothing" when it includes zero. */
function intervalText(p: ProgramRoiSnapshot, l: ProgramRoiSnapshot["lines"][number], w: Writer, S: string): string {
  if (!l.monthlyInterval) return "";
  const item = `${p.name} · ${l.name}`;
  const low = w.fact(S, item, "95% interval low (a month)", l.monthlyInterval.low, w.money(l.monthlyInterval.low), w.currency);
  const high = w.fact(S, item, "95% interval high (a month)", l.monthlyInterval.high, w.money(l.monthlyInterval.high), w.currency);
  return ` 95% interval ${low} to ${high} a month${l.couldBeNothing ? `: could be nothing, the range includes ${w.money(0)}` : ""}.`;
}

/** The 80% band of the ROI after four quarters: percentiles of the simulated totals at the projection's end. */
function projectedBand(p: ProgramRoiSnapshot, w: Writer, S: string): string {
  const end = p.projection.at(-1);
  if (!end || !(end.cumulativeCosts > 0)) return "";
  const roi = (b: number) => ((b - end.cumulativeCosts) / end.cumulativeCosts) * 100;
  const lo = w.fact(S, p.name, "Projected ROI % in four quarters, 80% band low", roi(end.lo), w.pct(roi(end.lo)), "%");
  const hi = w.fact(S, p.name, "Projected ROI % in four quarters, 80% band high", roi(end.hi), w.pct(roi(end.hi)), "%");
  return ` (80% band ${lo} to ${hi}: the 10th and 90th percentiles of simulated totals, each capped at its draw's isolated improvement)`;
}

export function roiSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "ROI";
  if (!s.programs.length) {
    return {
      id: "roi",
      title: "Return on investment",
      blocks: [{ kind: "paragraph", text: `No ROI program had started by ${w.day(s.quarter.asOf)}, so no investment or return is reported. Create a program (Programs) with its costs and benefit lines to add one.` }],
      pageBreakBefore: true,
    };
  }
  const blocks: ReportBlock[] = [];
  for (const p of s.programs) {
    const teams = `Participants: ${p.participants.length ? listText(p.participants) : "none"}${p.controls.length ? `; control group: ${listText(p.controls)}` : "; no control group"}.`;
    blocks.push({ kind: "paragraph", text: `${p.name}, started ${w.day(p.startDate)}. ${teams} Benefits are counted for ${plural(p.benefitMonths, "full month")} since the start.` });
    blocks.push(roiFigures(p, w));
    blocks.push({ kind: "paragraph", text: roiDifferenceNote(s, p, w), note: true });
    blocks.push({
      kind: "table",
      caption: `${p.name}: benefits by line`,
      columns: [
        { label: "Benefit", align: "left" },
        { label: "Isolation method", align: "left" },
        { label: "Margin", align: "right" },
        { label: "Confidence", align: "right" },
        { label: "Attributed to date", align: "right" },
      ],
      rows: p.lines.map((l) => [
        l.lagName ? `${l.name} (${l.lagName})` : l.name,
        l.kind === "MANUAL" ? "manual value with its evidence" : methodLabel(l.usedMethod),
        w.share(l.margin),
        w.fact(S, `${p.name} · ${l.name}`, "Confidence", l.confidence * 100, w.share(l.confidence), "%"),
        w.fact(S, `${p.name} · ${l.name}`, "Attributed benefit", l.attributed, w.money(l.attributed), w.currency),
      ]),
      note: "Attributed = value × margin × confidence; isolation is inside the value (the improvement the program may claim).",
    });
    blocks.push({ kind: "bullets", items: p.lines.map((l) => `${l.name}: ${l.formula}. ${l.isolationNote}${intervalText(p, l, w, S)}${l.evidence ? ` Evidence: ${l.evidence}` : ""}`) });
    blocks.push({
      kind: "table",
      caption: `${p.name}: fully-loaded costs by category`,
      columns: [
        { label: "Category", align: "left" },
        { label: "Amount", align: "right" },
        { label: "Share", align: "right" },
      ],
      rows: [
        ...p.costs.map((c) => [c.label, w.fact(S, `${p.name} · ${c.label}`, "Cost", c.amount, w.money(c.amount), w.currency), w.share(p.totals.costs ? c.amount / p.totals.costs : null)]),
        ["Total", w.money(p.totals.costs), w.share(p.totals.costs ? 1 : null)],
      ],
      note: p.costsExcluded > 0 ? `${w.fact(S, p.name, "Costs dated after the as-of day (not counted)", p.costsExcluded, w.money(p.costsExcluded), w.currency)} of costs dated after ${w.day(s.quarter.asOf)} are not counted in this report.` : undefined,
    });
    const range = p.range ? `${w.num(p.range.draws, 0)} draws (seed ${p.range.seed}) give P10 ${w.pct(p.range.p10)}, P50 ${w.pct(p.range.p50)} and P90 ${w.pct(p.range.p90)}.` : "No range: it needs costs and at least one benefit line.";
    blocks.push({
      kind: "paragraph",
      text: `${range} ${p.breakEvenMonth ? `Cumulative benefits passed cumulative costs in ${w.month(p.breakEvenMonth)}.` : "Cumulative benefits have not yet caught up with the costs."} Projected four quarters ahead, the ROI would be ${w.fact(S, p.name, "Projected ROI % in four quarters", p.projectedRoiPercent, w.pct(p.projectedRoiPercent), "%")}${projectedBand(p, w, S)}.`,
    });
    // Each line's method: the numbers in its note are in the appendix with the words around them.
    if (p.projectionLines?.length) blocks.push({ kind: "bullets", items: p.projectionLines.map((l) => `${l.name}, projected: ${l.note}`) });
    blocks.push({ kind: "chart", chart: roiChart(p, w) });
  }
  return { id: "roi", title: "Return on investment", blocks, pageBreakBefore: true };
}

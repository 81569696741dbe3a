// Results, what moved: each lag measure from its baseline against the straight path to its
// target, worded in the measure's own direction (lower is better for times and churn), then a
// table of every lag measure (with who answers for it) and a chart for the first MAX_LAG_CHARTS of them.
import type { ReportBlock, ReportSection } from "../document";
import { lagOnTrack, type LagSnapshot, type ReportSnapshot } from "../snapshot/types";
import { changeText } from "./changeText";
import { lagChart } from "./charts";
import { lagRuleNote } from "./executiveSummary";
import type { Writer } from "./format";

/** Lag charts drawn (the table lists every lag measure). */
const MAX_LAG_CHARTS = 8;

/** "; Maya Patel answers for it" — nothing for snapshots made before lag measures had owners. */
function ownerClause(l: LagSnapshot): string {
  if (l.owner === undefined) return "";
  return l.owner ? `; ${l.owner} answers for it` : "; nobody is named to answer for it";
}

function lagSentence(l: LagSnapshot, s: ReportSnapshot, w: Writer): string {
  const S = "Results";
  const v = (x: number | null | undefined) => w.measure(x, l.unit);
  const dir = l.direction === "LOWER_IS_BETTER" ? "lower is better" : "higher is better";
  const goal = `${l.name}${l.team ? ` (${l.team})` : ""}, ${dir}, aims to go from ${v(l.baseline.value)} to ${w.fact(S, l.name, "Target", l.target.value, v(l.target.value), l.unit)} by ${w.day(l.target.date)}${ownerClause(l)}.`;
  if (!l.atEnd) return `${goal} No value was recorded by ${w.day(s.quarter.asOf)}, so no status can be given.`;
  const end = w.fact(S, l.name, `Value on ${l.atEnd.date}`, l.atEnd.value, v(l.atEnd.value), l.unit);
  let moved = "";
  if (l.atStart) {
    const d = l.atEnd.value - l.atStart.value;
    const better = l.direction === "LOWER_IS_BETTER" ? d < 0 : d > 0;
    const size = changeText(w, Math.abs(d), l.unit);
    moved =
      Math.abs(d) < 1e-9
        ? ` It held at ${end} over the quarter.`
        : ` Over the quarter it ${d > 0 ? "rose" : "fell"} by ${size}, from ${v(l.atStart.value)} to ${end} on ${w.day(l.atEnd.date)}: ${better ? "an improvement" : "a setback"}.`;
  } else {
    moved = ` It stood at ${end} on ${w.day(l.atEnd.date)} (no value before the quarter to compare with).`;
  }
  const on = lagOnTrack(l) === "green";
  const path = w.fact(S, l.name, `Path value on ${l.atEnd.date}`, l.pathAtEnd, v(l.pathAtEnd), l.unit);
  const gap = Math.abs(l.atEnd.value - l.pathAtEnd);
  const status = on
    ? ` That is on track: at or ${l.direction === "LOWER_IS_BETTER" ? "below" : "above"} the path value of ${path}.`
    : ` That is off track: ${changeText(w, gap, l.unit)} ${l.direction === "LOWER_IS_BETTER" ? "above" : "below"} the path value of ${path}.`;
  return goal + moved + status;
}

export function resultsSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "Results";
  if (!s.lags.length) return { id: "results", title: "Results: what moved", blocks: [{ kind: "paragraph", text: "No lag measure is in this report's scope: define lag measures (Measures) to report results." }], pageBreakBefore: true };
  const blocks: ReportBlock[] = s.lags.map((l) => ({ kind: "paragraph", text: lagSentence(l, s, w) }));
  blocks.push({
    kind: "table",
    caption: `Lag measures as of ${w.day(s.quarter.asOf)}`,
    columns: [
      { label: "Lag measure", align: "left" },
      { label: "Baseline", align: "right" },
      { label: "Start of quarter", align: "right" },
      { label: "Now", align: "right" },
      { label: "Path now", align: "right" },
      { label: "Target", align: "right" },
      { label: "Status", align: "left" },
      { label: "Owner", align: "left" },
    ],
    rows: s.lags.map((l) => {
      const status = lagOnTrack(l);
      return [
        `${l.name} (${l.direction === "LOWER_IS_BETTER" ? "lower" : "higher"} is better)`,
        w.fact(S, l.name, "Baseline", l.baseline.value, w.measure(l.baseline.value, l.unit), l.unit),
        w.fact(S, l.name, "Start of quarter", l.atStart?.value, w.measure(l.atStart?.value, l.unit), l.unit),
        w.measure(l.atEnd?.value, l.unit),
        w.measure(l.atEnd ? l.pathAtEnd : null, l.unit),
        `${w.measure(l.target.value, l.unit)} by ${w.day(l.target.date)}`,
        status === "green" ? "On track" : status === "red" ? "Off track" : "No data yet",
        l.owner ?? "—",
      ];
    }),
    note: `On track: ${lagRuleNote(w.day(s.quarter.asOf))}. The dashboard applies the same rule to today's latest value, so a measure can be on track here and off track there.`,
  });
  for (const l of s.lags.slice(0, MAX_LAG_CHARTS)) blocks.push({ kind: "chart", chart: lagChart(l, w) });
  if (s.lags.length > MAX_LAG_CHARTS) blocks.push({ kind: "paragraph", text: `Charts are drawn for the first ${MAX_LAG_CHARTS} lag measures; the table and the appendix list all ${s.lags.length}.` });
  return { id: "results", title: "Results: what moved", blocks, pageBreakBefore: true };
}

// The executive summary, what a sponsor reads in a minute: what was invested, how the teams
// executed, which results moved, the ROI with its likely range and how sure we are of it, then
// the key figures. Confidence comes from the isolation behind the priced benefits and from the
// pessimistic case, so the summary never claims more than the evidence holds.
import type { ReportBlock, ReportSection } from "../document";
import { cadenceTotals, combinedRoi, lagsOnTrack, overallAttainment } from "../snapshot/aggregates";
import type { ProgramRoiSnapshot, ReportSnapshot } from "../snapshot/types";
import { listText, plural, type Writer } from "./format";
import { roiFigures } from "./roi";

type Confidence = { level: "high" | "moderate" | "low" | "none"; why: string };

/** How sure we are, and why: from the isolation behind the priced benefits and the pessimistic case. */
function confidenceOf(programs: readonly ProgramRoiSnapshot[], w: Writer): Confidence {
  const lines = programs.flatMap((p) => p.lines);
  const priced = lines.filter((l) => l.attributed > 0);
  if (!priced.length) return { level: "none", why: "no benefit line has the data to isolate an improvement yet, so nothing is claimed" };
  const measured = priced.filter((l) => l.usedMethod === "CONTROL_GROUP" || l.usedMethod === "TREND_LINE");
  const soft = priced.length - measured.length;
  const p10s = programs.map((p) => p.range?.p10).filter((v): v is number => v != null);
  const worst = p10s.length ? Math.min(...p10s) : null;
  if (worst == null) return { level: "low", why: "there is no range to test the result against" };
  if (worst <= 0) return { level: "low", why: `the pessimistic case (P10) is ${worst < 0 ? "a loss" : "break-even"} at an ROI of ${w.pct(worst)}, so the return is not yet proven` };
  if (!soft) return { level: "high", why: `every priced benefit is isolated by a control group or the pre-program trend, and even the pessimistic case (P10) is a gain of ${w.pct(worst)}` };
  return {
    level: "moderate",
    why: `the pessimistic case (P10) is still a gain of ${w.pct(worst)}, but ${soft} of ${plural(priced.length, "priced benefit")} ${soft === 1 ? "rests" : "rest"} on estimates or manual values rather than a control group or trend`,
  };
}

/** Which rule the on-track count follows, so it can be set beside the dashboard's count of another day. */
export const lagRuleNote = (asOf: string) => `as of ${asOf}, by the dashboard's rule: the latest value at or better than the straight path from baseline to target`;

export function executiveSummarySection(s: ReportSnapshot, w: Writer, period: string): ReportSection {
  const S = "Executive summary";
  const who = s.scope.kind === "program" ? `the teams in ${s.scope.programName}` : `${s.organization.name}'s teams`;
  const att = overallAttainment(s.teams);
  const onTrack = lagsOnTrack(s.lags);
  const withData = s.lags.filter((l) => l.atEnd).length;
  const sentences: string[] = [];
  const c = combinedRoi(s.programs);
  // Programs by name: "it" is ambiguous as soon as there are two.
  const programNames = listText(s.programs.map((p) => p.name));

  if (s.programs.length) sentences.push(`In ${period}, ${s.organization.name} had invested ${w.fact(S, "All programs", "Invested (fully loaded)", c.costs, w.money(c.costs), w.currency)}, fully loaded, in ${programNames}.`);
  else sentences.push(`In ${period}, ${s.organization.name} has no ROI program recorded, so this report covers execution and results only.`);

  const moved = s.lags
    .filter((l) => l.atEnd && l.atStart && Math.abs(l.atEnd.value - l.atStart.value) > 1e-9)
    .slice(0, 2)
    .map((l) => {
      const better = l.direction === "LOWER_IS_BETTER" ? l.atEnd!.value < l.atStart!.value : l.atEnd!.value > l.atStart!.value;
      return `${l.name} ${better ? "improved" : "worsened"} from ${w.measure(l.atStart!.value, l.unit)} to ${w.measure(l.atEnd!.value, l.unit)}`;
    });
  const execution = att == null ? `No lead measure had a target` : `${who[0]!.toUpperCase()}${who.slice(1)} reached ${w.share(att)} of their lead-measure targets`;
  const results = s.lags.length ? `${onTrack} of ${plural(s.lags.length, "lag measure")} ${onTrack === 1 ? "is" : "are"} on track${withData < s.lags.length ? ` (${s.lags.length - withData} without data)` : ""}` : "no lag measure is defined";
  sentences.push(`${execution}, and ${results}${moved.length ? `: ${listText(moved)}` : ""}.`);

  if (s.programs.length) {
    const one = s.programs.length === 1 ? s.programs[0]! : null;
    const range = one?.range
      ? `, with a likely range of ${w.pct(one.range.p10)} to ${w.pct(one.range.p90)} (P10 to P90)`
      : s.programs.length > 1
        ? ` (each program's range is in the ROI section)`
        : "";
    sentences.push(
      c.costs > 0
        ? `The benefits attributed to ${programNames} so far come to ${w.fact(S, "All programs", "Benefits attributed", c.benefits, w.money(c.benefits), w.currency)}: a benefit-cost ratio (BCR) of ${w.fact(S, "All programs", "BCR", c.bcr, w.bcr(c.bcr))} and an ROI of ${w.fact(S, "All programs", "ROI %", c.roiPercent, w.pct(c.roiPercent), "%")}${range}.`
        : "No costs are recorded yet, so neither BCR nor ROI can be computed.",
    );
    const conf = confidenceOf(s.programs, w);
    sentences.push(conf.level === "none" ? `Nothing is claimed yet: ${conf.why}.` : `Confidence is ${conf.level}: ${conf.why}.`);
  }

  const blocks: ReportBlock[] = [{ kind: "paragraph", text: sentences.join(" "), lead: true }];
  const cad = cadenceTotals(s.teams);
  const figures = [
    ...(s.programs.length === 1 ? roiFigures(s.programs[0]!, w, S, ["Fully-loaded costs", "Benefits to date", "Benefit-cost ratio (BCR)", "Return on investment (ROI)"]).items : []),
    ...(s.programs.length === 1 && s.programs[0]!.range ? [{ label: "ROI range (P10 to P90)", value: `${w.pct(s.programs[0]!.range!.p10)} to ${w.pct(s.programs[0]!.range!.p90)}` }] : []),
    { label: "Lead attainment", value: w.share(att) },
    { label: "Lag measures on track", value: `${w.fact(S, "All lag measures", "On track", onTrack, w.num(onTrack, 0))} of ${w.num(s.lags.length, 0)}`, note: lagRuleNote(w.day(s.quarter.asOf)) },
    { label: "Check-ins held", value: cad.due ? `${w.num(cad.held, 0)} of ${w.num(cad.due, 0)}` : "none due" },
  ];
  blocks.push({ kind: "figures", items: figures });
  if (s.programs.length) {
    blocks.push({
      kind: "paragraph",
      note: true,
      text: `Why these numbers may differ from the live pages: they are as of ${w.day(s.quarter.asOf)}, benefits count for full months only, and lag measures are judged on their values of that day; the dashboard and the program pages count to today. The Return on investment section gives each program's months.`,
    });
  }
  return { id: "summary", title: "Executive summary", blocks };
}

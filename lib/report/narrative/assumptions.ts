// Assumptions and intangibles: the rules every figure of the report rests on, each program's own
// assumptions, and the benefits stated but never given a money value — so a reader can see what
// the numbers take for granted and what they leave out.
import type { ReportBlock, ReportSection } from "../document";
import type { ReportSnapshot } from "../snapshot/types";
import type { Writer } from "./format";

export function assumptionsSection(s: ReportSnapshot, w: Writer): ReportSection {
  const general = [
    `Weeks belong to the quarter in which they start; ${s.quarter.complete ? "the whole quarter has ended" : `the quarter is in progress, so only the weeks ended by ${w.day(s.quarter.asOf)} count`}.`,
    "Lead attainment is actual ÷ target for each measure and week, capped at 150% so one over-achieved measure cannot hide another, averaged over the measure-weeks with a target.",
    "A lag measure is on track when its latest value is at or beyond the straight path from its baseline to its target, in its own direction (lower is better for times and churn).",
    "Lead → lag findings are associations in past weekly data; they never prove that an activity causes a result.",
    `All figures are as of ${w.day(s.quarter.asOf)} and frozen in this report's snapshot (fingerprint in the footer): regenerating it later gives the same numbers, whatever is logged since.`,
  ];
  const programAssumptions = [...new Set(s.programs.flatMap((p) => p.assumptions))];
  const intangibles = s.programs.flatMap((p) => p.intangibles.map((i) => `${i.name}${i.note ? `: ${i.note}` : ""}${s.programs.length > 1 ? ` (${p.name})` : ""}`));
  const blocks: ReportBlock[] = [
    { kind: "bullets", items: [...general, ...programAssumptions] },
    { kind: "paragraph", text: intangibles.length ? "Intangible benefits, stated but never given a money value:" : "No intangible benefits were listed for the programs in this report." },
  ];
  if (intangibles.length) blocks.push({ kind: "bullets", items: intangibles });
  return { id: "assumptions", title: "Assumptions and intangibles", blocks, pageBreakBefore: true };
}

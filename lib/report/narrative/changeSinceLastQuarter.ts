// The change since last quarter: what last quarter's exported report said, quoted from its frozen
// figures so the comparison is with what the sponsor actually read; when no report was exported,
// last quarter's figures are recomputed from today's data, and the section says so.
import type { ReportBlock, ReportSection } from "../document";
import { combinedRoi, lagsOnTrack, overallAttainment } from "../snapshot/aggregates";
import type { ReportSnapshot } from "../snapshot/types";
import { pointsText } from "./changeText";
import { listText, plural, type Writer } from "./format";

export function changeSinceLastQuarterSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "Change since last quarter";
  const prev = s.previousQuarter.label;
  const att = overallAttainment(s.teams);
  const before = overallAttainment(s.teams, "previous");
  const c = combinedRoi(s.programs);
  const onTrack = lagsOnTrack(s.lags);
  const blocks: ReportBlock[] = [];
  const r = s.previousReport;
  if (r) {
    const then = [
      r.roiPercent != null ? `an ROI of ${w.fact(S, `Report for ${r.quarterLabel}`, "ROI %", r.roiPercent, w.pct(r.roiPercent), "%")}${r.p10 != null && r.p90 != null ? ` (P10 ${w.pct(r.p10)} to P90 ${w.pct(r.p90)})` : ""} and a BCR of ${w.bcr(r.bcr)}` : "",
      r.attainment != null ? `lead attainment of ${w.share(r.attainment)}` : "",
      `${r.lagsOnTrack} of ${plural(r.lagsTotal, "lag measure")} on track`,
    ].filter(Boolean);
    const now = [
      c.roiPercent != null ? `an ROI of ${w.pct(c.roiPercent)} (${r.roiPercent != null ? `${c.roiPercent >= r.roiPercent ? "+" : "−"}${w.num(Math.abs(c.roiPercent - r.roiPercent), 1)} points` : "new"}) and a BCR of ${w.bcr(c.bcr)}` : "",
      att != null ? `lead attainment of ${w.share(att)} (${pointsText(w, att, r.attainment)})` : "",
      `${onTrack} of ${plural(s.lags.length, "lag measure")} on track`,
    ].filter(Boolean);
    blocks.push({ kind: "paragraph", text: `Last quarter (${r.quarterLabel}, report of ${w.day(r.createdAt.slice(0, 10))}) we reported ${listText(then)}. This quarter: ${listText(now)}.` });
  } else {
    const parts: string[] = [];
    if (before != null) parts.push(`lead attainment was ${w.fact(S, prev, "Lead attainment", before * 100, w.share(before), "%")} (now ${w.share(att)}, ${pointsText(w, att, before)})`);
    for (const l of s.lags.filter((x) => x.previousEnd && x.atEnd)) parts.push(`${l.name} stood at ${w.fact(S, `${l.name}, end of ${prev}`, "Value", l.previousEnd!.value, w.measure(l.previousEnd!.value, l.unit), l.unit)} (now ${w.measure(l.atEnd!.value, l.unit)})`);
    for (const p of s.programs.filter((x) => x.previous && x.previous.costs > 0)) parts.push(`${p.name} had an ROI of ${w.fact(S, `${p.name}, end of ${prev}`, "ROI %", p.previous!.roiPercent, w.pct(p.previous!.roiPercent), "%")} (now ${w.pct(p.roiPercent)})`);
    blocks.push({
      kind: "paragraph",
      text: parts.length
        ? `No report was exported for ${prev}, so its figures are recomputed from today's data: ${listText(parts)}.`
        : `No report was exported for ${prev}, and it has no lead or lag data to compare with.`,
    });
  }
  return { id: "comparison", title: `Change since ${prev}`, blocks };
}

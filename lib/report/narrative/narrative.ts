// The quarterly ROI narrative, written deterministically from a snapshot (templates, no external
// service): an executive summary a sponsor reads in a minute, then execution, results, ROI, the
// lead → lag findings, assumptions and intangibles, the change since last quarter, and what comes
// next. The same snapshot always gives the same document, word for word.
import { REPORT_VERSION, type ReportBlock, type ReportDocument, type ReportSection } from "../document";
import { listText, plural, writerFor, type Writer } from "./format";
import { cadenceTotals, combinedRoi, overallAttainment } from "../snapshot/aggregates";
import { changeText, executionSection, pointsText, predictiveSection, resultsSection, roiFigures, roiSection } from "./body";
import { lagOnTrack, type ProgramRoiSnapshot, type ReportSnapshot } from "../snapshot/types";

export function buildNarrative(s: ReportSnapshot, snapshotSha256: string): ReportDocument {
  const w = writerFor(s.organization.locale, s.organization.currency);
  const scope = s.scope.kind === "program" ? s.scope.programName : `${s.organization.name} (all teams)`;
  const period = `${s.quarter.complete ? s.quarter.label : `${s.quarter.label} to date`} (${w.day(s.quarter.start)} – ${w.day(s.quarter.asOf)})`;
  const sections: ReportSection[] = [
    summarySection(s, w, period),
    executionSection(s, w),
    resultsSection(s, w),
    roiSection(s, w),
    predictiveSection(s, w),
    assumptionsSection(s, w),
    comparisonSection(s, w),
    nextSection(s, w),
  ];
  return {
    version: REPORT_VERSION,
    title: `Quarterly ROI narrative: ${s.scope.kind === "program" ? s.scope.programName : s.organization.name}`,
    subtitle: period,
    meta: {
      organization: s.organization.name,
      scope,
      period,
      asOf: w.day(s.quarter.asOf),
      generatedOn: w.day(s.generatedAt.slice(0, 10)),
      preparedBy: s.preparedBy,
      fingerprint: snapshotSha256.slice(0, 16),
    },
    sections,
    facts: w.facts,
  };
}

type Confidence = { level: "high" | "moderate" | "low" | "none"; why: string };

/** How sure we are, and why: from the isolation behind the priced benefits and the pessimistic case. */
export function confidenceOf(programs: readonly ProgramRoiSnapshot[], w: Writer): Confidence {
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

function summarySection(s: ReportSnapshot, w: Writer, period: string): ReportSection {
  const S = "Executive summary";
  const who = s.scope.kind === "program" ? `the teams in ${s.scope.programName}` : `${s.organization.name}'s teams`;
  const att = overallAttainment(s.teams);
  const onTrack = s.lags.filter((l) => lagOnTrack(l) === "green").length;
  const withData = s.lags.filter((l) => l.atEnd).length;
  const sentences: string[] = [];
  const c = combinedRoi(s.programs);
  const programNames = s.programs.length === 1 ? s.programs[0]!.name : plural(s.programs.length, "program");

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
        ? `The benefits attributed to it so far come to ${w.fact(S, "All programs", "Benefits attributed", c.benefits, w.money(c.benefits), w.currency)}: a benefit-cost ratio (BCR) of ${w.fact(S, "All programs", "BCR", c.bcr, w.bcr(c.bcr))} and an ROI of ${w.fact(S, "All programs", "ROI %", c.roiPercent, w.pct(c.roiPercent), "%")}${range}.`
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
    { label: "Lag measures on track", value: `${w.fact(S, "All lag measures", "On track", onTrack, w.num(onTrack, 0))} of ${w.num(s.lags.length, 0)}` },
    { label: "Check-ins held", value: cad.due ? `${w.num(cad.held, 0)} of ${w.num(cad.due, 0)}` : "none due" },
  ];
  blocks.push({ kind: "figures", items: figures });
  return { id: "summary", title: "Executive summary", blocks };
}

// ---- Assumptions, comparison, next quarter ------------------------------------------------------------

function assumptionsSection(s: ReportSnapshot, w: Writer): ReportSection {
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

function comparisonSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "Change since last quarter";
  const prev = s.previousQuarter.label;
  const att = overallAttainment(s.teams);
  const before = overallAttainment(s.teams, "previous");
  const c = combinedRoi(s.programs);
  const onTrack = s.lags.filter((l) => lagOnTrack(l) === "green").length;
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

function recommendations(s: ReportSnapshot, w: Writer): string[] {
  const out: string[] = [];
  const amber = s.organization.amber;
  const few = (names: string[]) => (names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : listText(names));
  const behind = s.teams.filter((t) => t.attainment != null && t.attainment < amber);
  if (behind.length) out.push(`Raise lead execution in ${few(behind.map((t) => `${t.name} (${w.share(t.attainment)})`))}: below ${w.share(amber)} of target. Agree at the next check-in which lead measure comes first.`);
  const lax = s.teams.filter((t) => t.checkIns.due > 0 && t.checkIns.held / t.checkIns.due < 0.75);
  if (lax.length) out.push(`Hold the weekly check-in in ${few(lax.map((t) => `${t.name} (${t.checkIns.held} of ${t.checkIns.due})`))}: the cadence is what keeps the lead measures moving.`);
  for (const l of s.lags.filter((x) => lagOnTrack(x) === "red")) {
    out.push(`Close the gap on ${l.name}: ${changeText(w, Math.abs(l.atEnd!.value - l.pathAtEnd), l.unit)} behind its path; it needs ${w.measure(l.pathAtNextQuarterEnd, l.unit)} by ${w.day(s.nextQuarter.end)} to be back on it.`);
  }
  for (const d of s.drivers.filter((x) => x.kind === "none" || x.kind === "opposite")) out.push(`Reconsider ${d.leadName} as a driver of ${d.lagName}: ${d.kind === "none" ? "its changes have not been followed by changes in the result" : "more of it went with worse results"}.`);
  const thin = s.drivers.filter((x) => x.kind === "insufficient");
  if (thin.length) out.push(`Keep logging weekly: ${listText(thin.map((d) => `${d.leadName} → ${d.lagName}`))} ${thin.length === 1 ? "needs" : "need"} more weeks of data before they can be tested.`);
  if (s.programs.some((p) => (p.range?.p10 ?? 1) <= 0)) out.push("Before scaling the program, strengthen the evidence: the pessimistic ROI (P10) is not yet a gain.");
  if (s.programs.length && s.programs.every((p) => !p.controls.length)) out.push("Add a control group (comparable teams not yet trained): the difference-in-differences it allows is the most credible way to isolate the program's effect.");
  for (const p of s.programs) for (const l of p.lines.filter((x) => x.usedMethod == null && x.kind !== "MANUAL")) out.push(`Record values for ${l.lagName ?? l.name} before and after ${p.name} started: nothing is claimed for "${l.name}" until then.`);
  if (!out.length) out.push("Keep the cadence: every team met its lead targets, every lag measure is on its path, and the evidence holds. Raise the targets where teams are well ahead.");
  return out;
}

function nextSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "Next quarter";
  const next = s.nextQuarter;
  const weeks = 13;
  const blocks: ReportBlock[] = [{ kind: "bullets", items: recommendations(s, w) }];
  if (s.lags.length) {
    blocks.push({
      kind: "table",
      caption: `Lag measures: where the path says they should be by ${w.day(next.end)}`,
      columns: [
        { label: "Lag measure", align: "left" },
        { label: `By ${w.day(next.end)}`, align: "right" },
        { label: "Final target", align: "right" },
      ],
      rows: s.lags.map((l) => [l.name, w.fact(S, l.name, `Path value on ${next.end}`, l.pathAtNextQuarterEnd, w.measure(l.pathAtNextQuarterEnd, l.unit), l.unit), `${w.measure(l.target.value, l.unit)} by ${w.day(l.target.date)}`]),
    });
  }
  const targets = s.nextQuarterTargets;
  if (targets.length && s.teams.length <= 20) {
    blocks.push({
      kind: "table",
      caption: `Lead measure targets for ${next.label} (the targets in force now)`,
      columns: [
        { label: "Team", align: "left" },
        { label: "Lead measure", align: "left" },
        { label: "Per week", align: "right" },
        { label: `Over ${weeks} weeks`, align: "right" },
      ],
      rows: targets.map((t) => [t.team, t.leadName, w.fact(S, `${t.team} · ${t.leadName}`, "Weekly target", t.weeklyTarget, w.num(t.weeklyTarget, 1), t.unit), w.num(t.weeklyTarget * weeks, 1)]),
    });
  } else if (targets.length) {
    const by = new Map<string, { unit: string; total: number; teams: number }>();
    for (const t of targets) {
      const e = by.get(t.leadName) ?? { unit: t.unit, total: 0, teams: 0 };
      e.total += t.weeklyTarget;
      e.teams += 1;
      by.set(t.leadName, e);
    }
    blocks.push({
      kind: "table",
      caption: `Lead measure targets for ${next.label}, all teams (the targets in force now)`,
      columns: [
        { label: "Lead measure", align: "left" },
        { label: "Teams", align: "right" },
        { label: "Per week, all teams", align: "right" },
      ],
      rows: [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, e]) => [name, w.num(e.teams, 0), w.fact(S, name, "Weekly target, all teams", e.total, w.num(e.total, 1), e.unit)]),
    });
  }
  blocks.push({
    kind: "paragraph",
    text: s.openCommitmentsAhead
      ? `${w.fact(S, "Commitments", "Made for the coming weeks", s.openCommitmentsAhead, plural(s.openCommitmentsAhead, "commitment"))} ${s.openCommitmentsAhead === 1 ? "is" : "are"} already made for the weeks after ${w.day(s.quarter.asOf)}; each team makes one or two more per person at every weekly check-in.`
      : `No commitments are made yet for the weeks after ${w.day(s.quarter.asOf)}: each team makes one or two per person at its next weekly check-in.`,
  });
  return { id: "next", title: `Recommendations and ${next.label}`, blocks };
}

// Recommendations and next quarter: the actions that follow from the data (teams below the amber
// threshold, thin check-ins, off-track lag measures, drivers that do not drive, thin evidence),
// where each lag measure's path says it should be by next quarter's end, the lead targets in
// force and the commitments already made. With nothing to fix, it says to keep the cadence.
import type { ReportBlock, ReportSection } from "../document";
import { lagOnTrack, type ReportSnapshot } from "../snapshot/types";
import { changeText } from "./changeText";
import { listText, plural, type Writer } from "./format";

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
  for (const d of s.drivers.filter((x) => x.kind === "none" || x.kind === "opposite")) out.push(`Reconsider ${d.leadName} as a driver of ${d.lagName}: ${d.kind === "none" ? "so far there is no evidence that its changes are followed by changes in the result" : "more of it went with worse results"}.`);
  const thin = s.drivers.filter((x) => x.kind === "insufficient");
  if (thin.length) out.push(`Keep logging weekly: ${listText(thin.map((d) => `${d.leadName} → ${d.lagName}`))} ${thin.length === 1 ? "needs" : "need"} more weeks of data before they can be tested.`);
  if (s.programs.some((p) => (p.range?.p10 ?? 1) <= 0)) out.push("Before scaling the program, strengthen the evidence: the pessimistic ROI (P10) is not yet a gain.");
  if (s.programs.length && s.programs.every((p) => !p.controls.length)) out.push("Add a control group (comparable teams not yet trained): the difference-in-differences it allows is the most credible way to isolate the program's effect.");
  for (const p of s.programs) for (const l of p.lines.filter((x) => x.usedMethod == null && x.kind !== "MANUAL")) out.push(`Record values for ${l.lagName ?? l.name} before and after ${p.name} started: nothing is claimed for "${l.name}" until then.`);
  if (!out.length) out.push("Keep the cadence: every team met its lead targets, every lag measure is on its path, and the evidence holds. Raise the targets where teams are well ahead.");
  return out;
}

export function recommendationsSection(s: ReportSnapshot, w: Writer): ReportSection {
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

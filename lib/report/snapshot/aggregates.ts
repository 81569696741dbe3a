// The report's totals over teams, lag measures and programs, shared by the narrative and by the
// lookup of what last quarter's report said (lib/report/snapshot/collect.ts). Pure.
import { PARTIAL_CREDIT } from "@/lib/domain/execution";
import { lagOnTrack, type LagSnapshot, type ProgramRoiSnapshot, type TeamExecution } from "./types";

const leadWeeks = (t: TeamExecution) => t.leads.reduce((n, l) => n + l.weeks, 0);

/** Mean attainment over every measure-week of the teams (the dashboard's organization figure). */
export function overallAttainment(teams: readonly TeamExecution[], which: "current" | "previous" = "current"): number | null {
  let sum = 0;
  let weeks = 0;
  for (const t of teams) {
    const a = which === "current" ? t.attainment : t.previousAttainment;
    const w = which === "current" ? leadWeeks(t) : t.previousWeeks;
    if (a != null && w > 0) {
      sum += a * w;
      weeks += w;
    }
  }
  return weeks > 0 ? sum / weeks : null;
}

/** Check-ins held of those due, and commitments by review status with the share kept (partly done counts half). */
export function cadenceTotals(teams: readonly TeamExecution[]) {
  const held = teams.reduce((n, t) => n + t.checkIns.held, 0);
  const due = teams.reduce((n, t) => n + t.checkIns.due, 0);
  const c = teams.reduce((a, t) => ({ done: a.done + t.commitments.done, partial: a.partial + t.commitments.partial, notDone: a.notDone + t.commitments.notDone, open: a.open + t.commitments.open }), { done: 0, partial: 0, notDone: 0, open: 0 });
  const reviewed = c.done + c.partial + c.notDone;
  return { held, due, ...c, reviewed, kept: reviewed ? (c.done + PARTIAL_CREDIT * c.partial) / reviewed : null };
}

/** How many lag measures are on track as of the report. */
export const lagsOnTrack = (lags: readonly LagSnapshot[]) => lags.filter((l) => lagOnTrack(l) === "green").length;

/** Benefits and costs of all programs together, with their BCR and ROI %. */
export function combinedRoi(programs: readonly ProgramRoiSnapshot[]) {
  const costs = programs.reduce((n, p) => n + p.totals.costs, 0);
  const benefits = programs.reduce((n, p) => n + p.totals.benefits, 0);
  return { costs, benefits, bcr: costs > 0 ? benefits / costs : null, roiPercent: costs > 0 ? ((benefits - costs) / costs) * 100 : null };
}

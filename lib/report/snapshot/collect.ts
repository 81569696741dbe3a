import "server-only";
// The numbers of a quarterly report, collected once and frozen in its snapshot: execution (lead
// measures against targets per team, check-ins, commitments), results (each lag measure from its
// baseline to the quarter's as-of day against its path, with the forecast), the lead → lag
// findings, the ROI of the programs as of that day, last quarter's report and next quarter's
// targets. Every query is tenant-scoped; the statistics and ROI come from the same services the
// dashboard and the program pages use, so the report cannot disagree with the app.
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { combinedRoi, overallAttainment } from "@/lib/report/snapshot/aggregates";
import { REPORT_VERSION } from "@/lib/report/document";
import { parseQuarter, quarterCutoff, shiftQuarter, weeksOfQuarter, type Quarter } from "@/lib/domain/calendar/quarters";
import { lagOnTrack, type DriverFinding, type LagSnapshot, type PreviousReport, type ProgramRoiSnapshot, type ReportSnapshot, type TeamExecution } from "@/lib/report/snapshot/types";
import { lagPathValue } from "@/lib/domain/status";
import { addDays, fromUtcDate, localDay, toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import { notFound, validationError } from "@/lib/errors";
import { activeTeams } from "@/lib/queries/activeTeams";
import { quarterCadence } from "@/lib/queries/quarterCadence";
import { quarterLeadTotals, type QuarterLeadTotal } from "@/lib/queries/quarterLeadTotals";
import { teamAttainmentByWeek } from "@/lib/queries/teamAttainmentByWeek";
import { ATTAINMENT_CAP } from "@/lib/domain/risk";
import { lagForecast, leadLagAnalysis } from "@/lib/views/analytics";
import { computeProgramRoi } from "@/lib/views/programRoi";

export type SnapshotRequest = { scope: "organization" | "program"; programId: string | null; quarter: string; now: Date };
export type Progress = (share: number, stage: string) => Promise<void> | void;

/** Weeks of lead → lag history the report's findings use (the dashboard's default). */
const ANALYSIS_WEEKS = 52;

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);

export async function collectSnapshot(db: Db, ctx: TenantContext, req: SnapshotRequest, progress: Progress = () => {}): Promise<ReportSnapshot> {
  const { organizationId } = ctx;
  const org = ctx.organization;
  const quarter = parseQuarter(req.quarter);
  if (!quarter) throw validationError({ quarter: ["Choose a quarter such as 2026-Q3."] });
  const today = localDay(req.now, org.timeZone);
  const cut = quarterCutoff(quarter, today, org.weekStartsOn);
  if (!cut) throw validationError({ quarter: [`${quarter.label} has no ended week yet: choose an earlier quarter.`] });
  const previous = shiftQuarter(quarter, -1);
  const next = shiftQuarter(quarter, 1);
  const user = await db.user.findUnique({ where: { id: ctx.userId }, select: { name: true } });

  // ---- Scope: teams, programs, lag measures ----
  await progress(0, "Finding the teams and measures");
  const program =
    req.scope === "program"
      ? await db.program.findUnique({
          where: { organizationId_id: { organizationId, id: req.programId ?? "" } },
          include: { teams: { include: { team: { select: { id: true, name: true, archivedAt: true } } } }, benefits: { select: { lagMeasureId: true } } },
        })
      : null;
  if (req.scope === "program" && !program) throw notFound("Program not found.");
  const teams = program
    ? program.teams
        .map((t) => ({ id: t.teamId, name: t.team.name, role: t.role === "PARTICIPANT" ? ("participant" as const) : ("control" as const) }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    : (await activeTeams(db, organizationId)).map((t) => ({ ...t, role: null }));
  const teamIds = teams.map((t) => t.id);

  const allLags = await db.lagMeasure.findMany({
    where: { organizationId, archivedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    include: { team: { select: { name: true } }, drivers: { include: { leadMeasure: { select: { id: true, name: true, archivedAt: true } } } } },
  });
  const lags = program
    ? allLags.filter((l) => program.benefits.some((b) => b.lagMeasureId === l.id) || (l.teamId != null && teamIds.includes(l.teamId)))
    : allLags;

  // ---- Execution ----
  await progress(0.05, `Adding up lead measures for ${teams.length} team${teams.length === 1 ? "" : "s"}`);
  const execution = await executionOf(db, ctx, teams, cut, previous);

  // ---- Results ----
  const lagSnapshots: LagSnapshot[] = [];
  for (const [i, lag] of lags.entries()) {
    await progress(0.3 + (0.25 * i) / Math.max(1, lags.length), `Reading ${lag.name}`);
    lagSnapshots.push(await lagSnapshotOf(db, ctx, lag, quarter, cut.asOf, previous, next, req.now));
  }

  // ---- Lead → lag findings ----
  const pairs = lags.flatMap((l) => l.drivers.filter((d) => d.leadMeasure.archivedAt == null).map((d) => ({ lag: l, lead: d.leadMeasure })));
  pairs.sort((a, b) => a.lag.name.localeCompare(b.lag.name) || a.lead.name.localeCompare(b.lead.name));
  const drivers: DriverFinding[] = [];
  for (const [i, { lag, lead }] of pairs.entries()) {
    await progress(0.55 + (0.15 * i) / Math.max(1, pairs.length), `Testing ${lead.name} against ${lag.name}`);
    const a = await leadLagAnalysis(db, ctx, { leadMeasureId: lead.id, lagMeasureId: lag.id, to: cut.asOf, weeks: ANALYSIS_WEEKS }, req.now);
    const best = a.fits.find((f) => f.k === a.bestK) ?? null;
    drivers.push({
      leadMeasureId: lead.id,
      leadName: lead.name,
      lagMeasureId: lag.id,
      lagName: lag.name,
      kind: a.verdict.kind,
      text: a.verdict.text,
      k: a.bestK,
      n: best?.n ?? Math.max(0, ...a.fits.map((f) => f.n)),
      p: best?.p ?? null,
      slope: best?.slope ?? null,
      ci95: best?.ci95 ?? null,
      weeks: a.window.weeks,
    });
  }

  // ---- ROI ----
  const programs = program
    ? [program]
    : await db.program.findMany({ where: { organizationId, archivedAt: null, startDate: { lte: toUtcDate(cut.asOf) } }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  const roi: ProgramRoiSnapshot[] = [];
  for (const [i, p] of programs.entries()) {
    await progress(0.7 + (0.25 * i) / Math.max(1, programs.length), `Computing the ROI of ${p.name}`);
    roi.push(await programSnapshotOf(db, ctx, p.id, cut.asOf, previous));
  }

  await progress(0.95, "Looking up last quarter's report and next quarter's targets");
  const [previousReport, targets, openAhead] = await Promise.all([
    previousReportOf(db, organizationId, req, previous),
    db.teamLeadMeasure.findMany({
      where: { organizationId, teamId: { in: teamIds }, leadMeasure: { archivedAt: null }, weeklyTarget: { gt: 0 } },
      include: { team: { select: { name: true } }, leadMeasure: { select: { name: true, unit: true } } },
    }),
    db.commitment.count({ where: { organizationId, teamId: { in: teamIds }, status: "OPEN", weekStart: { gt: toUtcDate(cut.asOf) } } }),
  ]);

  return {
    version: REPORT_VERSION,
    organization: { name: org.name, locale: org.locale, currency: org.currency, timeZone: org.timeZone, green: org.greenThreshold, amber: org.amberThreshold },
    scope: program ? { kind: "program", programId: program.id, programName: program.name } : { kind: "organization" },
    quarter: { id: quarter.id, label: quarter.label, start: quarter.start, end: quarter.end, asOf: cut.asOf, complete: cut.complete, weeks: cut.weeks },
    previousQuarter: { id: previous.id, label: previous.label, start: previous.start, end: previous.end },
    nextQuarter: { id: next.id, label: next.label, start: next.start, end: next.end },
    generatedAt: req.now.toISOString(),
    preparedBy: user?.name ?? "an API token",
    teams: execution,
    lags: lagSnapshots,
    drivers,
    programs: roi,
    previousReport,
    nextQuarterTargets: targets
      .map((t) => ({ team: t.team.name, leadName: t.leadMeasure.name, unit: t.leadMeasure.unit, weeklyTarget: t.weeklyTarget }))
      .sort((a, b) => a.team.localeCompare(b.team) || a.leadName.localeCompare(b.leadName)),
    openCommitmentsAhead: openAhead,
  };
}

// ---------------------------------------------------------------------------------------------

type ScopeTeam = { id: string; name: string; role: TeamExecution["role"] };

function attainmentOf(rows: readonly QuarterLeadTotal[]): number | null {
  const weeks = rows.reduce((s, r) => s + r.weeks, 0);
  return weeks > 0 ? rows.reduce((s, r) => s + r.cappedSum, 0) / weeks : null;
}

async function executionOf(db: Db, ctx: TenantContext, teams: readonly ScopeTeam[], cut: { weeks: IsoDate[] }, previous: Quarter): Promise<TeamExecution[]> {
  if (!teams.length) return [];
  const { organizationId } = ctx;
  const { weekStartsOn, timeZone, greenThreshold: green, amberThreshold: amber } = ctx.organization;
  const teamIds = teams.map((t) => t.id);
  const span = { firstWeek: cut.weeks[0]!, lastWeek: cut.weeks.at(-1)!, weekStartsOn };
  const prevWeeks = weeksOfQuarter(previous, weekStartsOn);
  const [totals, prevTotals, weekly, cadence] = await Promise.all([
    quarterLeadTotals(db, { organizationId, teamIds, ...span, green }),
    quarterLeadTotals(db, { organizationId, teamIds, firstWeek: prevWeeks[0]!, lastWeek: prevWeeks.at(-1)!, weekStartsOn, green }),
    teamAttainmentByWeek(db, { organizationId, teamIds, ...span, cap: ATTAINMENT_CAP, thresholds: { green, amber } }),
    quarterCadence(db, { organizationId, teamIds, ...span, timeZone }),
  ]);
  const weekOf = new Map(weekly.map((r) => [`${r.teamId}|${r.weekStart}`, r.attainment]));
  return teams.map((t) => {
    const own = totals.filter((r) => r.teamId === t.id);
    const weeks = cut.weeks.map((w) => weekOf.get(`${t.id}|${w}`) ?? null);
    const present = weeks.filter((v): v is number => v != null);
    const c = cadence.find((r) => r.teamId === t.id);
    return {
      teamId: t.id,
      name: t.name,
      role: t.role,
      attainment: attainmentOf(own),
      previousAttainment: attainmentOf(prevTotals.filter((r) => r.teamId === t.id)),
      previousWeeks: prevTotals.filter((r) => r.teamId === t.id).reduce((n, r) => n + r.weeks, 0),
      earlyAttainment: present.length >= 2 ? mean(present.slice(0, Math.min(4, Math.floor(present.length / 2)))) : null,
      lateAttainment: present.length >= 2 ? mean(present.slice(-Math.min(4, Math.floor(present.length / 2)))) : null,
      weekly: weeks,
      leads: own.map((r) => ({ leadMeasureId: r.leadMeasureId, name: r.name, unit: r.unit, actual: r.actual, target: r.target, weeks: r.weeks, weeksOnTarget: r.weeksOnTarget })),
      checkIns: { held: c?.held ?? 0, due: c?.due ?? 0 },
      commitments: { done: c?.done ?? 0, partial: c?.partial ?? 0, notDone: c?.notDone ?? 0, open: c?.open ?? 0 },
    };
  });
}

type LagRow = {
  id: string;
  name: string;
  unit: string;
  kind: string;
  direction: LagSnapshot["direction"];
  teamId: string | null;
  team: { name: string } | null;
  baselineValue: number;
  baselineDate: Date;
  targetValue: number;
  targetDate: Date;
};

/** The latest value on or before `day`: a team's goal takes its team's (or unattributed) values, an organization's goal organization-wide ones. */
async function latestOn(db: Db, organizationId: string, lag: LagRow, day: IsoDate) {
  const o = await db.lagObservation.findFirst({
    where: {
      organizationId,
      lagMeasureId: lag.id,
      observedOn: { lte: toUtcDate(day) },
      ...(lag.teamId ? { OR: [{ teamId: null }, { teamId: lag.teamId }] } : { teamId: null }),
    },
    orderBy: [{ observedOn: "desc" }, { createdAt: "desc" }],
    select: { value: true, observedOn: true },
  });
  return o ? { value: o.value, date: fromUtcDate(o.observedOn) } : null;
}

async function lagSnapshotOf(db: Db, ctx: TenantContext, lag: LagRow, quarter: Quarter, asOf: IsoDate, previous: Quarter, next: Quarter, now: Date): Promise<LagSnapshot> {
  const { organizationId } = ctx;
  const baseline = { value: lag.baselineValue, date: fromUtcDate(lag.baselineDate) };
  const target = { value: lag.targetValue, date: fromUtcDate(lag.targetDate) };
  const [atStart, atEnd, previousEnd, f] = await Promise.all([
    latestOn(db, organizationId, lag, addDays(quarter.start, -1)),
    latestOn(db, organizationId, lag, asOf),
    latestOn(db, organizationId, lag, previous.end),
    lagForecast(db, ctx, { lagMeasureId: lag.id, to: asOf }, now),
  ]);
  return {
    lagMeasureId: lag.id,
    name: lag.name,
    unit: lag.unit,
    kind: lag.kind,
    direction: lag.direction,
    team: lag.team?.name ?? null,
    baseline,
    target,
    atStart,
    atEnd,
    pathAtEnd: lagPathValue(baseline, target, atEnd?.date ?? asOf),
    pathAtNextQuarterEnd: lagPathValue(baseline, target, next.end),
    previousEnd,
    history: f.history.map((w) => ({ weekStart: w.weekStart, value: w.value })),
    forecast: f.forecast.kind === "forecast" ? f.forecast.points.map(({ weekStart, mean, lo80, hi80, lo95, hi95 }) => ({ weekStart, mean, lo80, hi80, lo95, hi95 })) : null,
    forecastNote: f.forecast.reason,
  };
}

async function programSnapshotOf(db: Db, ctx: TenantContext, programId: string, asOf: IsoDate, previous: Quarter): Promise<ProgramRoiSnapshot> {
  // The ROI as the program page would have shown it the day after the as-of day, with the costs
  // incurred by then.
  const roi = await computeProgramRoi(db, ctx, programId, { today: addDays(asOf, 1), costsThrough: asOf });
  const before = roi.program.startDate <= previous.end ? await computeProgramRoi(db, ctx, programId, { today: addDays(previous.end, 1), costsThrough: previous.end, draws: 1_000 }) : null;
  const byCategory = new Map<string, { category: string; label: string; amount: number }>();
  for (const c of roi.costLines) {
    const e = byCategory.get(c.category) ?? { category: c.category, label: c.categoryLabel, amount: 0 };
    e.amount += c.amount;
    byCategory.set(c.category, e);
  }
  return {
    programId: roi.program.id,
    name: roi.program.name,
    startDate: roi.program.startDate,
    participants: roi.program.participants.map((t) => t.name),
    controls: roi.program.controls.map((t) => t.name),
    benefitMonths: roi.benefitMonths.length,
    costs: [...byCategory.values()],
    costsExcluded: roi.costsExcluded,
    totals: roi.totals,
    bcr: roi.roi?.bcr ?? null,
    roiPercent: roi.roi?.roiPercent ?? null,
    paybackMonths: roi.roi?.paybackMonths ?? null,
    breakEvenMonth: roi.breakEvenMonth,
    range: roi.range ? { p10: roi.range.p10, p50: roi.range.p50, p90: roi.range.p90, draws: roi.range.draws, seed: roi.range.seed } : null,
    lines: roi.lines.map((l) => ({
      name: l.name,
      kind: l.kind,
      lagName: l.lagMeasure?.name ?? null,
      chosenMethod: l.isolation.chosen,
      usedMethod: l.isolation.usedMethod,
      isolationNote: l.isolation.note,
      improvement: l.isolation.improvement,
      margin: l.margin,
      confidence: l.confidence,
      attributed: l.attributed,
      monthlyAttributed: l.monthlyAttributed,
      formula: l.formula,
      evidence: l.evidence,
    })),
    months: roi.months.map((m) => ({ month: m.month, cumulativeCosts: m.cumulativeCosts, cumulativeBenefits: m.cumulativeBenefits })),
    projection: roi.projection.months.map((m) => ({ month: m.month, cumulativeBenefits: m.cumulativeBenefits, lo: m.cumulativeLo, hi: m.cumulativeHi, cumulativeCosts: m.cumulativeCosts })),
    projectedRoiPercent: roi.projection.roiPercent,
    assumptions: roi.assumptions,
    intangibles: roi.intangibles.map((i) => ({ name: i.name, note: i.note })),
    previous: before ? { roiPercent: before.roi?.roiPercent ?? null, bcr: before.roi?.bcr ?? null, benefits: before.totals.benefits, costs: before.totals.costs } : null,
  };
}

async function previousReportOf(db: Db, organizationId: string, req: SnapshotRequest, previous: Quarter): Promise<PreviousReport | null> {
  const row = await db.report.findFirst({
    where: { organizationId, quarter: previous.id, scope: req.scope === "program" ? "PROGRAM" : "ORGANIZATION", programId: req.scope === "program" ? req.programId : null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  if (!row) return null;
  const s = row.snapshot as ReportSnapshot;
  const totals = combinedRoi(s.programs);
  const one = s.programs.length === 1 ? s.programs[0]! : null;
  return {
    reportId: row.id,
    quarterLabel: s.quarter.label,
    createdAt: row.createdAt.toISOString(),
    attainment: overallAttainment(s.teams),
    lagsOnTrack: s.lags.filter((l) => lagOnTrack(l) === "green").length,
    lagsTotal: s.lags.length,
    roiPercent: totals.roiPercent,
    bcr: totals.bcr,
    p10: one?.range?.p10 ?? null,
    p90: one?.range?.p90 ?? null,
    benefits: s.programs.length ? totals.benefits : null,
    costs: s.programs.length ? totals.costs : null,
  };
}

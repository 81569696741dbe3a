import "server-only";
// A program's ROI for its page, the reports and the API: load the program tenant-scoped, the
// weekly series of each benefit line's lag measure in SQL (participants, controls, organization),
// and a monthly (quarterly) lag's series at its cadence for the projection to follow, then run the
// pure computation in lib/domain/roi/program.ts. The result is plain JSON and lists every input:
// costs with categories, each benefit's formula and isolation numbers, assumptions.
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireProgramRoiAccess } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { computeProgramRoi as computeCore } from "@/lib/domain/roi/program";
import { trainingBudget, type TrainingBudget } from "@/lib/domain/roi/budget";
import { whatIfLine, type WhatIfLine } from "@/lib/domain/roi/whatIf";
import type { BenefitParameters, BenefitSpec, LineSeries, ProgramRoiCore, ProjectionMonth } from "@/lib/domain/roi/types";
import { addDays, fromUtcDate, localDay, weekStart, type IsoDate } from "@/lib/domain/calendar/weeks";
import { formatMoney } from "@/lib/domain/format";
import { measureRange } from "@/lib/domain/stats/forecastRange";
import { notFound } from "@/lib/errors";
import { lagMonthlySeries } from "@/lib/queries/lagMonthlySeries";
import { lagWeeklySeries } from "@/lib/queries/lagWeeklySeries";
import { leadWeeklySeries } from "@/lib/queries/leadWeeklySeries";
import { programSeriesLag } from "@/lib/queries/programSeriesLag";
import { programWithLedgers } from "@/lib/queries/programWithLedgers";
import { COST_CATEGORY_LABEL } from "@/lib/schemas/programs";
import { cadenceOf, forecastPeriodSeries, type SeriesCadence } from "./analytics";

/** Weeks of history before the start that the isolation methods may use. */
export const PRE_PROGRAM_WEEKS = 26;

export type ProgramRoiCost = {
  id: string;
  category: keyof typeof COST_CATEGORY_LABEL;
  categoryLabel: string;
  description: string;
  incurredOn: IsoDate;
  /** The program's share (already ÷ cohorts). */
  amount: number;
  hours: number | null;
  hourlyRate: number | null;
  cohorts: number;
  /** How the amount was computed. */
  formula: string;
};

export type ProgramWhatIf = {
  leadMeasure: { id: string; name: string; unit: string };
  changePercent: number;
  /** True when at least one line has a predictive lead → lag fit to follow. */
  available: boolean;
  /** Why nothing moves, when `available` is false. */
  reason: string | null;
  lines: WhatIfLine[];
  /** Change in attributed benefit per month, summed over the available lines. */
  monthlyBenefitChange: number;
  /** Its 95% range: the lines' ranges added end to end (at least as wide as the range of the sum). */
  monthlyBenefitChangeRange: [number, number];
  /** The projection with the change applied from next month on. */
  projection: ProjectionMonth[];
  /** ROI % at the end of the fourth quarter without and with the change. */
  baseRoiPercent: number | null;
  roiPercent: number | null;
};

export type ProgramRoi = ProgramRoiCore & {
  program: {
    id: string;
    name: string;
    description: string;
    startDate: IsoDate;
    endDate: IsoDate | null;
    rangeSeed: number;
    participants: { id: string; name: string }[];
    controls: { id: string; name: string }[];
  };
  locale: string;
  costLines: ProgramRoiCost[];
  intangibles: { id: string; name: string; note: string }[];
  /** Inflation rate × average salary × headcount vs the costs; null without an average salary. */
  trainingBudget: TrainingBudget | null;
  /** Costs dated after `costsThrough`, left out of every figure. */
  costsExcluded: number;
  whatIf: ProgramWhatIf | null;
};

export type ComputeProgramRoiOptions = {
  now?: Date;
  whatIf?: { leadMeasureId: string; changePercent: number };
  /** Monte Carlo draws (default 10,000). */
  draws?: number;
  /** "Today" in the organization's calendar, instead of `now` (a quarterly report's day after its as-of day). */
  today?: IsoDate;
  /** Leave out costs incurred after this day (a report as of a past day); their sum is `costsExcluded`. */
  costsThrough?: IsoDate;
};

const values = (rows: { value: number | null }[]) => rows.map((r) => r.value);

export async function computeProgramRoi(db: Db, ctx: TenantContext, programId: string, opts: ComputeProgramRoiOptions = {}): Promise<ProgramRoi> {
  requireProgramRoiAccess(ctx.role);
  const loaded = await programWithLedgers(db, { organizationId: ctx.organizationId, programId });
  if (!loaded) throw notFound("Program not found.");
  const counted = (c: { incurredOn: Date }) => !opts.costsThrough || fromUtcDate(c.incurredOn) <= opts.costsThrough;
  const program = { ...loaded, costs: loaded.costs.filter(counted) };
  const costsExcluded = loaded.costs.filter((c) => !counted(c)).reduce((s, c) => s + c.amount, 0);
  const { organizationId } = ctx;
  const { timeZone, weekStartsOn, currency, locale } = ctx.organization;
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { trainingInflationRate: true } });
  const today = opts.today ?? localDay(opts.now ?? clock.now(), timeZone);
  const startDate = fromUtcDate(program.startDate);
  const participants = program.teams.filter((t) => t.role === "PARTICIPANT");
  const controls = program.teams.filter((t) => t.role === "CONTROL");
  // Complete weeks only: a week still under way would read as a drop in every series.
  const lastWeek = addDays(weekStart(today, weekStartsOn), -7);
  const firstWeek = addDays(weekStart(startDate, weekStartsOn) < lastWeek ? weekStart(startDate, weekStartsOn) : lastWeek, -7 * PRE_PROGRAM_WEEKS);
  const window = { organizationId, firstWeek, lastWeek, weekStartsOn };

  const seriesOf = async (lagMeasureId: string, cadence: SeriesCadence): Promise<LineSeries> => {
    const teamIds = participants.map((t) => t.teamId);
    const own = await programSeriesLag(db, { ...window, lagMeasureId, teamIds });
    const hasOwn = own.some((w) => w.value != null);
    // Teams without values of their own for an organization-wide measure: the organization's values.
    const participant = hasOwn ? own : await lagWeeklySeries(db, { ...window, lagMeasureId, teamId: null });
    const control = hasOwn && controls.length ? await programSeriesLag(db, { ...window, lagMeasureId, teamIds: controls.map((t) => t.teamId) }) : null;
    // A lag measured monthly (quarterly) is projected at its cadence, on the periods its forecast
    // is fitted on as of today, from the same values (the teams', or the organization's).
    const periods =
      cadence === "weekly"
        ? null
        : await forecastPeriodSeries(cadence, weekStart(today, weekStartsOn), (p) => lagMonthlySeries(db, { organizationId, lagMeasureId, ...p, ...(hasOwn ? { teamIds } : { teamId: null }) }));
    return {
      weeks: participant.map((w) => w.weekStart),
      participant: values(participant),
      control: control && control.some((w) => w.value != null) ? values(control) : null,
      scope: hasOwn ? "teams" : "organization",
      periods: periods && { unit: cadence === "quarterly" ? "quarter" : "month", starts: periods.map((p) => p.periodStart), participant: values(periods) },
    };
  };

  const benefits: BenefitSpec[] = [];
  for (const b of program.benefits) {
    const lag = b.lagMeasure
      ? { id: b.lagMeasure.id, name: b.lagMeasure.name, unit: b.lagMeasure.unit, direction: b.lagMeasure.direction, range: measureRange(b.lagMeasure) }
      : null;
    benefits.push({
      id: b.id,
      name: b.name,
      kind: b.kind,
      parameters: { ...(b.parameters as object), kind: b.kind } as BenefitParameters,
      margin: b.margin,
      confidence: b.confidence,
      isolationMethod: b.isolationMethod,
      estimateShare: b.estimateShare,
      estimateConfidence: b.estimateConfidence,
      evidence: b.evidence,
      lag,
      series: lag && b.kind !== "MANUAL" ? await seriesOf(lag.id, cadenceOf(b.lagMeasure!.cadence)) : null,
    });
  }

  const core = computeCore({
    startDate,
    today,
    currency,
    locale,
    rangeSeed: program.rangeSeed,
    draws: opts.draws,
    costs: program.costs.map((c) => ({ id: c.id, category: c.category, description: c.description, incurredOn: fromUtcDate(c.incurredOn), amount: c.amount, hours: c.hours, hourlyRate: c.hourlyRate, cohorts: c.cohorts })),
    benefits,
  });

  const money = (v: number) => formatMoney(v, locale, currency, "minor");
  const costLines: ProgramRoiCost[] = program.costs.map((c) => ({
    id: c.id,
    category: c.category,
    categoryLabel: COST_CATEGORY_LABEL[c.category],
    description: c.description,
    incurredOn: fromUtcDate(c.incurredOn),
    amount: c.amount,
    hours: c.hours,
    hourlyRate: c.hourlyRate,
    cohorts: c.cohorts,
    formula:
      (c.hours != null && c.hourlyRate != null ? `${c.hours} h × ${money(c.hourlyRate)}` : money(c.amount * c.cohorts)) +
      (c.cohorts > 1 ? ` ÷ ${c.cohorts} cohorts` : "") +
      ` = ${money(c.amount)}`,
  }));

  const headcount = participants.length
    ? await db.teamMember.count({ where: { organizationId, teamId: { in: participants.map((t) => t.teamId) } } })
    : 0;

  return {
    ...core,
    program: {
      id: program.id,
      name: program.name,
      description: program.description,
      startDate,
      endDate: program.endDate ? fromUtcDate(program.endDate) : null,
      rangeSeed: program.rangeSeed,
      participants: participants.map((t) => ({ id: t.teamId, name: t.team.name })),
      controls: controls.map((t) => ({ id: t.teamId, name: t.team.name })),
    },
    locale,
    costLines,
    intangibles: program.intangibles.map((i) => ({ id: i.id, name: i.name, note: i.note })),
    trainingBudget: trainingBudget({
      inflationRate: org?.trainingInflationRate ?? 0.0175,
      averageSalary: program.averageSalary,
      headcount,
      plannedCosts: core.totals.costs,
      locale,
      currency,
    }),
    costsExcluded,
    whatIf: opts.whatIf ? await whatIfOf(db, ctx, core, benefits, participants.map((t) => t.teamId), window, opts.whatIf) : null,
  };
}

async function whatIfOf(
  db: Db,
  ctx: TenantContext,
  core: ProgramRoiCore,
  benefits: BenefitSpec[],
  participantTeamIds: string[],
  window: { organizationId: string; firstWeek: IsoDate; lastWeek: IsoDate; weekStartsOn: number },
  ask: { leadMeasureId: string; changePercent: number },
): Promise<ProgramWhatIf> {
  const lead = await db.leadMeasure.findUnique({ where: { organizationId_id: { organizationId: ctx.organizationId, id: ask.leadMeasureId } } });
  if (!lead) throw notFound("Lead measure not found.");
  const fmt = { locale: ctx.organization.locale, currency: ctx.organization.currency };
  const teamLead = await leadWeeklySeries(db, { ...window, leadMeasureId: lead.id, teamIds: participantTeamIds });
  const orgLead = benefits.some((b) => b.series?.scope === "organization") ? await leadWeeklySeries(db, { ...window, leadMeasureId: lead.id, teamId: null }) : null;
  const lines = core.lines.map((line) => {
    const spec = benefits.find((b) => b.id === line.id)!;
    if (!spec.series) return whatIfLine(line, [], [], ask.changePercent, fmt);
    // The lead is summed over the same scope whose lag values were used.
    const leadSeries = spec.series.scope === "teams" ? teamLead : orgLead!;
    return whatIfLine(line, leadSeries.map((w) => w.value), spec.series.participant, ask.changePercent, fmt);
  });
  const available = lines.flatMap((l) => (l.available ? [l] : []));
  const monthlyBenefitChange = available.reduce((s, l) => s + l.monthlyBenefitChange, 0);
  // The lines' ranges added end to end: at least as wide as the range of their sum.
  const [changeLo, changeHi] = available.reduce(([lo, hi], l) => [lo + l.monthlyBenefitChangeRange[0], hi + l.monthlyBenefitChangeRange[1]], [0, 0]);
  // The band moves by the change's own range as well: its low edge by the smallest change, its high edge by the largest.
  const projection = core.projection.months.map((m, j) => ({
    ...m,
    benefits: m.benefits + monthlyBenefitChange,
    lo: m.lo + changeLo,
    hi: m.hi + changeHi,
    cumulativeBenefits: m.cumulativeBenefits + monthlyBenefitChange * (j + 1),
    cumulativeLo: m.cumulativeLo + changeLo * (j + 1),
    cumulativeHi: m.cumulativeHi + changeHi * (j + 1),
  }));
  const costs = core.totals.costs;
  const last = projection.at(-1);
  const roiPercent = costs > 0 && last ? ((last.cumulativeBenefits - costs) / costs) * 100 : null;
  const reason = available.length
    ? null
    : `No predictive lead → lag relationship for ${lead.name}: ${lines.map((l) => `${l.name}: ${l.available ? "" : l.reason}`).join(" ")}`;
  return {
    leadMeasure: { id: lead.id, name: lead.name, unit: lead.unit },
    changePercent: ask.changePercent,
    available: available.length > 0,
    reason,
    lines,
    monthlyBenefitChange,
    monthlyBenefitChangeRange: [changeLo, changeHi],
    projection,
    baseRoiPercent: core.projection.roiPercent,
    roiPercent,
  };
}

import "server-only";
// The demo's ROI program, "Customer service training, Q3": Tier 1 Support and Billing Care take
// part, Technical Escalations is the control group. It starts when the demo's lead activity
// starts, carries a fully-loaded cost ledger, and prices three benefits — retention (trend-line
// isolation, CLV inputs), resolution time (control group) and referrals (manual, with evidence) —
// plus two intangibles. Called with the demo's transaction after seedDemoOrganization's data exists.
import { randomUUID } from "node:crypto";
import { createRng } from "@/lib/domain/stats/random";
import { addMonths, lastDayOfMonth, monthOf } from "@/lib/domain/calendar/months";
import { fromUtcDate, toUtcDate, addDays, type IsoDate } from "@/lib/domain/calendar/weeks";
import type { Prisma } from "@/lib/generated/prisma/client";
import { benefitParametersSchema } from "@/lib/schemas/programs";
import type { DbClient } from "../factories";

export const DEMO_PROGRAM_NAME = "Customer service training, Q3";
const PARTICIPANTS = ["Tier 1 Support", "Billing Care"];
const CONTROL = "Technical Escalations";
/** Months of retention history before the demo's first value, so the trend line has a baseline. */
const RETENTION_HISTORY_MONTHS = 9;

export async function seedDemoProgram(tx: DbClient, organizationId: string): Promise<{ programId: string; startDate: IsoDate }> {
  const teams = await tx.team.findMany({ where: { organizationId, name: { in: [...PARTICIPANTS, CONTROL] } }, select: { id: true, name: true } });
  const teamId = (name: string) => {
    const t = teams.find((x) => x.name === name);
    if (!t) throw new Error(`The demo program needs the team "${name}".`);
    return t.id;
  };
  const lags = await tx.lagMeasure.findMany({ where: { organizationId }, select: { id: true, name: true } });
  const lagId = (name: string) => {
    const l = lags.find((x) => x.name === name);
    if (!l) throw new Error(`The demo program needs the lag measure "${name}".`);
    return l.id;
  };
  // The program started with the demo's lead activity.
  const first = await tx.leadEntry.aggregate({ where: { organizationId }, _min: { entryDate: true } });
  const start = first._min.entryDate ? fromUtcDate(first._min.entryDate) : addDays(fromUtcDate(new Date()), -91);
  const on = (days: number) => toUtcDate(addDays(start, days));

  await seedRetentionHistory(tx, organizationId, lagId("Customer retention"));

  const programId = randomUUID();
  await tx.program.create({
    data: {
      organizationId,
      id: programId,
      name: DEMO_PROGRAM_NAME,
      description: "Service-skills training for the front-line teams, with weekly coaching and recognition to make it stick.",
      startDate: toUtcDate(start),
      averageSalary: 28_000,
    },
  });
  await tx.programTeam.createMany({
    data: [
      ...PARTICIPANTS.map((name) => ({ organizationId, programId, teamId: teamId(name), role: "PARTICIPANT" as const })),
      { organizationId, programId, teamId: teamId(CONTROL), role: "CONTROL" as const },
    ],
  });

  // Fully loaded: every category, participants' time at the loaded hourly rate (salary + benefits).
  const costs: { category: Prisma.ProgramCostCreateManyInput["category"]; description: string; days: number; amount?: number; hours?: number; hourlyRate?: number; cohorts?: number }[] = [
    { category: "NEEDS_ASSESSMENT", description: "Call listening and interviews with team leads", days: -30, amount: 3_500 },
    { category: "DESIGN_DEVELOPMENT", description: "Course design, shared by three cohorts", days: -21, amount: 24_000, cohorts: 3 },
    { category: "DELIVERY", description: "External facilitator, six half-day sessions", days: 7, amount: 9_000 },
    { category: "PARTICIPANT_TIME", description: "11 people × 8 hours off the queue", days: 7, hours: 88, hourlyRate: 32 },
    { category: "PARTICIPANT_TIME", description: "Weekly huddles and coaching, 11 people × 20 minutes × 26 weeks", days: 91, hours: 95, hourlyRate: 32 },
    { category: "TECHNOLOGY", description: "Learning platform licences", days: 0, amount: 1_800 },
    { category: "SUPPORT", description: "Team leads' coaching time and the recognition budget", days: 30, amount: 4_500 },
    { category: "OVERHEAD", description: "Rooms and administration", days: 30, amount: 1_200 },
    { category: "EVALUATION", description: "Survey analysis and the ROI study", days: 120, amount: 3_000 },
  ];
  await tx.programCost.createMany({
    data: costs.map((c) => {
      const cohorts = c.cohorts ?? 1;
      const gross = c.hours != null ? c.hours * c.hourlyRate! : c.amount!;
      return {
        organizationId,
        programId,
        category: c.category,
        description: c.description,
        incurredOn: on(c.days),
        amount: gross / cohorts,
        hours: c.hours ?? null,
        hourlyRate: c.hourlyRate ?? null,
        cohorts,
      };
    }),
  });

  const param = (p: unknown) => benefitParametersSchema.parse(p) as Prisma.InputJsonValue;
  await tx.programBenefit.createMany({
    data: [
      {
        organizationId,
        programId,
        name: "Customers retained",
        kind: "RETENTION",
        lagMeasureId: lagId("Customer retention"),
        parameters: param({ kind: "RETENTION", customerBase: 2_400, clvMargin: 420, clvRetention: 0.86, clvDiscountRate: 0.08, clvAcquisitionCost: 150 }),
        margin: 1,
        confidence: 0.8,
        isolationMethod: "TREND_LINE",
        evidence: "Monthly retention from the billing system; CLV inputs from finance (yearly margin £420, acquisition £150).",
      },
      {
        organizationId,
        programId,
        name: "Faster resolution",
        kind: "COST_SAVING",
        lagMeasureId: lagId("Average resolution time"),
        parameters: param({ kind: "COST_SAVING", volumePerMonth: 1_200, costPerUnit: 1.5 }),
        margin: 1,
        confidence: 0.7,
        isolationMethod: "CONTROL_GROUP",
        evidence: "1,200 tickets a month for the two teams; £1.50 of follow-up and escalation cost per open ticket-hour (finance estimate).",
      },
      {
        organizationId,
        programId,
        name: "Referrals from delighted customers",
        kind: "MANUAL",
        lagMeasureId: null,
        parameters: param({ kind: "MANUAL", monthlyValue: 900 }),
        margin: 0.4,
        confidence: 0.6,
        isolationMethod: "ESTIMATE",
        estimateShare: 0.5,
        estimateConfidence: 0.8,
        evidence: "CRM: about 18 referral orders a month name a support agent, £50 each; team leads attribute half to the training (80% sure).",
      },
    ],
  });
  await tx.programIntangible.createMany({
    data: [
      { organizationId, programId, name: "Agent confidence and morale", note: "Pulse survey comments mention feeling better equipped for hard calls." },
      { organizationId, programId, name: "Brand reputation", note: "Fewer escalated complaints on social media; not priced." },
    ],
  });
  return { programId, startDate: start };
}

/**
 * Month-end retention values for the months before the demo's first one, around its baseline with
 * no program effect: the trend line needs a pre-program history to project. Skipped when they exist.
 */
async function seedRetentionHistory(tx: DbClient, organizationId: string, lagMeasureId: string) {
  const firstObs = await tx.lagObservation.findFirst({ where: { organizationId, lagMeasureId, teamId: null }, orderBy: { observedOn: "asc" } });
  const measure = await tx.lagMeasure.findUnique({ where: { organizationId_id: { organizationId, id: lagMeasureId } } });
  if (!firstObs || !measure) return;
  const firstDay = fromUtcDate(firstObs.observedOn);
  const older = await tx.lagObservation.count({ where: { organizationId, lagMeasureId, observedOn: { lt: toUtcDate(addDays(firstDay, -40)) } } });
  if (older > 0) return;
  const rng = createRng(4242);
  const rows = Array.from({ length: RETENTION_HISTORY_MONTHS }, (_, i) => {
    // The last day of the month i + 1 months before the first value's month.
    const observedOn = toUtcDate(lastDayOfMonth(addMonths(monthOf(firstDay), -(i + 1))));
    return {
      organizationId,
      lagMeasureId,
      teamId: null,
      observedOn,
      value: Math.round((measure.baselineValue + rng.normal(0, 0.3)) * 10) / 10,
      source: "SEED" as const,
      createdAt: new Date(observedOn.getTime() + 20 * 3_600_000),
    };
  });
  await tx.lagObservation.createMany({ data: rows });
}

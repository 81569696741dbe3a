// The demo organization "Northwind Support": three service teams that started a coaching and
// recognition program 13 weeks ago. Lead activity ramps up (unevenly: Technical Escalations
// lags behind), and the lag measures follow a few weeks later — CSAT and retention up,
// resolution time down — with noise. Deterministic for a given seed and `today`.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { Aggregation, Cadence, Direction, EntrySource, LagKind, Role } from "@/lib/generated/prisma/enums";
import {
  cachedPasswordHash,
  createLagObservations,
  createLeadEntries,
  initialTargets,
  type DbClient,
  type LagObservationRow,
  type LeadEntryRow,
} from "../factories";
import { createRng, type Rng } from "@/lib/domain/stats/random";
import { seedDemoProgram } from "./program";

export const DEMO_ORG_SLUG = "demo";
export const DEMO_ORG_NAME = "Northwind Support";
export const DEMO_PASSWORD = "leadlag-demo";
export const DEMO_SEED = 20240601;

/** The demo logins, one source for the README, the tests and the e2e specs. */
export const DEMO_USERS = {
  owner: { email: "admin@leadlag.demo", name: "Alex Morgan", role: Role.OWNER, password: DEMO_PASSWORD, team: null },
  manager: {
    email: "manager@leadlag.demo",
    name: "Priya Shah",
    role: Role.MANAGER,
    password: DEMO_PASSWORD,
    team: "Tier 1 Support",
  },
  member: { email: "member@leadlag.demo", name: "Sam Taylor", role: Role.MEMBER, password: DEMO_PASSWORD, team: "Tier 1 Support" },
} as const;

type TeamSpec = {
  name: string;
  /** The first person is the team lead. */
  people: readonly { name: string; email?: string; role?: Role }[];
  /** Lead-measure attainment (share of target): at the program start, at the plateau, ramp midpoint (weeks). */
  ramp: { start: number; end: number; mid: number };
  /** Per-person weekly target multiplier for this team's work. */
  targetScale: number;
  /** Team's own baseline for the per-team lag observations. */
  csat: number;
  resolutionHours: number;
};

const TEAMS: readonly TeamSpec[] = [
  {
    name: "Tier 1 Support",
    people: [
      { name: DEMO_USERS.manager.name, email: DEMO_USERS.manager.email, role: Role.MANAGER },
      { name: DEMO_USERS.member.name, email: DEMO_USERS.member.email },
      { name: "Jordan Lee" },
      { name: "Maya Patel" },
      { name: "Chris Walker" },
      { name: "Aisha Khan" },
    ],
    ramp: { start: 0.55, end: 1.08, mid: 4.5 },
    targetScale: 1,
    csat: 79.5,
    resolutionHours: 14,
  },
  {
    name: "Billing Care",
    people: [{ name: "Daniel Okafor" }, { name: "Emma Wilson" }, { name: "Lucas Martin" }, { name: "Sofia Rossi" }, { name: "Noah Brown" }],
    ramp: { start: 0.45, end: 0.98, mid: 6 },
    targetScale: 1,
    csat: 77.5,
    resolutionHours: 22,
  },
  {
    name: "Technical Escalations",
    people: [{ name: "Hannah Fischer" }, { name: "Omar Haddad" }, { name: "Grace Kim" }, { name: "Ben Carter" }],
    ramp: { start: 0.35, end: 0.78, mid: 8 },
    targetScale: 0.75,
    csat: 75.5,
    resolutionHours: 48,
  },
];

type MeasureSpec = {
  name: string;
  description: string;
  unit: string;
  aggregation: Aggregation;
  /** Per-person weekly target before the team's scale. */
  perPerson: number;
  /** Value of one logged entry: counts log whole numbers per day, hours log sessions. */
  kind: "daily-count" | "each" | "hours";
};

const MEASURES: readonly MeasureSpec[] = [
  {
    name: "Coaching conversations",
    description: "One-to-one coaching conversations about a real customer interaction.",
    unit: "conversations",
    aggregation: Aggregation.SUM,
    perPerson: 3,
    kind: "daily-count",
  },
  {
    name: "Recognitions given",
    description: "Specific, timely recognition of a colleague's service behaviour (one entry each).",
    unit: "recognitions",
    aggregation: Aggregation.COUNT,
    perPerson: 2,
    kind: "each",
  },
  {
    name: "Service moments discussed",
    description: "Customer moments reviewed in huddles or team meetings.",
    unit: "moments",
    aggregation: Aggregation.SUM,
    perPerson: 2,
    kind: "daily-count",
  },
  {
    name: "Customer stories shared",
    description: "Customer success stories and complaints shared with the team.",
    unit: "stories",
    aggregation: Aggregation.SUM,
    perPerson: 1,
    kind: "daily-count",
  },
  {
    name: "Training hours",
    description: "Hours of service-skills training completed.",
    unit: "hours",
    aggregation: Aggregation.SUM,
    perPerson: 1.5,
    kind: "hours",
  },
];

type LagSpec = {
  name: string;
  description: string;
  kind: LagKind;
  unit: string;
  direction: Direction;
  cadence: Cadence;
  baseline: number;
  target: number;
  /** Change at full program effect (signed: negative for resolution time). */
  gain: number;
  noise: number;
  decimals: number;
  /** Whether per-team observations are recorded too. */
  perTeam: "csat" | "resolutionHours" | null;
};

const LAGS: readonly LagSpec[] = [
  {
    name: "CSAT",
    description: "Share of surveyed customers rating their support experience 4 or 5 out of 5.",
    kind: LagKind.PERCENTAGE,
    unit: "%",
    direction: Direction.HIGHER_IS_BETTER,
    cadence: Cadence.WEEKLY,
    baseline: 78,
    target: 88,
    gain: 8,
    noise: 0.45,
    decimals: 1,
    perTeam: "csat",
  },
  {
    name: "Average resolution time",
    description: "Mean hours from ticket opened to resolved.",
    kind: LagKind.DURATION,
    unit: "hours",
    direction: Direction.LOWER_IS_BETTER,
    cadence: Cadence.WEEKLY,
    baseline: 26,
    target: 18,
    gain: -0.22, // relative: −22% at full effect
    noise: 0.015, // relative
    decimals: 1,
    perTeam: "resolutionHours",
  },
  {
    name: "Customer retention",
    description: "Share of customers active at the start of the month still active at its end.",
    kind: LagKind.PERCENTAGE,
    unit: "%",
    direction: Direction.HIGHER_IS_BETTER,
    cadence: Cadence.MONTHLY,
    baseline: 86,
    target: 91,
    gain: 3.2,
    noise: 0.35,
    decimals: 1,
    perTeam: null,
  },
  {
    name: "NPS",
    description: "Net Promoter Score from the monthly relationship survey.",
    kind: LagKind.SCORE,
    unit: "",
    direction: Direction.HIGHER_IS_BETTER,
    cadence: Cadence.MONTHLY,
    baseline: 22,
    target: 40,
    gain: 14,
    noise: 2.2,
    decimals: 0,
    perTeam: null,
  },
];

/** Full weeks of history before the current week. */
const HISTORY_WEEKS = 13;
/** Lag measures' baseline: this many weeks before the program started. */
const BASELINE_WEEKS_BEFORE = 2;
/** Lag effects follow lead activity by 3–6 weeks. */
const LAG_FROM = 3;
/** The lead measures whose weekly ups and downs move the lag measures (LAG_FROM weeks later). */
const DRIVER_MEASURES = ["Coaching conversations", "Recognitions given"];
/** How strongly a week's surprise in driver activity moves the results (in program-effect units). */
const WEEKLY_RESPONSE = 4;
const LAG_TO = 6;

function slugEmail(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@leadlag.demo`;
}

/** Every email the demo creates. */
export const DEMO_EMAILS: readonly string[] = [
  DEMO_USERS.owner.email,
  ...TEAMS.flatMap((t) => t.people.map((p) => p.email ?? slugEmail(p.name))),
];

export type SeedDemoOptions = {
  /** "Now" for the demo; its calendar date in the organization's time zone is the last day with data. */
  today?: Date;
  /** PRNG seed (default DEMO_SEED). */
  seed?: number;
};

export type DemoSummary = {
  organizationId: string;
  slug: string;
  seed: number;
  /** First and last dates with lead entries (YYYY-MM-DD). */
  from: string;
  to: string;
  weeks: number;
  counts: {
    users: number;
    teams: number;
    teamMembers: number;
    leadMeasures: number;
    teamLeadMeasures: number;
    lagMeasures: number;
    leadEntries: number;
    lagObservations: number;
  };
  totalLeadValue: number;
};

const DAY = 86_400_000;
const TIME_ZONE = "Europe/London";
const TX_OPTIONS = { timeout: 120_000, maxWait: 20_000 } as const;

const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar date of `instant` in `timeZone`, as a UTC-midnight Date. */
function localDate(instant: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(
    instant,
  );
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return new Date(`${get("year")}-${get("month")}-${get("day")}T00:00:00.000Z`);
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/** Seeds the demo organization in one transaction. Fails if it (or a demo user) already exists. */
export function seedDemo(db: Db, opts: SeedDemoOptions = {}): Promise<DemoSummary> {
  return db.$transaction((tx) => seedDemoInto(tx, opts), TX_OPTIONS);
}

/** Deletes the demo organization and the demo users, then seeds again — all in one transaction. */
export function resetDemo(db: Db, opts: SeedDemoOptions = {}): Promise<DemoSummary> {
  return db.$transaction(async (tx) => {
    await deleteDemo(tx);
    return seedDemoInto(tx, opts);
  }, TX_OPTIONS);
}

/** Seeds the demo only when the database holds no organization at all (first start). */
export async function seedDemoIfEmpty(
  db: Db,
  opts: SeedDemoOptions = {},
): Promise<{ seeded: false } | { seeded: true; summary: DemoSummary }> {
  return db.$transaction(async (tx) => {
    if ((await tx.organization.count()) > 0) return { seeded: false as const };
    // Without organizations, any demo user left over has no memberships: start clean.
    await tx.user.deleteMany({ where: { email: { in: [...DEMO_EMAILS] } } });
    return { seeded: true as const, summary: await seedDemoInto(tx, opts) };
  }, TX_OPTIONS);
}

/** Removes the demo organization (cascading to everything in it) and the demo users. */
export async function deleteDemo(tx: DbClient): Promise<void> {
  const org = await tx.organization.findUnique({ where: { slug: DEMO_ORG_SLUG }, select: { id: true } });
  const users = await tx.user.findMany({ where: { email: { in: [...DEMO_EMAILS] } }, select: { id: true } });
  const userIds = users.map((u) => u.id);
  // Lead entries restrict deleting the membership they belong to, so they go first.
  if (org) await tx.leadEntry.deleteMany({ where: { organizationId: org.id } });
  if (userIds.length) await tx.leadEntry.deleteMany({ where: { userId: { in: userIds } } });
  if (org) await tx.organization.delete({ where: { id: org.id } });
  if (userIds.length) await tx.user.deleteMany({ where: { id: { in: userIds } } });
}

/** Seeds the demo with an existing client or transaction (no transaction of its own). */
export async function seedDemoInto(tx: DbClient, opts: SeedDemoOptions = {}): Promise<DemoSummary> {
  const seed = opts.seed ?? DEMO_SEED;
  const rng = createRng(seed);
  const now = opts.today ?? new Date();
  const today = localDate(now, TIME_ZONE);
  const currentMonday = addDays(today, -((today.getUTCDay() + 6) % 7));
  const programStart = addDays(currentMonday, -7 * HISTORY_WEEKS);
  const baselineDate = addDays(programStart, -7 * BASELINE_WEEKS_BEFORE);
  const setupAt = new Date(baselineDate.getTime() + 9 * 3_600_000);
  // Target: the end of the month about six months from now.
  const targetDate = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 7, 0));

  const passwordHash = await cachedPasswordHash(DEMO_PASSWORD);

  // Organization, people, teams ------------------------------------------------------------
  const org = await tx.organization.create({
    data: {
      name: DEMO_ORG_NAME,
      slug: DEMO_ORG_SLUG,
      timeZone: TIME_ZONE,
      weekStartsOn: 1,
      currency: "GBP",
      locale: "en-GB",
      createdAt: setupAt,
    },
  });
  const organizationId = org.id;

  type Person = { id: string; name: string; email: string; role: Role; teamIndex: number | null; isLead: boolean };
  const people: Person[] = [
    { id: randomUUID(), name: DEMO_USERS.owner.name, email: DEMO_USERS.owner.email, role: Role.OWNER, teamIndex: null, isLead: false },
  ];
  TEAMS.forEach((team, teamIndex) =>
    team.people.forEach((p, i) =>
      people.push({
        id: randomUUID(),
        name: p.name,
        email: p.email ?? slugEmail(p.name),
        role: p.role ?? Role.MEMBER,
        teamIndex,
        isLead: i === 0,
      }),
    ),
  );
  await tx.user.createMany({ data: people.map((p) => ({ id: p.id, email: p.email, name: p.name, passwordHash, createdAt: setupAt })) });
  await tx.membership.createMany({
    data: people.map((p) => ({ organizationId, userId: p.id, role: p.role, createdAt: setupAt })),
  });

  const teamIds = TEAMS.map(() => randomUUID());
  await tx.team.createMany({ data: TEAMS.map((t, i) => ({ organizationId, id: teamIds[i]!, name: t.name, createdAt: setupAt })) });
  const teamMembers = people.filter((p) => p.teamIndex !== null);
  await tx.teamMember.createMany({
    data: teamMembers.map((p) => ({
      organizationId,
      teamId: teamIds[p.teamIndex!]!,
      userId: p.id,
      isLead: p.isLead,
      createdAt: setupAt,
    })),
  });

  // Lead measures and team targets ------------------------------------------------------------
  const measureIds = MEASURES.map(() => randomUUID());
  await tx.leadMeasure.createMany({
    data: MEASURES.map((m, i) => ({
      organizationId,
      id: measureIds[i]!,
      name: m.name,
      description: m.description,
      unit: m.unit,
      aggregation: m.aggregation,
      createdAt: setupAt,
    })),
  });
  const personTarget = (team: TeamSpec, m: MeasureSpec) =>
    m.kind === "hours" ? m.perPerson : Math.max(1, Math.round(m.perPerson * team.targetScale));
  const assignments = TEAMS.flatMap((team, ti) =>
    MEASURES.map((m, mi) => ({
      organizationId,
      teamId: teamIds[ti]!,
      leadMeasureId: measureIds[mi]!,
      personWeeklyTarget: personTarget(team, m),
      weeklyTarget: personTarget(team, m) * team.people.length,
      createdAt: new Date(programStart.getTime() + 8 * 3_600_000),
    })),
  );
  await tx.teamLeadMeasure.createMany({ data: assignments });
  await tx.leadTarget.createMany({ data: initialTargets(assignments) });

  // Lead entries ------------------------------------------------------------------------------
  const attainment = (ti: number, week: number) => {
    if (week < 0) return 0;
    const r = TEAMS[ti]!.ramp;
    return r.start + (r.end - r.start) * logistic((week - r.mid) / 1.6);
  };
  // Some people log more than others; each team's factors average 1 so its ramp sets its level.
  const personFactor = new Map<string, number>();
  TEAMS.forEach((_t, ti) => {
    const team = people.filter((p) => p.teamIndex === ti);
    const raw = team.map(() => Math.min(1.4, Math.max(0.6, rng.normal(1, 0.16))));
    const mean = raw.reduce((s, x) => s + x, 0) / raw.length;
    team.forEach((p, i) => personFactor.set(p.id, raw[i]! / mean));
  });
  const teamMeasureFactor = TEAMS.map(() => MEASURES.map(() => Math.min(1.25, Math.max(0.75, rng.normal(1, 0.1)))));
  const realNow = Date.now();
  // Weekly counts vary less than Poisson (people work to a target), so the ramp stays visible.
  const count = (expected: number) => Math.max(0, Math.round(expected + rng.normal(0, 0.6 * Math.sqrt(expected))));

  const entries: LeadEntryRow[] = [];
  // What the teams actually did on the driver measures, week by week (share of target): the
  // lag measures respond to it, so weeks with more coaching and recognition are followed by
  // better results — a relationship the dashboard's lead → lag analysis can find.
  const driverIndexes = MEASURES.flatMap((m, mi) => (DRIVER_MEASURES.includes(m.name) ? [mi] : []));
  const realized = TEAMS.map(() => new Map<number, number>());
  let totalLeadValue = 0;
  const weeksWithEntries = new Set<string>();
  for (let week = 0; week <= HISTORY_WEEKS; week++) {
    const weekStart = addDays(programStart, 7 * week);
    const days = [0, 1, 2, 3, 4].map((d) => addDays(weekStart, d)).filter((d) => d.getTime() <= today.getTime());
    if (days.length === 0) continue;
    const share = days.length / 5;
    for (const p of teamMembers) {
      const ti = p.teamIndex!;
      const team = TEAMS[ti]!;
      const weekMood = Math.max(0.3, rng.normal(1, 0.15));
      MEASURES.forEach((m, mi) => {
        const expected =
          personTarget(team, m) * attainment(ti, week) * personFactor.get(p.id)! * teamMeasureFactor[ti]![mi]! * weekMood * share;
        const perDay = new Map<number, number[]>();
        const add = (value: number) => {
          const d = rng.int(0, days.length - 1);
          const list = perDay.get(d) ?? [];
          list.push(value);
          perDay.set(d, list);
        };
        if (m.kind === "hours") {
          const sessions = count(expected / 1.2);
          for (let s = 0; s < sessions; s++) add(rng.pick([0.5, 1, 1, 1.5, 2]));
        } else {
          const n = count(expected);
          for (let s = 0; s < n; s++) add(1);
        }
        for (const [d, values] of [...perDay.entries()].sort((a, b) => a[0] - b[0])) {
          // Counts per day are logged as one entry; recognitions and training sessions one each.
          const logged = m.kind === "daily-count" ? [values.reduce((s, v) => s + v, 0)] : values;
          const date = days[d]!;
          for (const value of logged) {
            const at = new Date(Math.min(date.getTime() + rng.int(8 * 60, 18 * 60) * 60_000, realNow));
            entries.push({
              teamId: teamIds[ti]!,
              leadMeasureId: measureIds[mi]!,
              userId: p.id,
              entryDate: date,
              value,
              source: EntrySource.SEED,
              createdById: p.id,
              createdAt: at,
              updatedAt: at,
            });
            totalLeadValue += value;
            weeksWithEntries.add(iso(weekStart));
            if (driverIndexes.includes(mi)) {
              const target = personTarget(team, m) * team.people.length * driverIndexes.length;
              realized[ti]!.set(week, (realized[ti]!.get(week) ?? 0) + value / target);
            }
          }
        }
      });
    }
  }
  const { count: leadEntries } = await createLeadEntries(tx, organizationId, entries);

  // Lag measures and observations -------------------------------------------------------------
  // Program effect at a date: the mean attainment 3–6 weeks earlier, scaled 0 (no program) to ~1.
  const effect = (ti: number, date: Date) => {
    const week = Math.floor((date.getTime() - programStart.getTime()) / (7 * DAY));
    let sum = 0;
    for (let k = LAG_FROM; k <= LAG_TO; k++) sum += attainment(ti, week - k);
    const smooth = Math.max(0, sum / (LAG_TO - LAG_FROM + 1) - 0.3) / 0.7;
    // A busier or quieter week than the ramp shows up LAG_FROM weeks later.
    const past = week - LAG_FROM;
    const surprise = past >= 0 ? (realized[ti]!.get(past) ?? 0) - attainment(ti, past) : 0;
    return Math.max(0, smooth + WEEKLY_RESPONSE * surprise);
  };
  const sizes = TEAMS.map((t) => t.people.length);
  const totalSize = sizes.reduce((s, n) => s + n, 0);
  const orgEffect = (date: Date) => TEAMS.reduce((s, _t, ti) => s + effect(ti, date) * sizes[ti]!, 0) / totalSize;

  const lagIds = LAGS.map(() => randomUUID());
  await tx.lagMeasure.createMany({
    data: LAGS.map((l, i) => ({
      organizationId,
      id: lagIds[i]!,
      name: l.name,
      description: l.description,
      kind: l.kind,
      unit: l.unit,
      direction: l.direction,
      cadence: l.cadence,
      baselineValue: l.baseline,
      baselineDate,
      targetValue: l.target,
      targetDate,
      createdAt: setupAt,
    })),
  });

  // The hypotheses the dashboard tests: which activities are meant to move which results.
  const leadIdByName = new Map(MEASURES.map((m, i) => [m.name, measureIds[i]!]));
  const LAG_DRIVERS: Record<string, string[]> = {
    CSAT: ["Coaching conversations", "Recognitions given"],
    "Average resolution time": ["Coaching conversations", "Recognitions given", "Training hours"],
    "Customer retention": ["Recognitions given", "Customer stories shared"],
    NPS: ["Customer stories shared"],
  };
  await tx.lagDriver.createMany({
    data: LAGS.flatMap((l, i) =>
      (LAG_DRIVERS[l.name] ?? []).map((lead) => ({ organizationId, lagMeasureId: lagIds[i]!, leadMeasureId: leadIdByName.get(lead)! })),
    ),
  });

  const value = (l: LagSpec, base: number, eff: number, r: Rng) =>
    l.name === "Average resolution time"
      ? round(base * (1 + l.gain * eff) * (1 + r.normal(0, l.noise)), l.decimals)
      : round(Math.min(100, base + l.gain * eff + r.normal(0, l.noise)), l.decimals);

  const observations: LagObservationRow[] = [];
  LAGS.forEach((l, li) => {
    const dates: Date[] = [];
    if (l.cadence === Cadence.WEEKLY) {
      // One value per completed week (dated its Sunday), from the baseline week on.
      for (let d = addDays(baselineDate, 6); d.getTime() < today.getTime(); d = addDays(d, 7)) dates.push(d);
    } else {
      // One value per completed month (dated its last day) after the baseline.
      let m = new Date(Date.UTC(baselineDate.getUTCFullYear(), baselineDate.getUTCMonth() + 1, 0));
      while (m.getTime() < today.getTime()) {
        if (m.getTime() >= baselineDate.getTime()) dates.push(m);
        m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 2, 0));
      }
    }
    for (const date of dates) {
      const at = new Date(Math.min(date.getTime() + 20 * 3_600_000, realNow));
      observations.push({
        lagMeasureId: lagIds[li]!,
        teamId: null,
        observedOn: date,
        value: value(l, l.baseline, orgEffect(date), rng),
        source: EntrySource.SEED,
        createdAt: at,
      });
      if (l.perTeam) {
        TEAMS.forEach((team, ti) =>
          observations.push({
            lagMeasureId: lagIds[li]!,
            teamId: teamIds[ti]!,
            observedOn: date,
            value: value(l, team[l.perTeam!], effect(ti, date), rng),
            source: EntrySource.SEED,
            createdAt: at,
          }),
        );
      }
    }
  });
  const { count: lagObservations } = await createLagObservations(tx, organizationId, observations);

  await seedDemoProgram(tx, organizationId);
  const sorted = entries.map((e) => (e.entryDate as Date).getTime()).sort((a, b) => a - b);
  return {
    organizationId,
    slug: org.slug,
    seed,
    from: iso(new Date(sorted[0] ?? programStart.getTime())),
    to: iso(new Date(sorted[sorted.length - 1] ?? today.getTime())),
    weeks: weeksWithEntries.size,
    counts: {
      users: people.length,
      teams: TEAMS.length,
      teamMembers: teamMembers.length,
      leadMeasures: MEASURES.length,
      teamLeadMeasures: assignments.length,
      lagMeasures: LAGS.length,
      leadEntries,
      lagObservations,
    },
    totalLeadValue: round(totalLeadValue, 2),
  };
}

// The demo organization "Northwind Support" as data: its settings, sign-ins, three service teams
// and their people, the lead measures they log (each with its owner) and the lag measures that
// follow, with the shape of the story the generator tells (generator.ts, checkIns.ts): two
// quarters ago (HISTORY_WEEKS) the front-line teams, Tier 1 Support and Billing Care, started a
// service-skills training with weekly coaching and recognition, and every team started tracking
// its lead measures and holding a weekly check-in. Tier 1 got going fast and stays on target;
// Billing Care started low and has improved all along; Technical Escalations, not in the
// training (the control group), held steady until a few weeks ago, then skipped check-ins and
// fell behind. The lag measures follow the leads a few weeks later: the trained teams' results
// really moved, the control team's did not, so the program's ROI comes out of the product's own
// statistics, not from a number typed in.
import { Aggregation, Cadence, Direction, LagKind, Role } from "@/lib/generated/prisma/enums";

export const DEMO_ORG_SLUG = "demo";
export const DEMO_ORG_NAME = "Northwind Support";
export const DEMO_PASSWORD = "leadlag-demo";
export const DEMO_SEED = 20240601;

/** The organization's settings. */
export const DEMO_ORG_SETTINGS = { timeZone: "Europe/London", weekStartsOn: 1, currency: "GBP", locale: "en-GB" } as const;

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

export type TeamSpec = {
  name: string;
  /** The first person is the team lead. */
  people: readonly { name: string; email?: string; role?: Role }[];
  /** Lead-measure attainment (share of target): at the program start, at the plateau, ramp midpoint and width (weeks). */
  ramp: { start: number; end: number; mid: number; width: number };
  /** Whether the team takes part in the program's training (the others are its control group). */
  trained: boolean;
  /** Attainment before tracking began (never logged: the habit the lag measures' baselines reflect). */
  habit: number;
  /** A recent slide: from this many weeks before the current week on, attainment falls to `to`. */
  slip: { weeksAgo: number; to: number } | null;
  /** The weekly check-in: its day (0 = the week's first), local hour, and the weeks (ago; 0 = this week) it was skipped. */
  checkIn: { day: number; hour: number; missedWeeksAgo: readonly number[] };
  /** Share of commitments kept at the program start and by now (the rest partly done or not done). */
  kept: { from: number; to: number };
  /** Per-person weekly target multiplier for this team's work. */
  targetScale: number;
  /** Team's own baseline for the per-team lag observations. */
  csat: number;
  resolutionHours: number;
};

export const TEAMS: readonly TeamSpec[] = [
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
    // Steady: on target within weeks, and staying there.
    ramp: { start: 0.6, end: 1.1, mid: 3, width: 1.4 },
    trained: true,
    habit: 0.55,
    slip: null,
    checkIn: { day: 3, hour: 9, missedWeeksAgo: [9, 18] },
    kept: { from: 0.75, to: 0.85 },
    targetScale: 1,
    csat: 79.5,
    resolutionHours: 14,
  },
  {
    name: "Billing Care",
    people: [{ name: "Daniel Okafor" }, { name: "Emma Wilson" }, { name: "Lucas Martin" }, { name: "Sofia Rossi" }, { name: "Noah Brown" }],
    // Clearly improving: a slow start, better every month.
    ramp: { start: 0.5, end: 1.06, mid: 11, width: 3.5 },
    trained: true,
    habit: 0.45,
    slip: null,
    checkIn: { day: 2, hour: 14, missedWeeksAgo: [6, 15, 22] },
    kept: { from: 0.5, to: 0.85 },
    targetScale: 1,
    csat: 77.5,
    resolutionHours: 22,
  },
  {
    name: "Technical Escalations",
    people: [{ name: "Hannah Fischer" }, { name: "Omar Haddad" }, { name: "Grace Kim" }, { name: "Ben Carter" }],
    // Struggling: steady near its old habit until three weeks ago, then behind target, check-ins skipped.
    ramp: { start: 0.82, end: 0.9, mid: 4, width: 2 },
    trained: false,
    habit: 0.84,
    slip: { weeksAgo: 3, to: 0.6 },
    checkIn: { day: 4, hour: 11, missedWeeksAgo: [1, 3, 12] },
    kept: { from: 0.75, to: 0.5 },
    targetScale: 0.75,
    csat: 75.5,
    resolutionHours: 48,
  },
];

export type MeasureSpec = {
  name: string;
  description: string;
  unit: string;
  aggregation: Aggregation;
  /** Per-person weekly target before the team's scale. */
  perPerson: number;
  /** Value of one logged entry: counts log whole numbers per day, hours log sessions. */
  kind: "daily-count" | "each" | "hours";
  /** The person accountable for the measure (its LeadMeasureOwner). */
  owner: string;
  /** What people commit to at the weekly check-in to move it. */
  commitments: readonly string[];
};

export const MEASURES: readonly MeasureSpec[] = [
  {
    name: "Coaching conversations",
    description: "One-to-one coaching conversations about a real customer interaction.",
    unit: "conversations",
    aggregation: Aggregation.SUM,
    perPerson: 3,
    kind: "daily-count",
    owner: DEMO_USERS.manager.name,
    commitments: ["Coach a colleague through two refund calls", "Coach a newer colleague through one escalated call", "Listen to three calls with a colleague and talk them through"],
  },
  {
    name: "Recognitions given",
    description: "Specific, timely recognition of a colleague's service behaviour (one entry each).",
    unit: "recognitions",
    aggregation: Aggregation.COUNT,
    perPerson: 2,
    kind: "each",
    owner: "Daniel Okafor",
    commitments: ["Recognise two colleagues for a customer save", "Thank a colleague for a specific save in the team channel", "Nominate a colleague for the monthly service award"],
  },
  {
    name: "Service moments discussed",
    description: "Customer moments reviewed in huddles or team meetings.",
    unit: "moments",
    aggregation: Aggregation.SUM,
    perPerson: 2,
    kind: "daily-count",
    owner: "Hannah Fischer",
    commitments: ["Bring one hard customer moment to the huddle", "Review two escalations in Friday's team meeting"],
  },
  {
    name: "Customer stories shared",
    description: "Customer success stories and complaints shared with the team.",
    unit: "stories",
    aggregation: Aggregation.SUM,
    perPerson: 1,
    kind: "daily-count",
    owner: "Maya Patel",
    commitments: ["Tell one customer story at the huddle", "Write up a complaint we turned around"],
  },
  {
    name: "Training hours",
    description: "Hours of service-skills training completed.",
    unit: "hours",
    aggregation: Aggregation.SUM,
    perPerson: 1.5,
    kind: "hours",
    owner: DEMO_USERS.owner.name,
    commitments: ["Finish the next service-skills module", "Practise the de-escalation role play for an hour"],
  },
];

export type LagSpec = {
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
  /** Who answers for the goal (LagMeasure.owner); the lead measures that drive it (LAG_DRIVERS) have owners of their own. */
  owner: string;
};

export const LAGS: readonly LagSpec[] = [
  {
    name: "CSAT",
    description: "Share of surveyed customers rating their support experience 4 or 5 out of 5.",
    kind: LagKind.PERCENTAGE,
    unit: "%",
    direction: Direction.HIGHER_IS_BETTER,
    cadence: Cadence.WEEKLY,
    baseline: 78,
    target: 88,
    gain: 11,
    noise: 0.45,
    decimals: 1,
    perTeam: "csat",
    owner: DEMO_USERS.manager.name,
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
    gain: -0.3, // relative: −30% at full effect
    noise: 0.015, // relative
    decimals: 1,
    perTeam: "resolutionHours",
    owner: "Hannah Fischer",
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
    gain: 6,
    noise: 0.25,
    decimals: 1,
    perTeam: null,
    owner: DEMO_USERS.owner.name,
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
    gain: 20,
    noise: 1.5,
    decimals: 0,
    perTeam: null,
    owner: "Daniel Okafor",
  },
];

/** The hypotheses the dashboard tests: which activities are meant to move which results. */
export const LAG_DRIVERS: Readonly<Record<string, readonly string[]>> = {
  CSAT: ["Coaching conversations", "Recognitions given"],
  "Average resolution time": ["Coaching conversations", "Recognitions given", "Training hours"],
  "Customer retention": ["Recognitions given", "Customer stories shared"],
  NPS: ["Customer stories shared"],
};

/** Full weeks of history before the current week: two quarters. */
export const HISTORY_WEEKS = 26;
/** Lag measures' baseline: this many weeks before the program started. */
export const BASELINE_WEEKS_BEFORE = 8;
/** Lag effects follow lead activity by 3–6 weeks. */
export const LAG_FROM = 3;
export const LAG_TO = 6;
/** The lead measures whose weekly ups and downs move the lag measures (LAG_FROM weeks later). */
export const DRIVER_MEASURES = ["Coaching conversations", "Recognitions given"];
/**
 * A lag measure moves by its full `gain` when both halves of the program have taken hold: the
 * training (TRAINING_SHARE of it, for the trained teams, within weeks of its delivery in the
 * program's first weeks) and the lead activity, FULL_EFFECT_RISE above the team's habit.
 */
export const TRAINING_SHARE = 0.6;
export const FULL_EFFECT_RISE = 0.5;
/** How strongly a week's surprise in driver activity moves the results (in program-effect units). */
export const WEEKLY_RESPONSE = 0.8;

function slugEmail(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@leadlag.demo`;
}

export type DemoPerson = { name: string; email: string; role: Role; teamIndex: number | null; isLead: boolean };

/** Everyone in the demo: the owner, then each team's people in order (the first is its lead). */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { name: DEMO_USERS.owner.name, email: DEMO_USERS.owner.email, role: Role.OWNER, teamIndex: null, isLead: false },
  ...TEAMS.flatMap((team, teamIndex) =>
    team.people.map((p, i) => ({ name: p.name, email: p.email ?? slugEmail(p.name), role: p.role ?? Role.MEMBER, teamIndex, isLead: i === 0 })),
  ),
];

/** Every email the demo creates. */
export const DEMO_EMAILS: readonly string[] = DEMO_PEOPLE.map((p) => p.email);

/** A person's weekly target on a measure in a team: hours as given, counts scaled to the team's work. */
export function personTarget(team: TeamSpec, m: MeasureSpec): number {
  return m.kind === "hours" ? m.perPerson : Math.max(1, Math.round(m.perPerson * team.targetScale));
}

// The demo organization "Northwind Support" as data: its settings, sign-ins, three service teams
// and their people, the lead measures they log and the lag measures that follow, with the
// shape of the story the generator tells (see generator.ts): a coaching and recognition
// program started HISTORY_WEEKS weeks ago, lead activity ramps up unevenly, and the lag
// measures respond a few weeks later.
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
  /** Lead-measure attainment (share of target): at the program start, at the plateau, ramp midpoint (weeks). */
  ramp: { start: number; end: number; mid: number };
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

export type MeasureSpec = {
  name: string;
  description: string;
  unit: string;
  aggregation: Aggregation;
  /** Per-person weekly target before the team's scale. */
  perPerson: number;
  /** Value of one logged entry: counts log whole numbers per day, hours log sessions. */
  kind: "daily-count" | "each" | "hours";
};

export const MEASURES: readonly MeasureSpec[] = [
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

/** The hypotheses the dashboard tests: which activities are meant to move which results. */
export const LAG_DRIVERS: Readonly<Record<string, readonly string[]>> = {
  CSAT: ["Coaching conversations", "Recognitions given"],
  "Average resolution time": ["Coaching conversations", "Recognitions given", "Training hours"],
  "Customer retention": ["Recognitions given", "Customer stories shared"],
  NPS: ["Customer stories shared"],
};

/** Full weeks of history before the current week. */
export const HISTORY_WEEKS = 13;
/** Lag measures' baseline: this many weeks before the program started. */
export const BASELINE_WEEKS_BEFORE = 8;
/** Lag effects follow lead activity by 3–6 weeks. */
export const LAG_FROM = 3;
export const LAG_TO = 6;
/** The lead measures whose weekly ups and downs move the lag measures (LAG_FROM weeks later). */
export const DRIVER_MEASURES = ["Coaching conversations", "Recognitions given"];
/** How strongly a week's surprise in driver activity moves the results (in program-effect units). */
export const WEEKLY_RESPONSE = 4;

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

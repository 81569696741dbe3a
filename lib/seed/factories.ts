import "server-only";
// Factories that create one thing each, with sensible defaults any field of which can be
// overridden. Shared by the demo seed, the tests, the benchmarks and the Playwright specs, so
// this module stays free of `server-only` and of Next imports.
import { randomUUID } from "node:crypto";
import type { ITXClientDenyList } from "@prisma/client/runtime/client";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { toUtcDate } from "@/lib/domain/calendar/weeks";
import { TARGET_EPOCH } from "@/lib/domain/rules/targets";
import { Aggregation, Cadence, Direction, LagKind, Role } from "@/lib/generated/prisma/enums";

/** A Prisma client or an interactive-transaction client: every factory accepts both. */
export type DbClient = Omit<Db, ITXClientDenyList>;

/** The password given to factory-made users unless another is asked for. */
export const DEFAULT_PASSWORD = "correct-horse-battery";

const hashes = new Map<string, Promise<string>>();
/** argon2id takes ~50 ms, so each distinct password is hashed once per process. */
export function cachedPasswordHash(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) {
    h = hashPassword(password);
    h.catch(() => hashes.delete(password));
    hashes.set(password, h);
  }
  return h;
}

/** A short random suffix for unique names, slugs and emails. */
export function uniqueSuffix(): string {
  return randomUUID().replace(/-/g, "").slice(0, 10);
}

/** A calendar date as the UTC-midnight Date that `@db.Date` columns hold (the calendar's toUtcDate). */
export const utcDate = toUtcDate;

// ---------------------------------------------------------------------------------------------

export type OrganizationInput = Partial<Prisma.OrganizationCreateManyInput>;

export function createOrganization(db: DbClient, input: OrganizationInput = {}) {
  const suffix = uniqueSuffix();
  return db.organization.create({
    data: {
      name: `Test Org ${suffix}`,
      slug: `org-${suffix}`,
      timeZone: "UTC",
      weekStartsOn: 1,
      currency: "USD",
      locale: "en-US",
      // A factory organization is set up; pass setupCompletedAt: null for one that sees the wizard.
      setupStep: "done",
      setupCompletedAt: new Date(),
      ...input,
    },
  });
}

export type UserInput = {
  email?: string;
  name?: string;
  /** Plain-text password to hash (defaults to DEFAULT_PASSWORD); ignored when passwordHash is given. */
  password?: string;
  passwordHash?: string;
};

/** Creates a user. The returned row omits passwordHash (the client's default). */
export async function createUser(db: DbClient, input: UserInput = {}) {
  const suffix = uniqueSuffix();
  const passwordHash = input.passwordHash ?? (await cachedPasswordHash(input.password ?? DEFAULT_PASSWORD));
  return db.user.create({
    data: {
      email: (input.email ?? `user-${suffix}@example.test`).toLowerCase(),
      name: input.name ?? `Test User ${suffix.slice(0, 4)}`,
      passwordHash,
    },
  });
}

export function addMembership(db: DbClient, organizationId: string, userId: string, role: Role = Role.MEMBER) {
  return db.membership.create({ data: { organizationId, userId, role } });
}

export function createTeam(db: DbClient, organizationId: string, input: { name?: string; archivedAt?: Date | null } = {}) {
  return db.team.create({
    data: { organizationId, name: input.name ?? `Team ${uniqueSuffix()}`, archivedAt: input.archivedAt ?? null },
  });
}

/** Adds a user (who must already be a member of the organization) to a team. */
export function addTeamMember(
  db: DbClient,
  organizationId: string,
  teamId: string,
  userId: string,
  input: { isLead?: boolean } = {},
) {
  return db.teamMember.create({ data: { organizationId, teamId, userId, isLead: input.isLead ?? false } });
}

export type LeadMeasureInput = {
  name?: string;
  description?: string;
  unit?: string;
  aggregation?: Aggregation;
  archivedAt?: Date | null;
};

export function createLeadMeasure(db: DbClient, organizationId: string, input: LeadMeasureInput = {}) {
  return db.leadMeasure.create({
    data: {
      organizationId,
      name: input.name ?? `Lead measure ${uniqueSuffix()}`,
      description: input.description ?? "",
      unit: input.unit ?? "conversations",
      aggregation: input.aggregation ?? Aggregation.SUM,
      archivedAt: input.archivedAt ?? null,
    },
  });
}

/**
 * Assigns a lead measure to a team with a target that applies from TARGET_EPOCH on. The team
 * tracks it from then on too (its assignment is dated TARGET_EPOCH), so a test's weeks before
 * its first entry count as weeks of zero activity; pass `trackedSince` to date the assignment.
 */
export async function assignLeadMeasure(
  db: DbClient,
  organizationId: string,
  teamId: string,
  leadMeasureId: string,
  input: { weeklyTarget: number; personWeeklyTarget?: number | null; trackedSince?: Date },
) {
  const targets = { weeklyTarget: input.weeklyTarget, personWeeklyTarget: input.personWeeklyTarget ?? null };
  const assignment = await db.teamLeadMeasure.create({
    data: { organizationId, teamId, leadMeasureId, ...targets, createdAt: input.trackedSince ?? utcDate(TARGET_EPOCH) },
  });
  await db.leadTarget.create({
    data: { organizationId, teamId, leadMeasureId, effectiveFrom: utcDate(TARGET_EPOCH), ...targets },
  });
  return assignment;
}

/** Dated target rows for assignments made in bulk (each applies from TARGET_EPOCH on). */
export function initialTargets(
  assignments: readonly { organizationId: string; teamId: string; leadMeasureId: string; weeklyTarget: number; personWeeklyTarget?: number | null }[],
) {
  return assignments.map((a) => ({
    organizationId: a.organizationId,
    teamId: a.teamId,
    leadMeasureId: a.leadMeasureId,
    effectiveFrom: utcDate(TARGET_EPOCH),
    weeklyTarget: a.weeklyTarget,
    personWeeklyTarget: a.personWeeklyTarget ?? null,
  }));
}

export type LagMeasureInput = Partial<Omit<Prisma.LagMeasureCreateManyInput, "organizationId">>;

/**
 * Creates a lag measure; defaults to an org-wide CSAT "from 78% to 88%" observed weekly (a
 * monthly measure is analysed on months, issue #13: give `cadence` for one).
 */
export function createLagMeasure(db: DbClient, organizationId: string, input: LagMeasureInput = {}) {
  return db.lagMeasure.create({
    data: {
      name: `CSAT ${uniqueSuffix()}`,
      kind: LagKind.PERCENTAGE,
      unit: "%",
      direction: Direction.HIGHER_IS_BETTER,
      cadence: Cadence.WEEKLY,
      baselineValue: 78,
      baselineDate: utcDate("2025-01-01"),
      targetValue: 88,
      targetDate: utcDate("2025-12-31"),
      ...input,
      organizationId,
    },
  });
}

export type LeadEntryRow = Omit<Prisma.LeadEntryCreateManyInput, "organizationId">;
export type LagObservationRow = Omit<Prisma.LagObservationCreateManyInput, "organizationId">;
export type CommitmentRow = Omit<Prisma.CommitmentCreateManyInput, "organizationId">;

const CHUNK = 2000;

/**
 * The bulk tables' columns, each with the value a row that omits it gets (the schema's default;
 * `now` for timestamps, a new id for ids). Constants: never built from input.
 */
const BULK_COLUMNS = {
  LeadEntry: {
    id: "id",
    teamId: null,
    leadMeasureId: null,
    userId: null,
    entryDate: null,
    value: null,
    note: "",
    source: "MANUAL",
    idempotencyKey: null,
    idempotencyHash: null,
    createdById: null,
    createdAt: "now",
    updatedAt: "now",
  },
  LagObservation: { id: "id", lagMeasureId: null, teamId: null, observedOn: null, value: null, note: "", source: "MANUAL", createdById: null, createdAt: "now" },
  Commitment: {
    id: "id",
    teamId: null,
    userId: null,
    weekStart: null,
    leadMeasureId: null,
    text: null,
    status: "OPEN",
    reason: "",
    reviewedAt: null,
    reviewedById: null,
    createdById: null,
    createdAt: "now",
  },
} as const satisfies Record<string, Record<string, string | null>>;

/**
 * Inserts rows of one organization with one INSERT … SELECT from a JSON array per chunk. Five
 * times faster than createMany on PGlite (whose cost is binding ~10 parameters a row), which is
 * most of the demo seed's time; every row is written whole, with the schema's defaults filled in.
 */
async function insertRows(db: DbClient, table: keyof typeof BULK_COLUMNS, organizationId: string, rows: readonly object[]): Promise<{ count: number }> {
  const columns = Object.entries(BULK_COLUMNS[table]);
  const names = Prisma.join(columns.map(([c]) => Prisma.raw(`"${c}"`)));
  let count = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const now = new Date();
    const data = rows.slice(i, i + CHUNK).map((row) => {
      const r = row as Record<string, unknown>;
      const full: Record<string, unknown> = { organizationId };
      for (const [c, fallback] of columns) full[c] = r[c] ?? (fallback === "id" ? randomUUID() : fallback === "now" ? now : fallback);
      return full;
    });
    count += await db.$executeRaw`
      INSERT INTO ${Prisma.raw(`"${table}"`)} ("organizationId", ${names})
      SELECT "organizationId", ${names} FROM json_populate_recordset(NULL::${Prisma.raw(`"${table}"`)}, ${JSON.stringify(data)}::json)`;
  }
  return { count };
}

/** Bulk-inserts lead entries; returns how many were written. */
export function createLeadEntries(db: DbClient, organizationId: string, rows: readonly LeadEntryRow[]) {
  return insertRows(db, "LeadEntry", organizationId, rows);
}

/** Bulk-inserts lag observations; returns how many were written. */
export function createLagObservations(db: DbClient, organizationId: string, rows: readonly LagObservationRow[]) {
  return insertRows(db, "LagObservation", organizationId, rows);
}

/** Bulk-inserts commitments (reviewed or open); returns how many were written. */
export function createCommitmentRows(db: DbClient, organizationId: string, rows: readonly CommitmentRow[]) {
  return insertRows(db, "Commitment", organizationId, rows);
}

// ---------------------------------------------------------------------------------------------

export type OrgWithTeamOptions = {
  orgName?: string;
  slug?: string;
  timeZone?: string;
  teamName?: string;
  /** Password for both users (defaults to DEFAULT_PASSWORD). */
  password?: string;
  managerEmail?: string;
  memberEmail?: string;
};

export type OrgWithTeam = {
  organizationId: string;
  slug: string;
  teamId: string;
  leadMeasureId: string;
  manager: { id: string; email: string; name: string; password: string };
  member: { id: string; email: string; name: string; password: string };
};

/**
 * An isolated organization for one test: a MANAGER (team lead) and a MEMBER on one team that
 * tracks "Coaching conversations" (weekly target 10, 3 per person).
 */
export async function createOrgWithTeam(db: DbClient, opts: OrgWithTeamOptions = {}): Promise<OrgWithTeam> {
  const suffix = uniqueSuffix();
  const password = opts.password ?? DEFAULT_PASSWORD;
  const org = await createOrganization(db, {
    name: opts.orgName ?? `Org ${suffix}`,
    slug: opts.slug ?? `org-${suffix}`,
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
  });
  const manager = await createUser(db, {
    email: opts.managerEmail ?? `manager-${suffix}@example.test`,
    name: `Manager ${suffix.slice(0, 4)}`,
    password,
  });
  const member = await createUser(db, {
    email: opts.memberEmail ?? `member-${suffix}@example.test`,
    name: `Member ${suffix.slice(0, 4)}`,
    password,
  });
  await addMembership(db, org.id, manager.id, Role.MANAGER);
  await addMembership(db, org.id, member.id, Role.MEMBER);
  const team = await createTeam(db, org.id, { name: opts.teamName ?? "Support Team" });
  await addTeamMember(db, org.id, team.id, manager.id, { isLead: true });
  await addTeamMember(db, org.id, team.id, member.id);
  const measure = await createLeadMeasure(db, org.id, {
    name: "Coaching conversations",
    unit: "conversations",
    description: "One-to-one coaching conversations about a real customer interaction.",
  });
  await assignLeadMeasure(db, org.id, team.id, measure.id, { weeklyTarget: 10, personWeeklyTarget: 3 });
  return {
    organizationId: org.id,
    slug: org.slug,
    teamId: team.id,
    leadMeasureId: measure.id,
    manager: { id: manager.id, email: manager.email, name: manager.name, password },
    member: { id: member.id, email: member.email, name: member.name, password },
  };
}

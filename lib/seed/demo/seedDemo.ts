import "server-only";
// Writes the demo organization "Northwind Support" (catalogue.ts) and its generated activity
// (generator.ts) to the database, with its ROI program (program.ts); resets and removes it.
// Deterministic for a given seed and `today`, except for the generated ids. Free of
// `server-only`, like the factories: scripts and the Playwright specs seed with it.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { toUtcDate } from "@/lib/domain/calendar/weeks";
import { cachedPasswordHash, createCommitmentRows, createLagObservations, createLeadEntries, initialTargets, type DbClient } from "../factories";
import {
  DEMO_EMAILS,
  DEMO_ORG_NAME,
  DEMO_ORG_SETTINGS,
  DEMO_ORG_SLUG,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_SEED,
  LAG_DRIVERS,
  LAGS,
  MEASURES,
  personTarget,
  TEAMS,
} from "./catalogue";
import { generateCheckInHistory } from "./checkIns";
import { demoDates, generateDemoActivity } from "./generator";
import { seedDemoProgram } from "./program";

export type SeedDemoOptions = {
  /** "Now" for the demo: its calendar date in the organization's time zone is the last day with data, and nothing is held after it. */
  today?: Date;
  /** PRNG seed (default DEMO_SEED). */
  seed?: number;
  /** Told the next step in a few words ("people", "measures"…), for start-up's progress lines. */
  onProgress?: (step: string) => void;
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
    checkIns: number;
    commitments: number;
  };
  totalLeadValue: number;
};

/** The name, slug and sign-ins of a demo-shaped organization. */
export type DemoIdentity = {
  slug: string;
  name: string;
  /** The email to create for each of the demo's (DEMO_EMAILS); users are shared across organizations. */
  email: (demoEmail: string) => string;
};

/** The demo's own identity. */
export const DEMO_IDENTITY: DemoIdentity = { slug: DEMO_ORG_SLUG, name: DEMO_ORG_NAME, email: (e) => e };

const TX_OPTIONS = { timeout: 120_000, maxWait: 20_000 } as const;

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
  // The demo users' entries in other organizations too, one organization at a time.
  const elsewhere = userIds.length ? await tx.membership.findMany({ where: { userId: { in: userIds } }, select: { organizationId: true } }) : [];
  for (const organizationId of new Set(elsewhere.map((m) => m.organizationId))) {
    await tx.leadEntry.deleteMany({ where: { organizationId, userId: { in: userIds } } });
    // Lag measures they answer for there keep their place, with nobody named.
    await tx.lagMeasure.updateMany({ where: { organizationId, ownerId: { in: userIds } }, data: { ownerId: null } });
  }
  if (org) await tx.organization.delete({ where: { id: org.id } });
  if (userIds.length) await tx.user.deleteMany({ where: { id: { in: userIds } } });
}

/** Seeds the demo with an existing client or transaction (no transaction of its own). */
export function seedDemoInto(tx: DbClient, opts: SeedDemoOptions = {}): Promise<DemoSummary> {
  return seedDemoOrganization(tx, DEMO_IDENTITY, opts);
}

/**
 * Seeds an organization shaped like the demo: the same teams, people, measures, activity and ROI
 * program for the same seed and day, under the identity's slug, name and emails (the password is
 * DEMO_PASSWORD). A test can seed its own copy with a fixed day and change it freely. No
 * transaction of its own.
 */
export async function seedDemoOrganization(tx: DbClient, identity: DemoIdentity, opts: SeedDemoOptions = {}): Promise<DemoSummary> {
  const seed = opts.seed ?? DEMO_SEED;
  const now = opts.today ?? new Date();
  const dates = demoDates(now);
  const { setupAt } = dates;
  const passwordHash = await cachedPasswordHash(DEMO_PASSWORD);

  // Organization, people, teams ------------------------------------------------------------
  opts.onProgress?.("people");
  const org = await tx.organization.create({
    data: { name: identity.name, slug: identity.slug, ...DEMO_ORG_SETTINGS, createdAt: setupAt, setupStep: "done", setupCompletedAt: setupAt },
  });
  const organizationId = org.id;

  const people = DEMO_PEOPLE.map((p) => ({ ...p, id: randomUUID(), email: identity.email(p.email) }));
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
  opts.onProgress?.("measures");
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
  const assignments = TEAMS.flatMap((team, ti) =>
    MEASURES.map((m, mi) => ({
      organizationId,
      teamId: teamIds[ti]!,
      leadMeasureId: measureIds[mi]!,
      personWeeklyTarget: personTarget(team, m),
      weeklyTarget: personTarget(team, m) * team.people.length,
      createdAt: dates.assignedAt,
    })),
  );
  await tx.teamLeadMeasure.createMany({ data: assignments });
  await tx.leadTarget.createMany({ data: initialTargets(assignments) });
  const personId = (name: string) => people.find((p) => p.name === name)!.id;
  await tx.leadMeasureOwner.createMany({
    data: MEASURES.map((m, i) => ({ organizationId, leadMeasureId: measureIds[i]!, userId: personId(m.owner) })),
  });

  // Lag measures and the leads meant to drive them ---------------------------------------------
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
      baselineDate: toUtcDate(dates.baselineDate),
      targetValue: l.target,
      targetDate: toUtcDate(dates.targetDate),
      ownerId: personId(l.owner),
      createdAt: setupAt,
    })),
  });
  const leadIdByName = new Map(MEASURES.map((m, i) => [m.name, measureIds[i]!]));
  await tx.lagDriver.createMany({
    data: LAGS.flatMap((l, i) =>
      (LAG_DRIVERS[l.name] ?? []).map((lead) => ({ organizationId, lagMeasureId: lagIds[i]!, leadMeasureId: leadIdByName.get(lead)! })),
    ),
  });

  // Activity --------------------------------------------------------------------------------------
  const ids = { people: people.map((p) => p.id), teams: teamIds, leadMeasures: measureIds, lagMeasures: lagIds };
  const activity = generateDemoActivity({ seed, dates, ids, createdBefore: Date.now() });
  opts.onProgress?.(`${activity.weeks} weeks of entries`);
  const { count: leadEntries } = await createLeadEntries(tx, organizationId, activity.entries);
  const { count: lagObservations } = await createLagObservations(tx, organizationId, activity.observations);
  opts.onProgress?.("check-ins and commitments");
  const history = generateCheckInHistory({ seed, programStart: dates.programStart, ids, now });
  const { count: checkIns } = await tx.checkIn.createMany({ data: history.checkIns.map((c) => ({ ...c, organizationId })) });
  const { count: commitments } = await createCommitmentRows(tx, organizationId, history.commitments);

  opts.onProgress?.("the ROI program");
  await seedDemoProgram(tx, organizationId);
  return {
    organizationId,
    slug: org.slug,
    seed,
    from: activity.from,
    to: activity.to,
    weeks: activity.weeks,
    counts: {
      users: people.length,
      teams: TEAMS.length,
      teamMembers: teamMembers.length,
      leadMeasures: MEASURES.length,
      teamLeadMeasures: assignments.length,
      lagMeasures: LAGS.length,
      leadEntries,
      lagObservations,
      checkIns,
      commitments,
    },
    totalLeadValue: activity.totalLeadValue,
  };
}

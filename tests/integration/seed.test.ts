// The demo seed and the shared factories against a real (in-memory PGlite) database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedAdapter } from "@/lib/db/adapter";
import { makeClient, type Db } from "@/lib/db/client";

import { Direction, EntrySource, Role } from "@/lib/generated/prisma/enums";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_EMAILS, DEMO_ORG_SLUG, DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { resetDemo, seedDemo, seedDemoIfEmpty, type DemoSummary } from "@/lib/seed/demo/seedDemo";
import { createOrgWithTeam } from "@/lib/seed/factories";
import { openMigratedEmbedded } from "../helpers/db";

type Fresh = { db: Db; adapter: OpenedAdapter; close(): Promise<void> };

async function freshDb(): Promise<Fresh> {
  const adapter = await openMigratedEmbedded(null);
  const db = makeClient(adapter.factory);
  return {
    db,
    adapter,
    close: async () => {
      await db.$disconnect();
      await adapter.close();
    },
  };
}

const TODAY = new Date("2025-03-12T15:00:00Z"); // a Wednesday
const SEED = 4242;

/** What a seeded database holds, independent of generated ids. */
async function fingerprint(db: Db) {
  const org = await db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
  const where = { organizationId: org.id };
  const [teams, members, leadMeasures, assignments, lagMeasures, entries, observations, entrySum, obsSum] = await Promise.all([
    db.team.count({ where }),
    db.teamMember.count({ where }),
    db.leadMeasure.count({ where }),
    db.teamLeadMeasure.count({ where }),
    db.lagMeasure.count({ where }),
    db.leadEntry.count({ where }),
    db.lagObservation.count({ where }),
    db.leadEntry.aggregate({ where, _sum: { value: true } }),
    db.lagObservation.aggregate({ where, _sum: { value: true } }),
  ]);
  return {
    teams,
    members,
    leadMeasures,
    assignments,
    lagMeasures,
    entries,
    observations,
    entrySum: Math.round((entrySum._sum.value ?? 0) * 100) / 100,
    obsSum: Math.round((obsSum._sum.value ?? 0) * 100) / 100,
  };
}

let a: Fresh;
let b: Fresh;
let summaryA: DemoSummary;

beforeAll(async () => {
  [a, b] = await Promise.all([freshDb(), freshDb()]);
  const started = performance.now();
  summaryA = await seedDemo(a.db, { today: TODAY, seed: SEED });
  console.log(`seedDemo on PGlite: ${Math.round(performance.now() - started)} ms`, summaryA.counts);
});

afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe("seedDemo", () => {
  it("creates three teams of 4–6 people with their lead measures", async () => {
    const org = await a.db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORG_SLUG } });
    expect(org.id).toBe(summaryA.organizationId);
    expect(org.weekStartsOn).toBe(1);
    const teams = await a.db.team.findMany({
      where: { organizationId: org.id },
      include: { members: true, measures: true },
    });
    expect(teams).toHaveLength(3);
    for (const t of teams) {
      expect(t.members.length).toBeGreaterThanOrEqual(4);
      expect(t.members.length).toBeLessThanOrEqual(6);
      expect(t.members.filter((m) => m.isLead)).toHaveLength(1);
      expect(t.measures.length).toBeGreaterThanOrEqual(4);
      for (const m of t.measures) {
        expect(m.weeklyTarget).toBeGreaterThan(0);
        expect(m.personWeeklyTarget).toBeGreaterThan(0);
      }
    }
    const leadMeasures = await a.db.leadMeasure.count({ where: { organizationId: org.id } });
    expect(leadMeasures).toBeGreaterThanOrEqual(4);
    expect(leadMeasures).toBeLessThanOrEqual(6);
  });

  it("creates 3–4 lag measures with the right directions, improving after the program", async () => {
    const lags = await a.db.lagMeasure.findMany({
      where: { organizationId: summaryA.organizationId },
      include: { observations: { where: { teamId: null }, orderBy: { observedOn: "asc" } } },
    });
    expect(lags.length).toBeGreaterThanOrEqual(3);
    expect(lags.length).toBeLessThanOrEqual(4);
    const byName = new Map(lags.map((l) => [l.name, l]));
    const csat = byName.get("CSAT")!;
    const resolution = byName.get("Average resolution time")!;
    expect(csat.direction).toBe(Direction.HIGHER_IS_BETTER);
    expect(byName.get("Customer retention")?.direction).toBe(Direction.HIGHER_IS_BETTER);
    expect(resolution.direction).toBe(Direction.LOWER_IS_BETTER);
    for (const l of lags) {
      expect(l.observations.length).toBeGreaterThanOrEqual(3);
      expect(l.baselineDate.getTime()).toBeLessThan(TODAY.getTime());
      expect(l.targetDate.getTime()).toBeGreaterThan(TODAY.getTime());
      for (const o of l.observations) expect(o.observedOn.getTime()).toBeLessThanOrEqual(TODAY.getTime());
    }
    const last = <T>(xs: T[]) => xs[xs.length - 1]!;
    expect(last(csat.observations).value).toBeGreaterThan(csat.observations[0]!.value);
    expect(last(resolution.observations).value).toBeLessThan(resolution.observations[0]!.value);
  });

  it("logs entries in at least 12 weeks, on working days up to today, marked SEED", async () => {
    const where = { organizationId: summaryA.organizationId };
    const days = await a.db.leadEntry.groupBy({ by: ["entryDate"], where, _sum: { value: true } });
    const mondays = new Set(
      days.map((d) => {
        const dow = (d.entryDate.getUTCDay() + 6) % 7;
        expect(dow).toBeLessThan(5); // Monday–Friday
        return new Date(d.entryDate.getTime() - dow * 86_400_000).toISOString().slice(0, 10);
      }),
    );
    expect(mondays.size).toBeGreaterThanOrEqual(12);
    expect(mondays.has("2025-03-10")).toBe(true); // the current (partial) week
    const latest = Math.max(...days.map((d) => d.entryDate.getTime()));
    expect(latest).toBeLessThanOrEqual(Date.parse("2025-03-12"));
    expect(await a.db.leadEntry.count({ where: { ...where, source: { not: EntrySource.SEED } } })).toBe(0);
    expect(summaryA.weeks).toBe(mondays.size);
  });

  it("creates the demo sign-ins with the right roles and the shared password", async () => {
    const orgId = summaryA.organizationId;
    for (const u of Object.values(DEMO_USERS)) {
      const user = await a.db.user.findUniqueOrThrow({
        where: { email: u.email },
        omit: { passwordHash: false },
        include: { memberships: true },
      });
      expect(user.memberships.find((m) => m.organizationId === orgId)?.role).toBe(u.role);
      expect(await verifyPassword(user.passwordHash!, u.password)).toBe(true);
    }
    expect(DEMO_USERS.manager.role).toBe(Role.MANAGER);
    expect(DEMO_USERS.member.role).toBe(Role.MEMBER);
    const member = await a.db.user.findUniqueOrThrow({ where: { email: DEMO_USERS.member.email } });
    const tier1 = await a.db.team.findFirstOrThrow({
      where: { organizationId: orgId, name: "Tier 1 Support" },
      include: { members: true },
    });
    expect(tier1.members.map((m) => m.userId)).toContain(member.id);
  });

  it("is all or nothing: seeding a second time fails and writes nothing", async () => {
    const before = await fingerprint(a.db);
    const users = await a.db.user.count();
    await expect(seedDemo(a.db, { today: TODAY, seed: SEED })).rejects.toThrow();
    expect(await a.db.organization.count({ where: { slug: DEMO_ORG_SLUG } })).toBe(1);
    expect(await a.db.user.count()).toBe(users);
    expect(await fingerprint(a.db)).toEqual(before);
  });

  it("is deterministic for a seed (two fresh databases; seedDemoIfEmpty seeds an empty one)", async () => {
    const result = await seedDemoIfEmpty(b.db, { today: TODAY, seed: SEED });
    expect(result.seeded).toBe(true);
    const fa = await fingerprint(a.db);
    expect(await fingerprint(b.db)).toEqual(fa);
    expect(fa.entries).toBe(summaryA.counts.leadEntries);
    expect(fa.entrySum).toBe(summaryA.totalLeadValue);
    if (result.seeded) expect(result.summary.counts).toEqual(summaryA.counts);
  });

  it("seedDemoIfEmpty does nothing on a database that has an organization", async () => {
    const orgs = await a.db.organization.count();
    const entries = await a.db.leadEntry.count();
    expect(await seedDemoIfEmpty(a.db, { today: TODAY, seed: SEED })).toEqual({ seeded: false });
    expect(await a.db.organization.count()).toBe(orgs);
    expect(await a.db.leadEntry.count()).toBe(entries);
  });

  it("resetDemo replaces the demo and leaves other organizations alone", async () => {
    const other = await createOrgWithTeam(a.db);
    const before = await fingerprint(a.db);
    const summary = await resetDemo(a.db, { today: TODAY, seed: SEED });
    expect(await a.db.organization.count({ where: { slug: DEMO_ORG_SLUG } })).toBe(1);
    expect(summary.organizationId).not.toBe(summaryA.organizationId);
    expect(await fingerprint(a.db)).toEqual(before);
    expect(await a.db.user.count({ where: { email: { in: [...DEMO_EMAILS] } } })).toBe(DEMO_EMAILS.length);
    expect(await a.db.organization.findUnique({ where: { id: other.organizationId } })).not.toBeNull();
  });
});

describe("createOrgWithTeam", () => {
  it("gives each caller a separate organization with a manager, a member and a target", async () => {
    const [x, y] = [await createOrgWithTeam(a.db), await createOrgWithTeam(a.db)];
    expect(x.organizationId).not.toBe(y.organizationId);
    expect(x.slug).not.toBe(y.slug);
    expect(x.manager.email).not.toBe(y.manager.email);
    for (const o of [x, y]) {
      const memberships = await a.db.membership.findMany({ where: { organizationId: o.organizationId } });
      expect(memberships.map((m) => [m.userId, m.role]).sort()).toEqual(
        [
          [o.manager.id, Role.MANAGER],
          [o.member.id, Role.MEMBER],
        ].sort(),
      );
      const tlm = await a.db.teamLeadMeasure.findUniqueOrThrow({
        where: { organizationId_teamId_leadMeasureId: { organizationId: o.organizationId, teamId: o.teamId, leadMeasureId: o.leadMeasureId } },
        include: { leadMeasure: true },
      });
      expect(tlm.leadMeasure.name).toBe("Coaching conversations");
      expect(tlm.weeklyTarget).toBe(10);
      expect(tlm.personWeeklyTarget).toBe(3);
      expect(await a.db.teamMember.count({ where: { organizationId: o.organizationId, teamId: o.teamId } })).toBe(2);
      const withHash = await a.db.user.findUniqueOrThrow({ where: { id: o.member.id }, omit: { passwordHash: false } });
      expect(await verifyPassword(withHash.passwordHash!, o.member.password)).toBe(true);
    }
  });
});

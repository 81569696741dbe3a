// The tenant guard on a real database: with LEADLAG_TENANT_GUARD=1 (set for every vitest run) a
// query on a tenant table that does not pin one organization is refused before it reaches the
// database, whether it is a Prisma model call or raw SQL; the same query filtered by
// organizationId runs. This is what keeps every query routable to one Citus shard.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createOrgWithTeam, type OrgWithTeam } from "@/lib/seed/factories";
import { createTestDb, type TestDb } from "../helpers/db";

const TEAM = "Guarded team";
let t: TestDb;
let org: OrgWithTeam;

beforeAll(async () => {
  // vitest.config.ts turns the guard on for the app's code; here the test's own queries stand in
  // for the app's, so every query is checked.
  expect(process.env.LEADLAG_TENANT_GUARD).toBe("1");
  t = await createTestDb("embedded");
  org = await createOrgWithTeam(t.db, { teamName: TEAM });
  process.env.LEADLAG_TENANT_GUARD = "all";
});
afterAll(async () => {
  process.env.LEADLAG_TENANT_GUARD = "1";
  await t?.close();
});

describe("the tenant guard", () => {
  it("leaves the queries that tests make for themselves alone in the default mode", async () => {
    process.env.LEADLAG_TENANT_GUARD = "1";
    try {
      await expect(t.db.team.findMany({ where: { name: TEAM } })).resolves.toHaveLength(1);
    } finally {
      process.env.LEADLAG_TENANT_GUARD = "all";
    }
  });

  it("refuses a model query on a tenant table without organizationId, naming the model and the call site", async () => {
    await expect(t.db.team.findMany({ where: { name: TEAM } })).rejects.toThrow(
      /Tenant guard: Team\.findMany has no organizationId in its where \(called from .*tenantGuard\.test\.ts/,
    );
    await expect(t.db.leadEntry.deleteMany({})).rejects.toThrow(/LeadEntry\.deleteMany/);
    await expect(t.db.team.create({ data: { name: "Nowhere" } as never })).rejects.toThrow(/Team\.create creates a row without organizationId/);
  });

  it("runs the same model queries when they pin the organization", async () => {
    const orgId = org.organizationId;
    await expect(t.db.team.findMany({ where: { organizationId: orgId, name: TEAM } })).resolves.toHaveLength(1);
    await expect(t.db.team.findUnique({ where: { organizationId_id: { organizationId: orgId, id: org.teamId } } })).resolves.toMatchObject({ name: TEAM });
    await expect(t.db.team.count({ where: { AND: [{ organizationId: orgId }, { archivedAt: null }] } })).resolves.toBe(1);
    // Global tables need no organization.
    await expect(t.db.user.count()).resolves.toBeGreaterThan(0);
  });

  it("refuses raw SQL that reads a tenant table without comparing its organizationId", async () => {
    await expect(t.db.$queryRaw`SELECT count(*)::int AS n FROM "Team" t WHERE t.name = ${TEAM}`).rejects.toThrow(
      /Tenant guard: \$queryRaw on "Team" does not compare its "organizationId"/,
    );
    // A join whose second table is not pinned.
    await expect(
      t.db.$queryRaw`SELECT t.id FROM "Team" t JOIN "TeamMember" m ON m."teamId" = t.id WHERE t."organizationId" = ${org.organizationId}::uuid`,
    ).rejects.toThrow(/"TeamMember"/);
    await expect(t.db.$executeRaw`UPDATE "Team" SET name = name`).rejects.toThrow(/\$executeRaw on "Team"/);
  });

  it("runs raw SQL that pins every tenant table it names", async () => {
    const orgId = org.organizationId;
    const rows = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n
      FROM "Team" t
      JOIN "TeamMember" m ON m."organizationId" = t."organizationId" AND m."teamId" = t.id
      WHERE t."organizationId" = ${orgId}::uuid`;
    expect(rows[0]?.n).toBeGreaterThanOrEqual(0);
    await expect(t.db.$executeRaw`UPDATE "Team" SET name = name WHERE "organizationId" = ${orgId}::uuid`).resolves.toBe(1);
    const fragment = Prisma.sql`SELECT id FROM "Team" WHERE "Team"."organizationId" = ${orgId}::uuid`;
    await expect(t.db.$queryRaw(fragment)).resolves.toHaveLength(1);
    await expect(t.db.$queryRaw`SELECT count(*)::int AS n FROM "User"`).resolves.toHaveLength(1);
  });

  it("guards queries inside an interactive transaction too", async () => {
    await expect(t.db.$transaction((tx) => tx.team.findFirst({ where: { name: TEAM } }))).rejects.toThrow(/Team\.findFirst/);
  });
});

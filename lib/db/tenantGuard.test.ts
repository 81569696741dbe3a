// The tenant guard's rules without a database: which model calls and which SQL statements pin
// one organization. The integration test (tests/integration/tenantGuard.test.ts) runs them
// through a real Prisma client.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkModelOperation, GLOBAL_MODELS, guardOperation, sqlText, TENANT_MODELS, unpinnedTables } from "./tenantGuard";

describe("tenant models", () => {
  it("are the models with organizationId; the global ones are people, sign-ins and organizations", () => {
    expect(TENANT_MODELS).toContain("LeadEntry");
    expect(TENANT_MODELS).toContain("SsoConnection");
    for (const m of GLOBAL_MODELS) expect(TENANT_MODELS).not.toContain(m);
    expect(TENANT_MODELS.length + GLOBAL_MODELS.length).toBe(Object.keys(Prisma.ModelName).length);
  });
});

describe("model operations", () => {
  const org = "00000000-0000-0000-0000-000000000001";
  it("pass when the where or the data pins the organization", () => {
    expect(checkModelOperation("Team", "findMany", { where: { organizationId: org } })).toBeNull();
    expect(checkModelOperation("Team", "findUnique", { where: { organizationId_id: { organizationId: org, id: "t" } } })).toBeNull();
    expect(checkModelOperation("Team", "count", { where: { AND: [{ archivedAt: null }, { organizationId: { equals: org } }] } })).toBeNull();
    expect(checkModelOperation("Team", "create", { data: { organizationId: org, name: "A" } })).toBeNull();
    expect(checkModelOperation("Team", "create", { data: { organization: { connect: { id: org } }, name: "A" } })).toBeNull();
    expect(checkModelOperation("LeadEntry", "createMany", { data: [{ organizationId: org }, { organizationId: org }] })).toBeNull();
    expect(checkModelOperation("User", "findMany", {})).toBeNull();
  });
  it("fail when they do not, or name several organizations", () => {
    expect(checkModelOperation("Team", "findMany", {})).toMatch(/no organizationId/);
    expect(checkModelOperation("Team", "findMany", { where: { organizationId: { in: [org, org] } } })).toMatch(/no organizationId/);
    expect(checkModelOperation("Team", "findMany", { where: { OR: [{ organizationId: org }, { name: "A" }] } })).toMatch(/no organizationId/);
    expect(checkModelOperation("LeadEntry", "createMany", { data: [{ organizationId: org }, { teamId: "t" }] })).toMatch(/creates rows/);
    expect(checkModelOperation("Team", "updateMany", { where: { id: "t" }, data: {} })).toMatch(/no organizationId/);
  });
  it("allow the listed cross-organization lookups", () => {
    expect(checkModelOperation("Membership", "findMany", { where: { userId: "u" } })).toBeNull();
    expect(checkModelOperation("Invitation", "findUnique", { where: { tokenHash: "h" } })).toBeNull();
    expect(checkModelOperation("Membership", "findMany", { where: { role: "OWNER" } })).toMatch(/no organizationId/);
  });
  it("throw an error that names the model, the operation and the call site", () => {
    expect(() => guardOperation("Team", "deleteMany", {}, "lib/services/teams.ts:12:3")).toThrow(
      "Tenant guard: Team.deleteMany has no organizationId in its where (called from lib/services/teams.ts:12:3)",
    );
  });
});

describe("raw SQL", () => {
  it("passes when every tenant table compares its organizationId", () => {
    expect(unpinnedTables(`SELECT 1 FROM "LeadEntry" e WHERE e."organizationId" = $1`)).toEqual([]);
    expect(unpinnedTables(`SELECT 1 FROM "LeadEntry" AS e JOIN "Team" t ON t."organizationId" = e."organizationId" AND t.id = e."teamId" WHERE e."organizationId" = $1`)).toEqual([]);
    expect(unpinnedTables(`UPDATE "Team" SET name = $1 WHERE "organizationId" = $2 AND id = $3`)).toEqual([]);
    expect(unpinnedTables(`DELETE FROM "LeadEntry" WHERE "LeadEntry"."organizationId" = $1`)).toEqual([]);
    expect(unpinnedTables(`INSERT INTO "LeadEntry" ("organizationId", id) VALUES ($1, $2)`)).toEqual([]);
    expect(unpinnedTables(`SELECT t.id FROM "public"."Team" t WHERE t."organizationId" IN ($1)`)).toEqual([]);
    expect(unpinnedTables(`SELECT count(*) FROM "User"`)).toEqual([]);
  });
  it("fails for each tenant table that does not", () => {
    expect(unpinnedTables(`SELECT 1 FROM "LeadEntry" e WHERE e."teamId" = $1`)).toEqual(["LeadEntry"]);
    expect(unpinnedTables(`SELECT 1 FROM "LeadEntry" e JOIN "Team" t ON t.id = e."teamId" WHERE e."organizationId" = $1`)).toEqual(["Team"]);
    expect(unpinnedTables(`INSERT INTO "LeadEntry" (id) VALUES ($1)`)).toEqual(["LeadEntry"]);
    expect(unpinnedTables(`UPDATE "Team" SET name = $1`)).toEqual(["Team"]);
    // A mention in a comment or a string is not a predicate.
    expect(unpinnedTables(sqlText(`SELECT 1 FROM "Team" t -- t."organizationId" = $1\n WHERE t.name = 'x."organizationId" = 1'`))).toEqual(["Team"]);
  });
  it("reads the statement of a tagged template or a Prisma.sql fragment", () => {
    expect(sqlText(Prisma.sql`SELECT ${1}`)).toBe("SELECT $1");
    expect(sqlText([Prisma.sql`SELECT ${1}`])).toBe("SELECT $1");
    expect(sqlText("SELECT 1")).toBe("SELECT 1");
  });
});

describe("which call sites are checked", () => {
  it("the app's code, and unknown ones; tests only when asked for everything", async () => {
    const { checkedCallSite } = await import("./tenantGuard");
    const saved = process.env.LEADLAG_TENANT_GUARD;
    try {
      process.env.LEADLAG_TENANT_GUARD = "1";
      expect(checkedCallSite("lib/queries/x.ts:1:1")).toBe(true);
      expect(checkedCallSite("app/(app)/page.tsx:1:1")).toBe(true);
      expect(checkedCallSite(undefined)).toBe(true);
      expect(checkedCallSite("tests/integration/x.test.ts:1:1")).toBe(false);
      expect(checkedCallSite("lib/db/x.test.ts:1:1")).toBe(false);
      expect(checkedCallSite("node:internal/process/task_queues:95:5")).toBe(true);
      process.env.LEADLAG_TENANT_GUARD = "all";
      expect(checkedCallSite("tests/integration/x.test.ts:1:1")).toBe(true);
    } finally {
      process.env.LEADLAG_TENANT_GUARD = saved;
    }
  });
});

describe("the call site", () => {
  it("is the first frame in the project's own files", async () => {
    const { firstOwnFrame } = await import("./tenantGuard");
    const cwd = process.cwd();
    const stack = [
      "Error",
      `    at new Hn (${cwd}/node_modules/@prisma/client/runtime/client.js:11:9329)`,
      `    at Object.$queryRaw (${cwd}/lib/generated/prisma/internal/class.ts:40:3)`,
      "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)",
      `    at rollupOf (${cwd}/lib/queries/teamRollup.ts:12:5)`,
    ].join("\n");
    expect(firstOwnFrame(stack)).toBe("lib/queries/teamRollup.ts:12:5");
    expect(firstOwnFrame("Error\n    at node:internal/x:1:1")).toBeUndefined();
  });
});

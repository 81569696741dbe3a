// Organization settings and team membership changes (the services behind the settings page and
// the teams API): admins and managers only, audited, tenant-scoped. And the `api-token` script,
// which prints a working token for scripts and tests.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { openAdapter } from "@/lib/db/adapter";
import { makeClient, type Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { apiTokensOf } from "@/lib/queries/apiTokensOf";
import { addMembership, createOrgWithTeam, createUser, type OrgWithTeam } from "@/lib/seed/factories";
import { createApiToken, LAST_USED_EVERY_MS, revokeApiToken, verifyApiToken } from "@/lib/services/apiTokens";
import { updateOrganizationSettings } from "@/lib/services/organization";
import { createTeam, setTeamMembers } from "@/lib/services/teams";
import { createTestDb, openMigratedEmbedded, testDbKinds, type TestDb } from "../helpers/db";

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));

const settings = {
  name: "Acme Care",
  timeZone: "Europe/Berlin",
  weekStartsOn: "0",
  currency: "eur",
  locale: "de-DE",
  greenPercent: "95",
  amberPercent: "70",
};

describe.each(testDbKinds())("settings and team services [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let adminA: TenantContext;
  let managerA: TenantContext;
  let memberA: TenantContext;
  let managerB: TenantContext;

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    const admin = await createUser(t.db);
    await addMembership(t.db, a.organizationId, admin.id, Role.ADMIN);
    adminA = (await loadTenantContext(t.db, admin.id, a.organizationId))!;
    managerA = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    memberA = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    managerB = (await loadTenantContext(t.db, b.manager.id, b.organizationId))!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lets an admin change the organization's settings, audited, and leaves other organizations alone", async () => {
    const saved = await updateOrganizationSettings(t.db, adminA, settings);
    expect(saved).toMatchObject({ name: "Acme Care", timeZone: "Europe/Berlin", weekStartsOn: 0, currency: "EUR", locale: "de-DE", greenThreshold: 0.95, amberThreshold: 0.7 });
    const audit = await t.db.auditEvent.findFirst({ where: { organizationId: a.organizationId, action: "organization.update" } });
    expect(audit).toMatchObject({ actorId: adminA.userId, before: expect.objectContaining({ timeZone: "UTC" }), after: expect.objectContaining({ timeZone: "Europe/Berlin" }) });
    const other = await t.db.organization.findUnique({ where: { id: b.organizationId } });
    expect(other).toMatchObject({ timeZone: "UTC", currency: "USD" });
  });

  it("refuses managers with 403", async () => {
    const err = await refusal(updateOrganizationSettings(t.db, managerA, { ...settings, name: "Hijacked" }));
    expect(err?.status).toBe(403);
    expect((await t.db.organization.findUnique({ where: { id: a.organizationId } }))?.name).toBe("Acme Care");
  });

  it("names each bad setting and saves nothing", async () => {
    const err = await refusal(
      updateOrganizationSettings(t.db, adminA, { ...settings, name: " ", timeZone: "Mars/Olympus", weekStartsOn: "3", currency: "XYZ", locale: "xx-nope-", greenPercent: "80", amberPercent: "90" }),
    );
    expect(err?.status).toBe(400);
    expect(Object.keys(err!.details!.fieldErrors!).sort()).toEqual(["amberPercent", "currency", "locale", "name", "timeZone", "weekStartsOn"]);
    expect((await t.db.organization.findUnique({ where: { id: a.organizationId } }))?.timeZone).toBe("Europe/Berlin");
  });

  it("lets managers create teams and set members; members get 403; another organization's team is 404", async () => {
    expect((await refusal(createTeam(t.db, memberA, { name: "Rogue" })))?.status).toBe(403);
    expect((await refusal(setTeamMembers(t.db, memberA, a.teamId, { members: [] })))?.status).toBe(403);
    expect((await refusal(setTeamMembers(t.db, managerB, a.teamId, { members: [] })))?.status).toBe(404);
    expect(await t.db.teamMember.count({ where: { organizationId: a.organizationId, teamId: a.teamId } })).toBe(2);

    const team = await createTeam(t.db, managerA, { name: "Weekend" });
    const result = await setTeamMembers(t.db, managerA, team.id, { members: [{ email: a.member.email, isLead: true }] });
    expect(result).toEqual({ added: 1, removed: 0, updated: 0, members: 1 });
    const audit = await t.db.auditEvent.findMany({ where: { organizationId: a.organizationId, entityId: team.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["team.create", "team.members.set"]);
    // Setting the same list again changes (and audits) nothing.
    expect(await setTeamMembers(t.db, managerA, team.id, { members: [{ email: a.member.email }] })).toEqual({ added: 0, removed: 0, updated: 0, members: 1 });
  });

  it("lists tokens without their secret; one organization cannot revoke another's", async () => {
    const ownerB = await createUser(t.db);
    await addMembership(t.db, b.organizationId, ownerB.id, Role.OWNER);
    const ctxB = (await loadTenantContext(t.db, ownerB.id, b.organizationId))!;
    const tokenB = await createApiToken(t.db, ctxB, { name: "B's helpdesk", scopes: ["entries:write"] });
    await createApiToken(t.db, adminA, { name: "A's CRM", scopes: ["teams:read"] });
    expect(await revokeApiToken(t.db, adminA, tokenB.id)).toBe(false);
    expect(await verifyApiToken(t.db, tokenB.token)).not.toBeNull();
    const listA = await apiTokensOf(t.db, a.organizationId);
    expect(listA.map((x) => x.name)).toEqual(["A's CRM"]);
    expect(JSON.stringify(listA)).not.toMatch(/tokenHash|llk_[0-9a-f]{32}_/);
  });

  it("records a token's last use at most once a minute, so a busy client's reads stay reads", async () => {
    const token = await createApiToken(t.db, adminA, { name: "Dashboard poller", scopes: ["teams:read"] });
    const lastUsed = async () => (await t.db.apiToken.findFirstOrThrow({ where: { organizationId: a.organizationId, id: token.id } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await verifyApiToken(t.db, token.token);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    await verifyApiToken(t.db, token.token);
    expect(await lastUsed(), "a second use within the minute writes nothing").toEqual(first);
    // A minute on (the stored time moved back), the next use is written again.
    const earlier = new Date(first!.getTime() - LAST_USED_EVERY_MS);
    await t.db.apiToken.update({ where: { organizationId_id: { organizationId: a.organizationId, id: token.id } }, data: { lastUsedAt: earlier } });
    await verifyApiToken(t.db, token.token);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(first!.getTime());
  });
});

const run = promisify(execFile);
/** The command `npm run api-token` runs (e.g. `tsx --conditions=react-server scripts/api-token.ts`), without npm's own start-up. */
const [bin, ...binArgs] = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts["api-token"]!.split(" ");

describe.each(testDbKinds())("npm run api-token [%s]", (kind) => {
  let env: NodeJS.ProcessEnv;
  let withDb: <T>(fn: (db: Db) => Promise<T>) => Promise<T>;
  let ownerless: string;
  let org: OrgWithTeam;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const base: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test" };
    delete base.DATABASE_URL;
    if (kind === "postgres") {
      const t = await createTestDb("postgres");
      env = { ...base, DATABASE_URL: t.url! };
      withDb = (fn) => fn(t.db);
      cleanup = () => t.close();
    } else {
      // The script opens the embedded database in a data directory, as the server would; PGlite
      // has one owner at a time, so the test opens it only while the script is not running.
      const dir = mkdtempSync(path.join(os.tmpdir(), "leadlag-token-"));
      env = { ...base, LEADLAG_DATA_DIR: dir };
      const dataDir = path.join(dir, "pglite");
      let created = false;
      withDb = async (fn) => {
        // The first open creates the migrated database (from the run's template).
        const opened = created ? await openAdapter({ kind: "embedded", dataDir }) : await openMigratedEmbedded(dataDir);
        created = true;
        const db = makeClient(opened.factory);
        try {
          return await fn(db);
        } finally {
          await db.$disconnect();
          await opened.close();
        }
      };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    await withDb(async (db) => {
      ownerless = (await createOrgWithTeam(db)).slug;
      org = await createOrgWithTeam(db);
      const owner = await createUser(db);
      await addMembership(db, org.organizationId, owner.id, Role.OWNER);
    });
  });
  afterAll(async () => {
    await cleanup?.();
  });

  const script = (args: string[]) =>
    run(path.resolve("node_modules/.bin", bin!), [...binArgs, ...args], { env, cwd: process.cwd() }).catch((e: { code: number; stdout: string; stderr: string }) => e);

  it("prints only a working token with the scopes asked for", async () => {
    const out = await script([org.slug, "CI", "--scopes", "entries:write,teams:read"]);
    expect(out.stdout).toMatch(/^llk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}\n$/);
    expect(out.stderr).toContain("entries:write, teams:read");
    const principal = await withDb((db) => verifyApiToken(db, out.stdout.trim()));
    expect(principal).toMatchObject({ organizationId: org.organizationId, scopes: ["entries:write", "teams:read"] });
  }, 60_000);

  it("fails with a message, printing nothing on stdout, for an unknown organization, no owner or a bad scope", async () => {
    for (const [args, message] of [
      [["no-such-org", "CI"], /No organization/],
      [[ownerless, "CI"], /has no owner/],
      [[org.slug, "CI", "--scopes", "everything"], /scopes/],
      [[org.slug], /Usage/],
    ] as const) {
      const out = (await script([...args])) as { code?: number; stdout: string; stderr: string };
      expect(out.code, args.join(" ")).toBe(1);
      expect(out.stdout).toBe("");
      expect(out.stderr).toMatch(message);
    }
  }, 120_000);
});

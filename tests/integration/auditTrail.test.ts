// The audit trail in words, from real writes: an entry logged and then changed on the grid, a
// lag result, an invitation, a role change and a team renamed afterwards. The page's view model
// tells each as a sentence with today's names, filters by person, record and days, pages by
// cursor without losing or repeating an event, and looks the names of a page up in one query;
// the CSV export holds the same sentences, for owners and admins of this organization only.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { addDays, localDay } from "@/lib/domain/calendar/weeks";
import { formatDay, monthWithYear } from "@/lib/domain/format";
import { Cadence } from "@/lib/generated/prisma/enums";
import { createLagMeasure } from "@/lib/seed/factories";
import { inviteFromList } from "@/lib/services/invitations";
import { recordLagObservation } from "@/lib/services/lagObservations";
import { setLeadCells } from "@/lib/services/leadEntries";
import { changeRole } from "@/lib/services/people";
import { renameTeam } from "@/lib/services/teams";
import { auditTrailEntries, auditTrailPage } from "@/lib/views/auditTrail";
import { documented, type RouteHandler } from "../helpers/apiSchemas";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { apiOrg, serveFrom, type ApiOrg } from "./apiFixtures";

describe.each(testDbKinds())("the audit trail in words [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;
  let ctx: { owner: TenantContext; manager: TenantContext; member: TenantContext };
  let exportCsv: RouteHandler<Record<string, string>>;
  const day = addDays(localDay(new Date(), "UTC"), -1);
  const sentences = async (c: TenantContext, f = {}) => (await auditTrailPage(t.db, c, f)).entries.map((e) => e.sentence);

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    vi.stubEnv("NEXTAUTH_SECRET", "audit-trail-test-secret-0123456789abcdef");
    exportCsv = documented((await import("@/app/api/v1/exports/audit.csv/route")).GET);
    a = await apiOrg(t.db);
    b = await apiOrg(t.db);
    const as = async (userId: string) => (await loadTenantContext(t.db, userId, a.organizationId))!;
    ctx = { owner: a.owner, manager: await as(a.manager.id), member: await as(a.member.id) };
    const cell = { userId: a.member.id, teamId: a.teamId, leadMeasureId: a.leadMeasureId, entryDate: day };
    await setLeadCells(t.db, ctx.member, [{ ...cell, value: 2 }], { source: "MANUAL" });
    await setLeadCells(t.db, ctx.manager, [{ ...cell, value: 3 }], { source: "MANUAL" });
    const csat = await createLagMeasure(t.db, a.organizationId, { name: "CSAT", cadence: Cadence.MONTHLY });
    await recordLagObservation(t.db, ctx.manager, { lagMeasureId: csat.id, teamId: a.teamId, observedOn: `${day.slice(0, 7)}-01`, value: 91.2 });
    await inviteFromList(t.db, ctx.owner, { emails: "newcomer@example.test", role: "MANAGER", teamIds: [a.teamId] });
    await changeRole(t.db, ctx.owner, { userId: a.member.id, role: "VIEWER" });
    // Renamed after the fact: the sentences say what the team is called now.
    await renameTeam(t.db, ctx.owner, a.teamId, { name: "Tier 1" });
    await inviteFromList(t.db, b.owner, { emails: "someone-of-b@example.test", role: "MEMBER" });
  }, 120_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await t?.close();
  });

  it("tells each change as a sentence with names, newest first", async () => {
    const said = await sentences(ctx.owner);
    const owner = (await t.db.user.findUniqueOrThrow({ where: { id: ctx.owner.userId } })).name;
    const on = formatDay(day, ctx.owner.organization.locale);
    expect(said).toEqual([
      `${owner} renamed the team Support Team to Tier 1.`,
      `${owner} made ${a.member.name} a viewer (was member).`,
      `${owner} invited newcomer@example.test as a manager to Tier 1.`,
      `${a.manager.name} added the lag observation CSAT 91.2% for ${monthWithYear(day.slice(0, 7), ctx.owner.organization.locale)} (Tier 1).`,
      `${a.manager.name} changed ${a.member.name}'s Coaching conversations on ${on} for Tier 1 from 2 to 3.`,
      `${a.member.name} set Coaching conversations on ${on} for Tier 1 to 2.`,
      // The factories made the team's measure and token before: the trail starts with the tokens.
      ...said.slice(6),
    ]);
    expect(said.slice(6).every((s) => /created the API token/.test(s))).toBe(true);
    expect(said.join(" ")).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it("filters by person, by record and by days", async () => {
    expect(await sentences(ctx.owner, { person: a.manager.id })).toHaveLength(2);
    expect(await sentences(ctx.owner, { kind: "entries" })).toHaveLength(2);
    expect(await sentences(ctx.owner, { kind: "observations", person: a.manager.id })).toEqual([expect.stringMatching(/added the lag observation CSAT 91\.2%/)]);
    expect(await sentences(ctx.owner, { kind: "people" })).toHaveLength(2);
    const today = localDay(new Date(), "UTC");
    expect((await sentences(ctx.owner, { from: today, to: today })).length).toBeGreaterThanOrEqual(6);
    expect(await sentences(ctx.owner, { from: addDays(today, 1) })).toEqual([]);
    expect(await sentences(ctx.owner, { to: addDays(today, -1) })).toEqual([]);
  });

  it("pages by cursor without losing or repeating an event, two queries a page", async () => {
    const all = (await auditTrailPage(t.db, ctx.owner, {})).entries.map((e) => e.id);
    const seen: string[] = [];
    const spy = vi.spyOn(t.db, "$queryRaw");
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await auditTrailPage(t.db, ctx.owner, { cursor }, 3);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.next ?? undefined;
      pages++;
    } while (cursor);
    // The events of a page, then every name they point at: never a query per event.
    expect(spy.mock.calls.length).toBe(2 * pages);
    spy.mockRestore();
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 3));
    const streamed = [];
    for await (const entries of auditTrailEntries(t.db, ctx.owner, {}, 4)) streamed.push(...entries.map((e) => e.id));
    expect(streamed).toEqual(all);
  });

  it("never shows another organization's trail", async () => {
    const ofB = await sentences(b.owner);
    expect(ofB.some((s) => s.includes("someone-of-b@example.test"))).toBe(true);
    expect(ofB.join(" ")).not.toMatch(/newcomer|Tier 1|Coaching/);
    expect(await sentences(b.owner, { person: a.manager.id })).toEqual([]);
  });

  it("exports the filtered trail as CSV for owners and admins, with the same sentences", async () => {
    const get = (path: string, token: string) => exportCsv(new Request(`http://leadlag.test${path}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    const res = await get(`/api/v1/exports/audit.csv?kind=entries&bom=false`, a.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/audit-trail\.csv/);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("when,who,action,record,sentence,before,after");
    expect(lines).toHaveLength(3);
    // The sentence is quoted when the locale's day has a comma ("Wed, Dec 2").
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,/);
    expect(lines[1]).toContain(`${a.manager.name},lead_cell.set,Lead entry,`);
    expect(lines[1]).toContain(`${a.manager.name} changed ${a.member.name}'s Coaching conversations on`);
    expect(lines[1]).toContain('""value"":2');
    // Another organization's token sees its own trail only, and none of A's people.
    const ofB = await (await get("/api/v1/exports/audit.csv", b.token)).text();
    expect(ofB).toContain("someone-of-b@example.test");
    expect(ofB).not.toMatch(/newcomer|Tier 1|Coaching/);
    expect((await get(`/api/v1/exports/audit.csv?person=${a.manager.id}`, b.token)).status).toBe(404);
    // A token without the scope, and a bad filter, are refused in the one error shape.
    expect((await get("/api/v1/exports/audit.csv", await a.tokenWith(["entries:read"]))).status).toBe(403);
    const bad = await get("/api/v1/exports/audit.csv?from=2026-13-01&kind=widgets", a.token);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.fieldErrors).toMatchObject({ from: [expect.any(String)], kind: [expect.any(String)] });
  });
});

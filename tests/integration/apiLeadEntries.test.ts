// REST API v1 lead entries: one at a time (idempotent per key), in batches of up to 10,000 (all
// or nothing, problems by index, repeatable), and read back page by page. Every bad payload is a
// 4xx in the one error shape and writes nothing.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

import * as batch from "@/app/api/v1/lead-entries/batch/route";
import * as leadEntries from "@/app/api/v1/lead-entries/route";
import { testDbKinds, type TestDb } from "../helpers/db";
import { call, daysAgo, isErrorShape, type ApiOrg, twoApiOrgs } from "./apiFixtures";

describe.each(testDbKinds())("REST API v1: lead entries [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;

  beforeAll(async () => {
    ({ t, a, b } = await twoApiOrgs(kind));
  });
  afterAll(async () => {
    await t?.close();
  });

  const state = async () => ({
    entries: await t.db.leadEntry.aggregate({ where: { organizationId: a.organizationId }, _count: true, _sum: { value: true } }),
    audit: await t.db.auditEvent.count({ where: { organizationId: a.organizationId } }),
  });
  const post = (body: unknown, token = a.token) => call(leadEntries.POST, { path: "/api/v1/lead-entries", token, body });
  const postBatch = (body: unknown, token = a.token) => call(batch.POST, { path: "/api/v1/lead-entries/batch", token, body });
  const entry = (over: Record<string, unknown> = {}) => ({
    email: a.member.email,
    teamId: a.teamId,
    leadMeasureId: a.leadMeasureId,
    date: daysAgo(1),
    value: 2,
    ...over,
  });

  it("adds an entry for the person named by email, and a replayed idempotency key adds nothing", async () => {
    const first = await post(entry({ value: 3, note: "coached on refunds", idempotencyKey: "helpdesk-4711" }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, data: { userId: a.member.id, date: daysAgo(1), value: 3, note: "coached on refunds" } });
    const replay = await post(entry({ value: 3, note: "coached on refunds", idempotencyKey: "helpdesk-4711" }));
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ created: false, data: { id: first.body.data.id } });
    expect(await t.db.leadEntry.count({ where: { organizationId: a.organizationId, idempotencyKey: "helpdesk-4711" } })).toBe(1);
    // Entries pushed by an integration are marked as such.
    expect(await t.db.leadEntry.findUnique({ where: { organizationId_id: { organizationId: a.organizationId, id: first.body.data.id } } })).toMatchObject({
      source: "API",
    });
    // By user id works the same; without a key, a second post adds to the day.
    expect((await post({ ...entry({ email: undefined }), userId: a.manager.id })).status).toBe(201);
  });

  // Bodies are built inside the test: the organizations exist only once beforeAll has run.
  type Bad = [string, () => unknown, number, string];
  const badSingles: Bad[] = [
    ["missing fields", () => ({ value: 1 }), 400, "teamId"],
    ["a string value", () => entry({ value: "3" }), 400, "value"],
    ["a negative value", () => entry({ value: -1 }), 400, "value"],
    ["a huge value", () => entry({ value: 1e9 }), 400, "value"],
    ["an impossible date", () => entry({ date: "2026-02-30" }), 400, "date"],
    ["a future date", () => entry({ date: daysAgo(-3) }), 400, "date"],
    ["an unknown measure", () => entry({ leadMeasureId: "00000000-0000-4000-8000-000000000000" }), 400, "leadMeasureId"],
    ["an unknown team", () => entry({ teamId: "00000000-0000-4000-8000-000000000000" }), 404, ""],
    ["an unknown email", () => entry({ email: "nobody@example.test" }), 400, "email"],
    ["no person (a token acts for no one)", () => entry({ email: undefined }), 400, "email"],
    ["both email and userId", () => entry({ userId: a.member.id }), 400, "userId"],
    ["a misspelt key", () => ({ ...entry(), idempotencyKee: "abcdefgh" }), 400, "_form"],
    ["an array", () => [entry()], 400, "_form"],
  ];
  it.each(badSingles)("refuses %s and writes nothing", async (_, body, status, field) => {
    const before = await state();
    const res = await post(body());
    expect(res.status).toBe(status);
    expect(isErrorShape(res.body)).toBe(true);
    if (field) expect(Object.keys(res.body.error.details.fieldErrors)).toContain(field);
    expect(await state()).toEqual(before);
  });

  it("refuses a body that is not JSON", async () => {
    const before = await state();
    const res = await call(leadEntries.POST, { path: "/api/v1/lead-entries", token: a.token, raw: "value=3" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(await state()).toEqual(before);
  });

  it("sets a batch all or nothing, listing every bad entry by index", async () => {
    const before = await state();
    const res = await postBatch({
      entries: [
        entry({ date: daysAgo(3), value: 1 }),
        entry({ date: daysAgo(-2), value: 1 }),
        entry({ date: daysAgo(3), email: b.member.email }),
        entry({ value: "x" }),
        entry({ teamId: b.teamId, leadMeasureId: b.leadMeasureId }),
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/nothing was saved/);
    // Shape and rules are checked together: one answer lists every problem of the batch.
    expect(res.body.error.details.problems.map((p: { index: number; field: string }) => [p.index, p.field])).toEqual([
      [1, "date"],
      [2, "email"],
      [3, "value"],
      [4, "teamId"],
    ]);
    expect(res.body.error.details.problemCount).toBe(4);
    expect(await state()).toEqual(before);
  });

  it("sets, repeats without change, and clears cells with null", async () => {
    const cells = [entry({ date: daysAgo(5), value: 4 }), entry({ date: daysAgo(6), value: 1, email: a.manager.email })];
    const first = await postBatch({ entries: cells });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: 2, written: 2, replaced: 0 });
    const rows = () =>
      t.db.leadEntry.findMany({
        where: { organizationId: a.organizationId, entryDate: { in: [new Date(`${daysAgo(5)}T00:00:00Z`), new Date(`${daysAgo(6)}T00:00:00Z`)] } },
        select: { userId: true, value: true, source: true },
        orderBy: { value: "asc" },
      });
    expect(await rows()).toEqual([
      { userId: a.manager.id, value: 1, source: "API" },
      { userId: a.member.id, value: 4, source: "API" },
    ]);
    const again = await postBatch({ entries: cells });
    expect(again.body).toEqual({ received: 2, written: 2, replaced: 2 });
    expect(await rows()).toHaveLength(2);
    const cleared = await postBatch({ entries: [entry({ date: daysAgo(6), value: null, email: a.manager.email })] });
    expect(cleared.body).toEqual({ received: 1, written: 0, replaced: 1 });
    expect(await rows()).toEqual([{ userId: a.member.id, value: 4, source: "API" }]);
  });

  it("refuses batches of the wrong shape or size", async () => {
    const before = await state();
    const tooMany = Array.from({ length: 10_001 }, () => entry());
    for (const body of [{}, { entries: [] }, { entries: "all" }, { entries: tooMany }, { entries: [entry()], extra: true }]) {
      const res = await postBatch(body);
      expect(res.status).toBe(400);
      expect(isErrorShape(res.body)).toBe(true);
    }
    expect(await state()).toEqual(before);
  });

  it("takes 10,000 entries in one batch", async () => {
    // 10,000 distinct days would reach past the year managers may correct: 2 people × 250 days, each set 20 times.
    const entries = Array.from({ length: 10_000 }, (_, i) =>
      entry({ date: daysAgo(10 + (i % 250)), email: Math.floor(i / 250) % 2 ? a.manager.email : a.member.email, value: i % 7 }),
    );
    const res = await postBatch({ entries });
    expect(res.status).toBe(200);
    expect(res.body.received).toBe(10_000);
    expect(res.body.written).toBe(500); // each person × day once: the last value wins
  }, 120_000);

  it("pages through entries with a cursor, without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/api/v1/lead-entries?teamId=${a.teamId}&limit=150${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await call(leadEntries.GET, { path: q, token: a.token });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(150);
      seen.push(...res.body.data.map((e: { id: string }) => e.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    const total = await t.db.leadEntry.count({ where: { organizationId: a.organizationId } });
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 150));

    const ranged = await call(leadEntries.GET, { path: `/api/v1/lead-entries?from=${daysAgo(6)}&to=${daysAgo(5)}&limit=1000`, token: a.token });
    expect(ranged.body.data.map((e: { date: string; email: string }) => [e.date, e.email])).toEqual([[daysAgo(5), a.member.email]]);

    for (const q of ["limit=1001", "limit=0", "limit=ten", "cursor=bm9wZQ", `from=${daysAgo(1)}&to=${daysAgo(3)}`, "teamId=42", "colour=red"]) {
      const res = await call(leadEntries.GET, { path: `/api/v1/lead-entries?${q}`, token: a.token });
      expect(res.status, q).toBe(400);
      expect(isErrorShape(res.body)).toBe(true);
    }
  });
});

// Property-based fuzzing of every write route handler (POST/PUT/PATCH/DELETE under app/api),
// called in-process as an API client with a full-scope token of a seeded organization's owner:
// hostile payloads — wrong types, missing and unknown keys, huge and NaN-like numbers, dates out
// of range, overlong text, NUL and lone surrogates, nested and 10k-item arrays, broken JSON, wrong
// content for the CSV routes — are always refused with a 4xx in the one error shape, never a 5xx,
// and leave the database exactly as it was (tests/helpers/fuzz/writes.ts). Every payload is
// invalid in at least one field by construction; the last test sends the valid payload each case
// starts from and expects it to succeed, so the refusals are the fuzzed fields' doing.
// Runs and seed: tests/helpers/fuzz/runs.ts (FUZZ_RUNS, FUZZ_SEED).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // The handlers load next-auth's options, which need a secret (else one is written to .data/).
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

import { exportReportSchema } from "@/lib/schemas/reports";
import { createLagMeasure } from "@/lib/seed/factories";
import { inviteFromList } from "@/lib/services/invitations";
import { createCommitments } from "@/lib/services/checkIns";
import { anyJson, invalidJson, notAnObjectBody, objectPayload, poisonedString, unfriendlyText, type Kind } from "../helpers/fuzz/arbitraries";
import { fuzzRuns, fuzzTimeout, seedFuzzing } from "../helpers/fuzz/runs";
import { recordWrites, writeCount, writesSince } from "../helpers/fuzz/writes";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { coverageProblems, discoverRoutes } from "../helpers/surface";
import { apiOrg, daysAgo, serveFrom, type ApiOrg } from "./apiFixtures";
import { startTestJobs, stopTestJobs } from "../helpers/jobs";
import type { JobQueue } from "@/lib/jobs/queue";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Seeded = ApiOrg & { lagMeasureId: string; invitationId: string; commitmentId: string };
/** One request: a body (text or form) with its content type, a query string and route params. */
type Sent = { body?: string | FormData | Uint8Array; contentType?: string; query?: string; params?: Record<string, string> };

type Case = {
  /** The handler module, loaded lazily. */
  load: () => Promise<Record<string, unknown>>;
  /** Hostile requests, each invalid somewhere. */
  hostile: (s: Seeded) => fc.Arbitrary<Sent>;
  /** A valid request, which must succeed. */
  valid: (s: Seeded) => Sent;
  /** A refusal may also be a 200 that writes nothing and says so (the CSV preview). */
  refusedOk?: (status: number, body: unknown) => boolean;
};

/** A route parameter as Next would hand it over: always a string. */
const asParam = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? "undefined"));

const json = (value: unknown): Sent => ({ body: JSON.stringify(value), contentType: "application/json" });

/** An object body from a valid one (see objectPayload), or no object at all; sometimes a wrong content type. */
function jsonBodies(spec: Record<string, Kind>, base: Record<string, unknown>, params?: Record<string, string>): fc.Arbitrary<Sent> {
  return fc
    .tuple(
      fc.oneof(
        { weight: 8, arbitrary: objectPayload(spec, base, invalidJson, anyJson, { extraKeys: true }).map((p) => JSON.stringify(p)) },
        { weight: 2, arbitrary: notAnObjectBody },
      ),
      fc.constantFrom("application/json", "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded"),
    )
    .map(([body, contentType]) => ({ body, contentType, params }));
}

/** A list that is wrong: valid items around at least one hostile one, no list, or one item too many. */
function badLists(spec: Record<string, Kind>, item: Record<string, unknown>, max: number, opts: { emptyOk?: boolean } = {}): fc.Arbitrary<unknown> {
  const many = (n: number) => Array.from({ length: n }, () => item);
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.nat({ max: 3 }), objectPayload(spec, item, invalidJson, anyJson, { extraKeys: true }), fc.nat({ max: 3 }))
        .map(([before, bad, after]) => [...many(before), bad, ...many(after)]),
    },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(...(opts.emptyOk ? [] : [[]]), null, "x", {}, 1, [[]], [null]) },
    { weight: 1, arbitrary: fc.constant(null).map(() => many(max + 1)) },
  );
}

/** A batch body: a wrong list, a right one with an unknown key beside it, or no object at all. */
function batchBodies(key: string, spec: Record<string, Kind>, item: Record<string, unknown>, max: number, opts: { emptyOk?: boolean } = {}): fc.Arbitrary<Sent> {
  return fc.oneof(
    { weight: 8, arbitrary: badLists(spec, item, max, opts).map((list) => json({ [key]: list })) },
    { weight: 1, arbitrary: anyJson.map((extra) => json({ [key]: [item], unexpected: extra })) },
    { weight: 1, arbitrary: notAnObjectBody.map((body) => ({ body, contentType: "application/json" })) },
  );
}

const CSV_TYPES = ["text/csv", "text/csv; charset=utf-8", "application/json", "application/octet-stream", "text/plain", ""];

/**
 * CSV bodies that cannot be imported: a header and rows of which at least one is wrong (unknown
 * person or measure, a bad date or value, hostile text), or no CSV at all; as a raw body or a
 * multipart upload, with hostile reading options sometimes.
 */
function csvBodies(kind: "lead-entries" | "lag-observations", s: Seeded): fc.Arbitrary<Sent> {
  const header = kind === "lead-entries" ? "email,team,measure,date,value,note" : "measure,team,date,value,note";
  const good = kind === "lead-entries" ? `${s.member.email},Support Team,Coaching conversations,${daysAgo(1)},4,ok` : `CSAT,,${daysAgo(1)},81.5,ok`;
  const cell = fc.oneof(unfriendlyText, poisonedString, fc.constantFrom("", "\"", "\"\"\"", ",", "\r\n", "0000-01-01", "2026-02-30", "NaN", "-1", "1e309"));
  const badRow = fc
    .tuple(fc.array(cell, { minLength: 4, maxLength: 7 }), fc.constantFrom("0000-01-01", "9999-12-31", "2026-02-30", "NaN", "-1"))
    .map(([cells, badDate]) =>
      // The first column names nobody (no email, no measure of that name): the row cannot be imported.
      [`nobody-${cells[0]!.replace(/[\r\n]/g, "")}@invalid.test`.replace(/,/g, ""), ...cells.slice(1, 2), badDate, ...cells.slice(2)].join(","),
    );
  const csvText = fc
    .tuple(fc.nat({ max: 3 }), badRow, fc.nat({ max: 3 }), fc.constantFrom("\n", "\r\n", "\r"))
    .map(([before, bad, after, eol]) => [header, ...Array(before).fill(good), bad, ...Array(after).fill(good)].join(eol) + eol);
  const notCsv = fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => b as Uint8Array | string),
    fc.constantFrom("", "\u0000\u0000\u0000", "{\"rows\":[]}", "\ufeff", header.replace(/,/g, ";") + "\n1;2;3\n", "a,b,c\n1,2,3\n", "\"unterminated\n"),
    unfriendlyText,
  );
  const options = fc.option(
    fc.record({ dateOrder: fc.oneof(fc.constantFrom("ymd", "dmy", "mdy"), unfriendlyText), decimalMark: fc.oneof(fc.constantFrom("dot", "comma"), unfriendlyText) }, { requiredKeys: [] }),
  );
  return fc.tuple(fc.oneof({ weight: 3, arbitrary: csvText.map((t) => t as Uint8Array | string) }, { weight: 1, arbitrary: notCsv }), fc.constantFrom(...CSV_TYPES, "multipart"), options).map(([content, type, opts]) => {
    const query = opts ? `?${new URLSearchParams(opts as Record<string, string>)}` : "";
    if (type !== "multipart") return { body: content, contentType: type, query };
    const form = new FormData();
    form.set("file", new File([content as BlobPart], "import.csv", { type: "text/csv" }));
    return { body: form, query };
  });
}

/** The CSV preview refuses by saying the file is not ready (200), or with a 4xx. */
const previewRefuses = (status: number, body: unknown) => status === 200 && (body as { ready?: unknown }).ready === false;

const leadEntrySpec: Record<string, Kind> = { teamId: "uuid", leadMeasureId: "uuid", email: "email", userId: "uuid", date: "date", value: "count", note: "note" };
const lagSpec: Record<string, Kind> = { lagMeasureId: "uuid", teamId: "uuid", date: "date", value: "number", note: "note" };
const commitmentSpec: Record<string, Kind> = { userId: "uuid", text: "name", leadMeasureId: "uuid" };
const commitment = (s: Seeded) => ({ userId: s.member.id, text: "Fuzzed commitment", leadMeasureId: s.leadMeasureId });
const leadEntry = (s: Seeded) => ({ teamId: s.teamId, leadMeasureId: s.leadMeasureId, email: s.member.email, date: daysAgo(1), value: 3, note: "fuzz" });
const lagObservation = (s: Seeded) => ({ lagMeasureId: s.lagMeasureId, teamId: null, date: daysAgo(1), value: 81.5, note: "fuzz" });

/** Reports start with the quarter of an organization's first record: today's, for the seeded one. */
const CURRENT_QUARTER = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;

/** Quarters far outside the calendar once made an export run for ten minutes: sent only when the schema refuses them. */
const RUNAWAY_QUARTERS = ["0000-Q1", "0099-Q4", "9999-Q4"].filter((q) => !exportReportSchema.safeParse({ scope: "organization", quarter: q }).success);

const CASES: Record<string, Case> = {
  "POST /api/v1/teams": {
    load: () => import("@/app/api/v1/teams/route"),
    hostile: () => jsonBodies({ name: "name" }, { name: "Fuzzed team" }),
    valid: () => json({ name: "Fuzzed team" }),
  },
  "PUT /api/v1/teams/[teamId]/members": {
    load: () => import("@/app/api/v1/teams/[teamId]/members/route"),
    hostile: (s) =>
      fc.oneof(
        fc.tuple(jsonBodies({ members: "uuids" }, { members: [{ email: s.manager.email, isLead: true }] }), fc.constant(s.teamId)).map(([sent, teamId]) => ({ ...sent, params: { teamId } })),
        batchBodies("members", { email: "email", isLead: "bool" }, { email: s.manager.email, isLead: true }, 1_000, { emptyOk: true }).map((sent) => ({ ...sent, params: { teamId: s.teamId } })),
        fc.oneof(invalidJson("uuid").map(asParam), fc.uuid()).map((teamId) => ({ ...json({ members: [{ email: s.manager.email }] }), params: { teamId } })),
      ),
    valid: (s) => ({ ...json({ members: [{ email: s.manager.email, isLead: true }, { email: s.member.email }] }), params: { teamId: s.teamId } }),
  },
  "POST /api/v1/lead-entries": {
    load: () => import("@/app/api/v1/lead-entries/route"),
    hostile: (s) => jsonBodies({ ...leadEntrySpec, idempotencyKey: "note" }, leadEntry(s)),
    valid: (s) => json(leadEntry(s)),
  },
  "POST /api/v1/lead-entries/batch": {
    load: () => import("@/app/api/v1/lead-entries/batch/route"),
    // A batch's value may be null: it clears the day (a 200 that, on an empty day, writes nothing).
    hostile: (s) => batchBodies("entries", { ...leadEntrySpec, value: "countOrNull" }, leadEntry(s), 10_000),
    valid: (s) => json({ entries: [leadEntry(s)] }),
  },
  "POST /api/v1/lag-observations": {
    load: () => import("@/app/api/v1/lag-observations/route"),
    hostile: (s) => jsonBodies(lagSpec, lagObservation(s)),
    valid: (s) => json(lagObservation(s)),
  },
  "POST /api/v1/lag-observations/batch": {
    load: () => import("@/app/api/v1/lag-observations/batch/route"),
    hostile: (s) => batchBodies("observations", lagSpec, lagObservation(s), 10_000),
    valid: (s) => json({ observations: [lagObservation(s)] }),
  },
  "POST /api/v1/invitations": {
    load: () => import("@/app/api/v1/invitations/route"),
    hostile: (s) => jsonBodies({ emails: "uuids", role: "enum", teamIds: "uuids" }, { emails: ["fuzz-invitee@example.com"], role: "MEMBER", teamIds: [s.teamId] }),
    valid: (s) => json({ emails: ["fuzz-invitee@example.com"], role: "MEMBER", teamIds: [s.teamId] }),
  },
  "DELETE /api/v1/invitations/[invitationId]": {
    load: () => import("@/app/api/v1/invitations/[invitationId]/route"),
    hostile: () =>
      fc.tuple(fc.oneof(invalidJson("uuid").map(asParam), fc.uuid()), fc.option(notAnObjectBody)).map(([invitationId, body]) => ({ body: body ?? undefined, params: { invitationId } })),
    valid: (s) => ({ params: { invitationId: s.invitationId } }),
  },
  "POST /api/v1/teams/[teamId]/commitments": {
    load: () => import("@/app/api/v1/teams/[teamId]/commitments/route"),
    hostile: (s) =>
      fc.oneof(
        jsonBodies({ weekStart: "date", items: "uuids" }, { weekStart: daysAgo(0), items: [commitment(s)] }, { teamId: s.teamId }),
        badLists(commitmentSpec, commitment(s), 20).map((items) => ({ ...json({ weekStart: daysAgo(0), items }), params: { teamId: s.teamId } })),
        fc.oneof(invalidJson("uuid").map(asParam), fc.uuid()).map((teamId) => ({ ...json({ weekStart: daysAgo(0), items: [commitment(s)] }), params: { teamId } })),
      ),
    valid: (s) => ({ ...json({ weekStart: daysAgo(0), items: [commitment(s)] }), params: { teamId: s.teamId } }),
  },
  "PATCH /api/v1/commitments/[commitmentId]": {
    load: () => import("@/app/api/v1/commitments/[commitmentId]/route"),
    hostile: (s) =>
      fc.oneof(
        jsonBodies({ text: "name", leadMeasureId: "uuid" }, { text: "Edited", leadMeasureId: s.leadMeasureId }, { commitmentId: s.commitmentId }),
        fc.oneof(invalidJson("uuid").map(asParam), fc.uuid()).map((commitmentId) => ({ ...json({ text: "Edited" }), params: { commitmentId } })),
      ),
    valid: (s) => ({ ...json({ text: "Edited", leadMeasureId: s.leadMeasureId }), params: { commitmentId: s.commitmentId } }),
  },
  "DELETE /api/v1/commitments/[commitmentId]": {
    load: () => import("@/app/api/v1/commitments/[commitmentId]/route"),
    hostile: () =>
      fc.tuple(fc.oneof(invalidJson("uuid").map(asParam), fc.uuid()), fc.option(notAnObjectBody)).map(([commitmentId, body]) => ({ body: body ?? undefined, params: { commitmentId } })),
    // After the PATCH case's valid edit (cases run in order).
    valid: (s) => ({ params: { commitmentId: s.commitmentId } }),
  },
  "POST /api/v1/reports": {
    load: () => import("@/app/api/v1/reports/route"),
    hostile: () =>
      fc.oneof(
        { weight: 9, arbitrary: jsonBodies({ scope: "enum", quarter: "quarter", programId: "uuid" }, { scope: "organization", quarter: CURRENT_QUARTER }) },
        { weight: RUNAWAY_QUARTERS.length ? 1 : 0, arbitrary: fc.constantFrom(...(RUNAWAY_QUARTERS.length ? RUNAWAY_QUARTERS : ["-"])).map((quarter) => json({ scope: "organization", quarter })) },
      ),
    valid: () => json({ scope: "organization", quarter: CURRENT_QUARTER }),
  },
  "POST /api/v1/roi/evaluate": {
    load: () => import("@/app/api/v1/roi/evaluate/route"),
    hostile: () => {
      const base = { currency: "USD", costs: [{ category: "Delivery", amount: 1000 }], benefits: [{ name: "Fewer escalations", value: 5000 }], months: 12 };
      return fc.oneof(
        jsonBodies({ currency: "currency", costs: "uuids", benefits: "uuids", months: "count" }, base),
        badLists({ category: "name", amount: "count" }, base.costs[0]!, 1_000).map((costs) => json({ ...base, costs })),
        badLists({ name: "name", value: "count", margin: "count", isolation: "count", confidence: "count", adjustment: "number" }, base.benefits[0]!, 1_000, { emptyOk: true }).map((benefits) =>
          json({ ...base, benefits }),
        ),
      );
    },
    valid: () => json({ currency: "USD", costs: [{ category: "Delivery", amount: 1000 }], benefits: [{ name: "Fewer escalations", value: 5000 }], months: 12 }),
  },
  "POST /api/v1/imports/lead-entries/preview": {
    load: () => import("@/app/api/v1/imports/lead-entries/preview/route"),
    hostile: (s) => csvBodies("lead-entries", s),
    valid: (s) => ({ body: `email,team,measure,date,value\n${s.member.email},Support Team,Coaching conversations,${daysAgo(1)},4\n`, contentType: "text/csv" }),
    refusedOk: previewRefuses,
  },
  "POST /api/v1/imports/lead-entries/commit": {
    load: () => import("@/app/api/v1/imports/lead-entries/commit/route"),
    hostile: (s) => csvBodies("lead-entries", s),
    valid: (s) => ({ body: `email,team,measure,date,value\n${s.member.email},Support Team,Coaching conversations,${daysAgo(2)},4\n`, contentType: "text/csv" }),
  },
  "POST /api/v1/imports/lag-observations/preview": {
    load: () => import("@/app/api/v1/imports/lag-observations/preview/route"),
    hostile: (s) => csvBodies("lag-observations", s),
    valid: () => ({ body: `measure,date,value\nCSAT,${daysAgo(1)},81.5\n`, contentType: "text/csv" }),
    refusedOk: previewRefuses,
  },
  "POST /api/v1/imports/lag-observations/commit": {
    load: () => import("@/app/api/v1/imports/lag-observations/commit/route"),
    hostile: (s) => csvBodies("lag-observations", s),
    valid: () => ({ body: `measure,date,value\nCSAT,${daysAgo(2)},81.5\n`, contentType: "text/csv" }),
  },
};

/** Write routes this suite does not fuzz, and why. */
const NOT_FUZZED: Record<string, string> = {
  // next-auth's own sign-in/out endpoint: it needs next-auth's CSRF token cookie and answers with
  // redirects by design; sign-in is tested (and rate-limited) in tests/integration/signIn*.
  "POST /api/auth/[...nextauth]": "next-auth's endpoint (CSRF-token redirects), covered by the sign-in tests",
  // RFC 8058 one-click unsubscribe: it reads no body, only its signed token (tests/integration/notifications.test.ts).
  "POST /api/unsubscribe/[token]": "reads no body: a token not signed by us is a 404, covered by the notification tests",
};

/** A lone surrogate cannot be in a URL: the path gets U+FFFD for it (the handler still gets the raw parameter). */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");

function requestOf(route: string, sent: Sent, token: string): { request: Request; params: Record<string, string> } {
  const [method, pattern] = route.split(" ") as [string, string];
  const params = sent.params ?? {};
  const path = pattern.replace(/\[(\w+)\]/g, (_, k: string) => encodeURIComponent(wellFormed(params[k] ?? "")));
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (sent.contentType) headers["content-type"] = sent.contentType;
  const body = sent.body instanceof Uint8Array ? new Blob([sent.body as BlobPart]) : sent.body;
  return { request: new Request(`http://leadlag.test${path}${sent.query ?? ""}`, { method, headers, body }), params };
}

async function send(c: Case, route: string, sent: Sent, token: string): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const handler = (await c.load())[route.split(" ")[0]!] as Handler;
  const { request, params } = requestOf(route, sent, token);
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (an NDJSON stream, a file): checked below as not the error shape.
  }
  return { status: response.status, body, retryAfter: response.headers.get("retry-after") };
}

/** {"error":{"code","message","details"?}} with strings, and details an object when present. */
function hasErrorShape(body: unknown): boolean {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return typeof e?.code === "string" && typeof e.message === "string" && (e.details === undefined || (typeof e.details === "object" && e.details !== null));
}

const describeSent = (sent: Sent) => ({
  ...sent,
  body: typeof sent.body === "string" ? (sent.body.length > 300 ? `${sent.body.slice(0, 300)}… (${sent.body.length} chars)` : sent.body) : sent.body instanceof FormData ? "multipart" : sent.body ? `${sent.body.byteLength} bytes` : undefined,
});

seedFuzzing();

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"];

describe("the fuzz suite covers the write surface", () => {
  it("has a case for every write method of every route handler under app/", () => {
    const writes = discoverRoutes()
      .filter((r) => WRITE_METHODS.includes(r.method))
      .map((r) => `${r.method} ${r.urlPath}`);
    expect(coverageProblems(writes, [...Object.keys(CASES), ...Object.keys(NOT_FUZZED)], "fuzz")).toEqual([]);
  });
});

describe.each(testDbKinds())("hostile payloads to the write routes [%s]", (kind) => {
  const runs = fuzzRuns(kind);
  let t: TestDb;
  let s: Seeded;
  let jobs: JobQueue | undefined;

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    // The valid report export is a job: a worker on this database runs it.
    jobs = await startTestJobs(t, { worker: true });
    const org = await apiOrg(t.db);
    const lag = await createLagMeasure(t.db, org.organizationId, { name: "CSAT" });
    const invited = await inviteFromList(t.db, org.owner, { emails: ["to-revoke@example.com"] });
    const [seeded] = await createCommitments(t.db, org.owner, { teamId: org.teamId, weekStart: daysAgo(0), items: [{ userId: org.manager.id, text: "Seeded commitment" }] });
    s = { ...org, lagMeasureId: lag.id, invitationId: invited.invited[0]!.id, commitmentId: seeded!.id };
    await recordWrites(t.db);
  });
  afterAll(async () => {
    await stopTestJobs(jobs);
    await t?.close();
  });

  for (const [route, c] of Object.entries(CASES)) {
    it(
      `${route} refuses ${runs} hostile payloads with a 4xx in the error shape and writes nothing`,
      async () => {
        const errors = vi.spyOn(console, "error").mockImplementation(() => {});
        // The writes so far: each payload must leave the count where it was.
        let known = await writeCount(t.db);
        try {
          await fc.assert(
            fc.asyncProperty(c.hostile(s), async (sent) => {
              const res = await send(c, route, sent, s.token);
              const what = `${route} ${JSON.stringify(describeSent(sent))} → ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
              const refused = (res.status >= 400 && res.status < 500 && hasErrorShape(res.body)) || (c.refusedOk?.(res.status, res.body) ?? false);
              const now = await writeCount(t.db);
              const wrote = now === known ? [] : await writesSince(t.db, known);
              known = now;
              if (!refused) throw new Error(`not refused in the error shape${wrote.length ? ` (and wrote ${wrote.join(", ")})` : ""}: ${what}`);
              if (wrote.length) throw new Error(`wrote ${wrote.join(", ")}: ${what}`);
            }),
            { numRuns: runs },
          );
        } finally {
          errors.mockRestore();
        }
      },
      fuzzTimeout(runs),
    );
  }

  it("still accepts each case's valid payload", async () => {
    for (const [route, c] of Object.entries(CASES)) {
      const res = await send(c, route, c.valid(s), s.token);
      expect(res.status, `${route} → ${JSON.stringify(res.body).slice(0, 400)}`).toBeGreaterThanOrEqual(200);
      expect(res.status, `${route} → ${JSON.stringify(res.body).slice(0, 400)}`).toBeLessThan(300);
      if (c.refusedOk) expect((res.body as { ready?: boolean }).ready, `${route} → ${JSON.stringify(res.body).slice(0, 400)}`).toBe(true);
    }
    // The export started above builds in the background: let it finish before the database closes.
    await expect.poll(() => t.db.reportExport.count({ where: { organizationId: s.organizationId, status: "RUNNING" } }), { timeout: 60_000, interval: 200 }).toBe(0);
  });
});

// Property-based fuzzing of every server action ("use server" exports, read from the source tree
// by tests/helpers/surface.ts), called in-process as the signed-in owner of a seeded organization
// (the session resolver answers with them directly; who may call what is the isolation suite's):
// hostile forms — overlong text, NUL, right-to-left and emoji text, NaN-like and huge numbers,
// dates out of range, unknown fields — are always refused with an error form state that is
// neither "something went wrong" nor "busy", nothing is thrown, and the database is unchanged
// (tests/helpers/fuzz/writes.ts). Actions with a case of their own start from a valid form and
// make at least one field invalid; every other action gets forms whose ids are all junk (no
// action can act on what it cannot find). The last test sends each valid form and expects success.
// Runs and seed: tests/helpers/fuzz/runs.ts (FUZZ_RUNS, FUZZ_SEED).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});
// The signed-in owner, as the session resolver would answer for them (who may call what is the
// isolation suite's subject; here a cheap, fixed caller keeps thousands of calls fast).
const signedIn = vi.hoisted(() => ({ viewer: null as unknown }));
vi.mock("@/lib/auth/context", async (original) => ({
  ...(await original<typeof import("@/lib/auth/context")>()),
  getViewer: async () => signedIn.viewer,
  requireActionContext: async () => (signedIn.viewer as { context: unknown }).context,
  requirePageContext: async () => (signedIn.viewer as { context: unknown }).context,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, delete: () => {}, has: () => false }),
  headers: async () => new Headers({ "user-agent": "fuzz", origin: "http://leadlag.test" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// The password-reset request does its work after the response: not run here (it writes by design).
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), after: () => {} }));

import { startSession } from "@/lib/auth/sessions";
import { UnavailableError } from "@/lib/errors";
import { createLagMeasure } from "@/lib/seed/factories";
import { saveProgram } from "@/lib/services/programs";
import { anyFormValue, invalidForm, objectPayload, type Kind } from "../helpers/fuzz/arbitraries";
import { fuzzRuns, fuzzTimeout, seedFuzzing } from "../helpers/fuzz/runs";
import { recordWrites, writeCount, writesSince } from "../helpers/fuzz/writes";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { coverageProblems, discoverActions } from "../helpers/surface";
import { apiOrg, daysAgo, serveFrom, type ApiOrg } from "./apiFixtures";

type Seeded = ApiOrg & { lagMeasureId: string; programId: string };
type Fields = Record<string, string>;
type Action = (...args: unknown[]) => Promise<unknown>;

const INTERNAL = "Something went wrong on our side. Please try again.";
const BUSY = new UnavailableError().message;

/** A form from a valid one with at least one field made invalid for its kind. */
const formsFrom = (spec: Record<string, Kind>, base: Fields) => objectPayload<string>(spec, base, invalidForm, anyFormValue, { extraKeys: true });

/** Every id a form may carry, each junk; other common fields anything or invalid; unknown fields too. */
const ID_FIELDS = ["id", "reportId", "teamId", "userId", "leadMeasureId", "lagMeasureId", "programId", "organizationId", "commitmentId", "userIds", "ownerIds", "ownerId", "driverIds", "participantTeamIds", "teamIds"];
const OTHER_FIELDS: Record<string, Kind> = {
  name: "name", names: "name", email: "email", emails: "email", note: "note", notes: "note", description: "note", value: "count",
  entryDate: "date", observedOn: "date", date: "date", startDate: "date", weekStart: "date", amount: "count", weeklyTarget: "count",
  role: "enum", intent: "enum", kind: "enum", to: "enum", how: "enum", scopes: "enum", token: "uuid", password: "name",
};
const junkIdForms: fc.Arbitrary<Fields> = fc
  .tuple(
    fc.record(Object.fromEntries(ID_FIELDS.map((k) => [k, invalidForm("uuid")]))),
    fc.record(Object.fromEntries(Object.entries(OTHER_FIELDS).map(([k, kind]) => [k, fc.oneof(invalidForm(kind), anyFormValue)])), { requiredKeys: [] }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), anyFormValue, { maxKeys: 3 }),
  )
  .map(([ids, others, extra]) => ({ ...extra, ...(others as Fields), ...ids }));

type Case = { forms: (s: Seeded) => fc.Arbitrary<Fields>; valid?: (s: Seeded) => Fields };

/** Actions with a valid form to start from (the ones that create or change text, numbers and dates). */
const CASES: Record<string, Case> = {
  "app/(app)/settings/teams/actions.ts createTeamAction": { forms: () => formsFrom({ name: "name" }, { name: "Fuzzed form team" }), valid: () => ({ name: "Fuzzed form team" }) },
  "app/(app)/settings/teams/actions.ts renameTeamAction": {
    forms: (s) => formsFrom({ teamId: "uuid", name: "name" }, { teamId: s.teamId, name: "Renamed team" }),
    valid: (s) => ({ teamId: s.teamId, name: "Renamed team" }),
  },
  "app/(app)/setup/actions.ts setupTeamsAction": { forms: () => formsFrom({ names: "note" }, { names: "Alpha\nBeta" }), valid: () => ({ names: "Alpha\nBeta" }) },
  "app/(app)/teams/[teamId]/actions.ts logLeadEntry": {
    forms: (s) => formsFrom(LEAD_ENTRY, leadEntry(s)),
    valid: (s) => leadEntry(s),
  },
  "app/(app)/teams/[teamId]/gridActions.ts restoreEntryAction": {
    forms: (s) => formsFrom(LEAD_ENTRY, leadEntry(s)),
    valid: (s) => ({ ...leadEntry(s), entryDate: daysAgo(2) }),
  },
  "app/(app)/teams/[teamId]/gridActions.ts saveWeekAction": {
    // The changed cell is always sent (without one, "nothing changed" is the right answer).
    forms: (s) => formsFrom({ teamId: "uuid", userId: "uuid", [CELL(s)]: "count" }, weekCells(s)).filter((f) => CELL(s) in f),
    valid: (s) => weekCells(s),
  },
  "app/(app)/measures/actions.ts recordObservationAction": {
    forms: (s) => formsFrom({ lagMeasureId: "uuid", teamId: "uuid", observedOn: "date", value: "number", note: "note" }, observation(s)),
    valid: (s) => observation(s),
  },
  "app/(app)/measures/actions.ts saveLagMeasureAction": {
    forms: (s) => formsFrom(LAG_MEASURE, lagMeasure(s)),
    valid: (s) => lagMeasure(s),
  },
  "app/(app)/programs/actions.ts saveProgramAction": {
    forms: (s) => formsFrom({ name: "name", description: "note", startDate: "date", participantTeamIds: "uuid", averageSalary: "count" }, program(s)),
    valid: (s) => program(s),
  },
  "app/(app)/programs/actions.ts addCostAction": {
    forms: (s) => formsFrom({ programId: "uuid", category: "enum", description: "note", incurredOn: "date", amount: "count", cohorts: "count" }, cost(s)),
    valid: (s) => cost(s),
  },
  "app/(app)/programs/actions.ts addIntangibleAction": {
    forms: (s) => formsFrom({ programId: "uuid", name: "name", note: "note" }, { programId: s.programId, name: "Morale", note: "Asked in the survey" }),
    valid: (s) => ({ programId: s.programId, name: "Morale", note: "Asked in the survey" }),
  },
  "app/(app)/settings/actions.ts saveOrganization": {
    forms: () => formsFrom({ name: "name", timeZone: "enum", weekStartsOn: "count", currency: "currency", locale: "enum", greenPercent: "count", amberPercent: "count" }, ORGANIZATION),
    valid: () => ORGANIZATION,
  },
  "app/(app)/settings/actions.ts createToken": {
    forms: () => formsFrom({ name: "name", scopes: "enum" }, { name: "CI token", scopes: "teams:read" }),
    valid: () => ({ name: "CI token", scopes: "teams:read" }),
  },
  "app/(app)/settings/people/actions.ts updatePerson": {
    forms: (s) => formsFrom({ userId: "uuid", role: "enum" }, { intent: "role", userId: s.member.id, role: "MANAGER" }),
    valid: (s) => ({ intent: "role", userId: s.member.id, role: "MANAGER" }),
  },
  "app/(app)/teams/[teamId]/check-in/actions.ts markCheckInHeldAction": {
    forms: (s) => formsFrom({ teamId: "uuid", weekStart: "date", notes: "note" }, { teamId: s.teamId, weekStart: daysAgo(7), notes: "Held" }),
    valid: (s) => ({ teamId: s.teamId, weekStart: daysAgo(7), notes: "Held" }),
  },
  "app/organizations/new/actions.ts createOrganizationAction": {
    forms: () => formsFrom({ organizationName: "name", timeZone: "enum", weekStartsOn: "count", currency: "currency", locale: "enum" }, NEW_ORGANIZATION),
    valid: () => NEW_ORGANIZATION,
  },
  "app/(auth)/forgot-password/actions.ts requestReset": { forms: () => formsFrom({ email: "email" }, { email: "someone@example.com" }), valid: () => ({ email: "someone@example.com" }) },
};

/** Actions that are not fuzzed, and why. */
const NOT_FUZZED: Record<string, string> = {
  "app/(app)/account/actions.ts endOtherSessionsAction": "takes no input: it ends the caller's other sessions",
  "app/(app)/setup/actions.ts finishSetupAction": "takes no input but finish/skip: it always completes the wizard",
  "app/(app)/account/notifications/actions.ts saveNotificationPreferencesAction":
    "takes only the caller's own checkboxes (anything but \"on\" is off) and an on-leave date: every form is a valid choice but a bad date, tested in tests/integration/notifications.test.ts",
};

/** Form actions (`action={fn}`) return nothing: refused means no error thrown and nothing written. */
const VOID_ACTIONS = ["app/(app)/measures/actions.ts archiveMeasureAction", "app/(app)/setup/actions.ts goToStepAction", "app/(app)/notifications/actions.ts markReadAction"];

const LEAD_ENTRY: Record<string, Kind> = { teamId: "uuid", leadMeasureId: "uuid", userId: "uuid", entryDate: "date", value: "count", note: "note" };
const leadEntry = (s: Seeded): Fields => ({ teamId: s.teamId, leadMeasureId: s.leadMeasureId, userId: s.member.id, entryDate: daysAgo(1), value: "3", note: "fuzz" });
const CELL = (s: Seeded) => `cell.${s.leadMeasureId}.${daysAgo(1)}`;
const weekCells = (s: Seeded): Fields => ({ teamId: s.teamId, userId: s.member.id, [CELL(s)]: "4" });
const observation = (s: Seeded): Fields => ({ lagMeasureId: s.lagMeasureId, teamId: "", observedOn: daysAgo(1), value: "81.5", note: "fuzz" });
const LAG_MEASURE: Record<string, Kind> = {
  id: "uuid", name: "name", description: "note", kind: "enum", direction: "enum", cadence: "enum",
  baselineValue: "number", baselineDate: "date", targetValue: "number", targetDate: "date", teamId: "uuid", ownerId: "uuid",
};
/** The seeded lag measure's definition, owned by the member. */
const lagMeasure = (s: Seeded): Fields => ({
  id: s.lagMeasureId, name: "CSAT", description: "Surveyed", kind: "PERCENTAGE", unit: "%", direction: "HIGHER_IS_BETTER", cadence: "MONTHLY",
  baselineValue: "78", baselineDate: daysAgo(90), targetValue: "88", targetDate: daysAgo(-300), teamId: "", ownerId: s.member.id,
});
const program = (s: Seeded): Fields => ({ name: "Coaching pilot", description: "Weekly coaching", startDate: daysAgo(30), participantTeamIds: s.teamId });
const cost = (s: Seeded): Fields => ({ programId: s.programId, category: "DELIVERY", description: "Facilitator", incurredOn: daysAgo(20), amount: "6000" });
const ORGANIZATION: Fields = { name: "Fuzzed Inc", timeZone: "UTC", weekStartsOn: "1", currency: "USD", locale: "en-US", greenPercent: "90", amberPercent: "70" };
const NEW_ORGANIZATION: Fields = { organizationName: "Second Inc", timeZone: "UTC", weekStartsOn: "1", currency: "USD", locale: "en-US" };

function formOf(fields: Fields): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}

async function load(key: string): Promise<Action> {
  const [file, name] = key.split(" ") as [string, string];
  const mod = (await import(/* @vite-ignore */ `@/${file.replace(/\.tsx?$/, "")}`)) as Record<string, Action>;
  return mod[name]!;
}

/** Calls the action as its page would: (form), (previous state, form), or bound to a link's token first. */
async function run(key: string, fields: Fields): Promise<{ result?: unknown; threw?: unknown }> {
  const fn = await load(key);
  const form = formOf(fields);
  const token = fields.token ?? "A".repeat(43);
  const args = key.endsWith(" joinAction") ? [token, { status: "idle" }] : fn.length >= 3 ? [token, { status: "idle" }, form] : fn.length === 1 ? [form] : [{ status: "idle" }, form];
  try {
    return { result: await fn(...args) };
  } catch (threw) {
    return { threw };
  }
}

function refusal(key: string, outcome: { result?: unknown; threw?: unknown }): string | null {
  if (outcome.threw !== undefined) return `threw ${outcome.threw instanceof Error ? outcome.threw.message.split("\n")[0] : String(outcome.threw)}`;
  if (VOID_ACTIONS.includes(key)) return outcome.result === undefined ? null : `answered ${JSON.stringify(outcome.result)}`;
  const state = outcome.result as { status?: unknown; message?: unknown; fieldErrors?: unknown } | undefined;
  if (state?.status !== "error" || typeof state.message !== "string" || typeof state.fieldErrors !== "object" || state.fieldErrors === null)
    return `not an error state: ${JSON.stringify(state)?.slice(0, 300)}`;
  if (state.message === INTERNAL || state.message === BUSY) return `answered "${state.message}"`;
  return null;
}

const shown = (fields: Fields) => JSON.stringify(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.length > 120 ? `${v.slice(0, 120)}… (${v.length} chars)` : v])));

seedFuzzing();

describe("the fuzz suite covers the server actions", () => {
  it("fuzzes every server action under app/ and lib/, or says why not", () => {
    const discovered = discoverActions().map((a) => a.key);
    expect(coverageProblems(discovered, [...discovered.filter((k) => !(k in NOT_FUZZED)), ...Object.keys(NOT_FUZZED)], "fuzz")).toEqual([]);
    expect(Object.keys(CASES).filter((k) => !discovered.includes(k)), "cases for actions that no longer exist").toEqual([]);
  });
});

describe.each(testDbKinds())("hostile forms to the server actions [%s]", (kind) => {
  const runs = fuzzRuns(kind);
  let t: TestDb;
  let s: Seeded;

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    const org = await apiOrg(t.db);
    const lag = await createLagMeasure(t.db, org.organizationId, { name: "CSAT" });
    const program = await saveProgram(t.db, org.owner, null, { name: "Seeded program", startDate: daysAgo(60), participantTeamIds: [org.teamId] });
    s = { ...org, lagMeasureId: lag.id, programId: program.id };
    const owner = await t.db.user.findUniqueOrThrow({ where: { id: org.owner.userId } });
    signedIn.viewer = {
      user: { id: owner.id, name: owner.name, email: owner.email },
      sessionId: await startSession(t.db, owner.id, "password"),
      memberships: [{ organizationId: org.organizationId, name: "Org", role: org.owner.role }],
      context: org.owner,
    };
    await recordWrites(t.db);
  });
  afterAll(async () => {
    signedIn.viewer = null;
    await t?.close();
  });

  for (const key of discoverActions().map((a) => a.key).filter((k) => !(k in NOT_FUZZED))) {
    it(
      `${key} refuses ${runs} hostile forms with an error state and writes nothing`,
      async () => {
        const errors = vi.spyOn(console, "error").mockImplementation(() => {});
        let known = await writeCount(t.db);
        try {
          await fc.assert(
            fc.asyncProperty(CASES[key]?.forms(s) ?? junkIdForms, async (fields) => {
              const problem = refusal(key, await run(key, fields));
              const now = await writeCount(t.db);
              const wrote = now === known ? [] : await writesSince(t.db, known);
              known = now;
              if (problem || wrote.length) throw new Error(`${key} ${shown(fields)}: ${[problem, wrote.length ? `wrote ${wrote.join(", ")}` : null].filter(Boolean).join("; ")}`);
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

  it("still accepts each case's valid form", async () => {
    for (const [key, c] of Object.entries(CASES)) {
      const outcome = await run(key, c.valid!(s));
      // Success is an "ok" state, or the redirect Next sends after a create.
      const redirected = outcome.threw instanceof Error && outcome.threw.message.startsWith("NEXT_REDIRECT");
      const ok = (outcome.result as { status?: string } | undefined)?.status === "ok";
      expect(redirected || ok, `${key} → ${JSON.stringify(outcome.result ?? String(outcome.threw))}`).toBe(true);
    }
  });
});

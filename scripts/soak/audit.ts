// The audit of issue #14 ("Hardening"), replayed over HTTP against the running production server
// before the load (the app is fresh then): every check that failed in the audit, as an attacker
// or a careless client sends it, with the outcome a user would notice. One line per check:
//   1. a report for quarter 0000-Q1 (it froze the server) → 400 in the error shape, and
//      /api/health answers 200 within a second right after; an unknown field → 400;
//   2. NUL and a lone surrogate in a team's name and in lag notes (one, and in a batch) → 400,
//      never a 500, nothing written;
//   3. a page's security headers: a CSP whose scripts need this answer's nonce, no framing,
//      nosniff, Referrer- and Permissions-Policy; no HSTS over plain http, even when a client
//      claims https in X-Forwarded-Proto (the soak does not set LEADLAG_TRUST_PROXY);
//   4. wrong passwords lock an account at the limit, with a "try again in N minutes" message,
//      even for the right password; an unknown email is not answered faster than a known one;
//   5. writes with a session cookie from another origin (a text/plain "form") → 403, nothing
//      written; the app's own same-origin JSON and an API token's writes go through;
//   7. a server action posted from another origin → 403; a lag result dated 0001-01-01 → 400; an
//      idempotency key sent again with another body → 409; a CSV with thousands of bad rows →
//      the first 100 problems and their count.
// (Check 6, 503 while the database is away, is the outage phase.)
import type pg from "pg";
import { isLockMessage } from "@/app/(auth)/sign-in/lockMessage";
import { parseEnv } from "@/lib/env";
import { MAX_PROBLEMS } from "@/lib/errors";
import { errorSchema } from "@/lib/schemas/responses/error";
import { attemptSignIn, type SignInAttempt } from "../signInOverHttp";
import { sendWrite, type WriteBody } from "./load";
import type { Check } from "./report";
import type { SoakOrg } from "./seed";

const EVIL = "http://evil.example";
const PHASE = "audit";
const TIMEOUT_MS = 30_000;
/** Text no database can store: NUL, and half of a UTF-16 pair (JSON.stringify sends it as \ud800). */
const HOSTILE = { NUL: "Night\u0000Shift", "a lone surrogate": "Night\ud800Shift" } as const;
/** How many sign-ins of each kind (known email, unknown email) are timed. */
const TIMED_SIGN_INS = 10;
/** An unknown email answered in less than this share of a known one's time tells that it is unknown. */
const TIMING_RATIO = 0.5;
const BAD_CSV_ROWS = 2_228;

export type AuditOptions = {
  baseUrl: string;
  org: SoakOrg;
  /** The signed-in manager's session cookies. */
  cookie: string;
  sql: pg.Client;
  /** Prefix of the idempotency keys the audit sends (not the load's). */
  keyPrefix: string;
  log: (l: string) => void;
};

type Answer = { status: number; headers: Headers; text: string; body: any; ms: number }; // eslint-disable-line @typescript-eslint/no-explicit-any
type Verdict = { ok: boolean; detail: string };

/** One request as a browser (cookie, maybe an Origin) or an integration (token) sends it. */
async function send(
  baseUrl: string,
  path: string,
  opts: { method?: string; token?: string; cookie?: string; origin?: string; type?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin) headers.origin = opts.origin;
  if (opts.type) headers["content-type"] = opts.type;
  const started = performance.now();
  const res = await fetch(`${baseUrl}${path}`, {
    method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
    headers,
    // Bytes: a string body would get text/plain;charset=UTF-8 when no type is given.
    body: opts.body === undefined ? undefined : new TextEncoder().encode(opts.body),
    redirect: "manual",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let body: unknown = null;
  if (res.headers.get("content-type")?.startsWith("application/json")) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, body, ms };
}

/** A refusal with this status and code, in the API's one error shape. */
function refused(a: Answer, status: number, code: string): boolean {
  return a.status === status && errorSchema.safeParse(a.body).success && a.body.error.code === code;
}

/** "400 validation_failed" or "500 <text>": what came back, for the detail column. */
function said(a: Answer): string {
  const code = (a.body as { error?: { code?: string } } | null)?.error?.code;
  return `${a.status}${code ? ` ${code}` : a.status >= 300 ? ` ${a.text.replace(/\s+/g, " ").slice(0, 80)}` : ""}`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export async function auditHardening(opts: AuditOptions): Promise<Check[]> {
  const { baseUrl, org, cookie, sql } = opts;
  const token = org.token;
  const json = (path: string, body: unknown, extra: Parameters<typeof send>[2] = {}) =>
    send(baseUrl, path, { token, type: "application/json", body: JSON.stringify(body), ...extra });
  const day = org.days[0]!;
  const lag = (extra: Record<string, unknown> = {}) => ({ lagMeasureId: org.lagMeasure.id, date: day, value: 80, ...extra });

  /** What a refused request could have written, in the organization. */
  const snapshot = async () => {
    const r = await sql.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM "Team" WHERE "organizationId" = $1) AS teams,
              (SELECT count(*)::int FROM "LagObservation" WHERE "organizationId" = $1) AS "lag results",
              (SELECT count(*)::int FROM "LeadEntry" WHERE "organizationId" = $1) AS "lead entries",
              (SELECT count(*)::int FROM "ReportExport" WHERE "organizationId" = $1) AS exports`,
      [org.organizationId],
    );
    return r.rows[0]!;
  };
  /** "" when the counts are the same, else what changed. */
  const changed = (before: Record<string, number>, after: Record<string, number>) =>
    Object.keys(before)
      .filter((k) => before[k] !== after[k])
      .map((k) => `${k} ${before[k]} → ${after[k]}`)
      .join(", ");
  /** Runs `fn` and says whether it wrote nothing. */
  const writesNothing = async (fn: () => Promise<Verdict>): Promise<Verdict> => {
    const before = await snapshot();
    const v = await fn();
    const diff = changed(before, await snapshot());
    return { ok: v.ok && !diff, detail: `${v.detail}; ${diff ? `written: ${diff}` : "nothing written"}` };
  };

  const checks: { name: string; run: () => Promise<Verdict> }[] = [
    {
      name: "1 report on 0000-Q1 → 400, health right after",
      run: () =>
        writesNothing(async () => {
          const year0 = await json("/api/v1/reports", { scope: "organization", quarter: "0000-Q1" });
          const health = await send(baseUrl, "/api/health");
          const extra = await json("/api/v1/reports", { scope: "organization", quarter: "2026-Q1", format: "pdf" });
          return {
            ok: refused(year0, 400, "validation_failed") && !!year0.body.error.details?.fieldErrors?.quarter && health.status === 200 && health.ms < 1_000 && refused(extra, 400, "validation_failed"),
            detail: `0000-Q1: ${said(year0)} in ${year0.ms.toFixed(0)} ms; /api/health ${health.status} in ${health.ms.toFixed(0)} ms; an unknown field: ${said(extra)}`,
          };
        }),
    },
    {
      name: "2 NUL, lone surrogate in text → 400",
      run: () =>
        writesNothing(async () => {
          const seen: string[] = [];
          let ok = true;
          for (const [what, text] of Object.entries(HOSTILE)) {
            const answers = {
              team: await json("/api/v1/teams", { name: text }),
              note: await json("/api/v1/lag-observations", lag({ note: text })),
              "batch note": await json("/api/v1/lag-observations/batch", { observations: [lag(), lag({ date: org.days[1], note: text })] }),
            };
            for (const a of Object.values(answers)) ok &&= refused(a, 400, "validation_failed");
            seen.push(`${what}: ${Object.entries(answers).map(([k, a]) => `${k} ${a.status}`).join(", ")}`);
          }
          return { ok, detail: seen.join("; ") };
        }),
    },
    {
      name: "3 security headers of a page",
      run: async () => {
        const page = await send(baseUrl, "/sign-in");
        const h = (name: string) => page.headers.get(name);
        const csp = h("content-security-policy") ?? "";
        const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(csp)?.[1];
        const scriptSrc = /script-src[^;]*/.exec(csp)?.[0] ?? "";
        const scripts = page.text.match(/<script\b[^>]*>/g) ?? [];
        const unnonced = scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`)).length;
        // A client's own claim of https is not a proxy's: without LEADLAG_TRUST_PROXY it is ignored.
        const claimed = await send(baseUrl, "/sign-in", { headers: { "x-forwarded-proto": "https" } });
        const wrong = [
          page.status !== 200 && `status ${page.status}`,
          !nonce && "no script nonce",
          !scriptSrc.includes("'strict-dynamic'") && "no 'strict-dynamic'",
          scriptSrc.includes("'unsafe-inline'") && "script-src 'unsafe-inline'",
          scriptSrc.includes("'unsafe-eval'") && "script-src 'unsafe-eval'",
          !/frame-ancestors 'none'/.test(csp) && "framing allowed",
          (scripts.length === 0 || unnonced > 0) && `${unnonced} of ${scripts.length} scripts without the nonce`,
          h("x-content-type-options") !== "nosniff" && `X-Content-Type-Options ${h("x-content-type-options")}`,
          !h("referrer-policy") && "no Referrer-Policy",
          !h("permissions-policy")?.includes("camera=()") && "no Permissions-Policy",
          h("x-frame-options") !== null && h("x-frame-options") !== "DENY" && `X-Frame-Options ${h("x-frame-options")}`,
          h("strict-transport-security") !== null && "HSTS over http",
          claimed.headers.get("strict-transport-security") !== null && "HSTS for a client's X-Forwarded-Proto: https",
          /upgrade-insecure-requests/.test(claimed.headers.get("content-security-policy") ?? "") && "upgrade-insecure-requests for a client's X-Forwarded-Proto",
        ].filter((w): w is string => typeof w === "string");
        return {
          ok: wrong.length === 0,
          detail: wrong.length
            ? wrong.join("; ")
            : `CSP nonce on all ${scripts.length} scripts, frame-ancestors 'none', nosniff, ${h("referrer-policy")}, Permissions-Policy, X-Frame-Options ${h("x-frame-options")}; ` +
              "no HSTS over http, nor for a client's X-Forwarded-Proto: https (with LEADLAG_TRUST_PROXY unset; the HTTPS case needs another server)",
        };
      },
    },
    ...signInChecks(opts),
    {
      name: "5 cross-origin writes with a cookie → 403",
      run: async () => {
        const own = `Audit own team ${opts.keyPrefix}`;
        const forged = await writesNothing(async () => {
          const team = await send(baseUrl, "/api/v1/teams", { cookie, origin: EVIL, type: "text/plain", body: JSON.stringify({ name: "Evil team" }) });
          const csv = await send(baseUrl, "/api/v1/imports/lag-observations/commit", {
            cookie,
            origin: EVIL,
            type: "text/plain",
            body: `measure,team,date,value\n${org.lagMeasure.name},,${day},81.5\n`,
          });
          return { ok: refused(team, 403, "forbidden") && refused(csv, 403, "forbidden"), detail: `team ${said(team)}, lag CSV commit ${said(csv)}` };
        });
        const same = await send(baseUrl, "/api/v1/teams", { cookie, origin: baseUrl, type: "application/json", body: JSON.stringify({ name: own }) });
        const byToken = await json("/api/v1/teams", { name: `${own} by token` }, { origin: EVIL });
        const names = (await sql.query<{ name: string }>(`SELECT name FROM "Team" WHERE "organizationId" = $1 AND name LIKE $2`, [org.organizationId, `${own}%`])).rows.map((r) => r.name);
        return {
          ok: forged.ok && same.status === 201 && byToken.status === 201 && names.length === 2,
          detail: `from ${EVIL} as text/plain: ${forged.detail}; same-origin JSON with the cookie ${same.status}, a token from ${EVIL} ${byToken.status} (${names.length} of 2 teams stored)`,
        };
      },
    },
    {
      name: "7 server action from another origin → 403",
      run: async () => {
        const action = await send(baseUrl, "/dashboard", { cookie, origin: EVIL, type: "text/plain;charset=UTF-8", body: "[]", headers: { "next-action": "0".repeat(42) } });
        return { ok: refused(action, 403, "forbidden"), detail: `POST /dashboard with Next-Action from ${EVIL}: ${said(action)}` };
      },
    },
    {
      name: "7 lag result dated 0001-01-01 → 400",
      run: () =>
        writesNothing(async () => {
          const a = await json("/api/v1/lag-observations", lag({ date: "0001-01-01" }));
          return { ok: refused(a, 400, "validation_failed") && !!a.body.error.details?.fieldErrors?.date, detail: `${said(a)}: ${a.body?.error?.details?.fieldErrors?.date?.[0] ?? a.text.slice(0, 80)}` };
        }),
    },
    {
      name: "7 idempotency key reused, other body → 409",
      run: async () => {
        const target = org.targets[0]!;
        const body: WriteBody = { ...target, date: day, value: 2, idempotencyKey: `${opts.keyPrefix}-idempotency` };
        const first = await sendWrite(baseUrl, token, body, TIMEOUT_MS);
        const replay = await sendWrite(baseUrl, token, body, TIMEOUT_MS);
        const other = await sendWrite(baseUrl, token, { ...body, value: 3 }, TIMEOUT_MS);
        const code = (JSON.parse(other.text) as { error?: { code?: string } }).error?.code;
        const rows = (await sql.query<{ value: number }>(`SELECT value FROM "LeadEntry" WHERE "idempotencyKey" = $1`, [body.idempotencyKey])).rows.map((r) => Number(r.value));
        return {
          ok: first.status === 201 && replay.status === 200 && other.status === 409 && code === "conflict" && rows.length === 1 && rows[0] === 2,
          detail: `first ${first.status}, the same again ${replay.status}, another value with the key ${other.status} ${code ?? ""}; stored: [${rows.join(", ")}]`,
        };
      },
    },
    {
      name: `7 CSV of ${BAD_CSV_ROWS.toLocaleString("en-US")} bad rows → ${MAX_PROBLEMS} listed`,
      run: () =>
        writesNothing(async () => {
          const rows = Array.from({ length: BAD_CSV_ROWS }, (_, i) => `${org.lagMeasure.name},,0001-01-${String((i % 28) + 1).padStart(2, "0")},${80 + (i % 10)}`);
          const a = await send(baseUrl, "/api/v1/imports/lag-observations/commit?dateOrder=ymd", { token, type: "text/csv", body: `measure,team,date,value\n${rows.join("\n")}\n` });
          const d = a.body?.error?.details as { problems?: unknown[]; problemCount?: number } | undefined;
          return {
            ok: refused(a, 400, "validation_failed") && d?.problems?.length === MAX_PROBLEMS && d.problemCount === BAD_CSV_ROWS,
            detail: `${said(a)} in ${a.ms.toFixed(0)} ms, ${a.text.length.toLocaleString("en-US")} bytes: ${d?.problems?.length ?? "no"} problems listed of ${d?.problemCount?.toLocaleString("en-US") ?? "?"} — "${a.body?.error?.message ?? a.text.slice(0, 80)}"`,
          };
        }),
    },
  ];

  const out: Check[] = [];
  for (const c of checks) {
    try {
      out.push({ phase: PHASE, name: c.name, ...(await c.run()) });
    } catch (e) {
      out.push({ phase: PHASE, name: c.name, ok: false, detail: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

/**
 * Check 4 on the seed's lock account, never the manager the other phases sign in with: wrong
 * passwords one after another, each followed by an unknown email, so both are timed under the
 * same conditions. Every failure does the same work (an argon2 check, against a dummy hash for
 * an unknown email), so the unknown email's median may not be clearly below the known one's:
 * with the dummy hash skipped it would be a few milliseconds against tens.
 */
function signInChecks(opts: AuditOptions): { name: string; run: () => Promise<Verdict> }[] {
  const limit = parseEnv().LEADLAG_SIGN_IN_MAX_FAILURES;
  const { email, password } = opts.org.lockAccount;
  const known: SignInAttempt[] = [];
  const unknown: SignInAttempt[] = [];
  return [
    {
      name: "4 wrong passwords lock the account",
      run: async () => {
        let lockedAt = 0;
        for (let i = 1; i <= Math.max(limit, TIMED_SIGN_INS) + 5 && !lockedAt; i++) {
          const attempt = await attemptSignIn(opts.baseUrl, email, `wrong-password-${i}`);
          if (attempt.cookie) return { ok: false, detail: `a wrong password signed in (try ${i})` };
          known.push(attempt);
          if (isLockMessage(attempt.error)) lockedAt = i;
          else if (unknown.length < TIMED_SIGN_INS) unknown.push(await attemptSignIn(opts.baseUrl, `soak-nobody-${i}@leadlag.demo`, `wrong-password-${i}`));
        }
        while (unknown.length < TIMED_SIGN_INS) unknown.push(await attemptSignIn(opts.baseUrl, `soak-nobody-x${unknown.length}@leadlag.demo`, "wrong-password"));
        const right = await attemptSignIn(opts.baseUrl, email, password);
        const lock = known.at(-1)?.error ?? "";
        // The page a refused sign-in lands on shows the lock's message as it is.
        const page = await send(opts.baseUrl, `/sign-in?error=${encodeURIComponent(lock)}`);
        const shown = page.status === 200 && page.text.includes(lock);
        return {
          ok: lockedAt === limit && !right.cookie && isLockMessage(right.error) && shown,
          detail: `locked at wrong password ${lockedAt || `none of ${known.length}`} (limit ${limit}); the right password then: ${right.cookie ? "signed in" : `"${right.error}"`}${shown ? ", shown on /sign-in" : ", NOT shown on /sign-in"}`,
        };
      },
    },
    {
      name: "4 unknown email as slow as a known one",
      run: async () => {
        // Every wrong password up to the lock checked a password (the one that reached the limit too).
        const knownMs = median(known.slice(0, TIMED_SIGN_INS).map((a) => a.ms));
        const unknownMs = median(unknown.map((a) => a.ms));
        return {
          ok: known.length > 0 && unknown.length > 0 && unknownMs >= TIMING_RATIO * knownMs,
          detail: `medians of ${unknown.length} unknown emails ${unknownMs.toFixed(0)} ms, ${Math.min(known.length, TIMED_SIGN_INS)} wrong passwords of a known one ${knownMs.toFixed(0)} ms (ratio ${(unknownMs / knownMs).toFixed(2)}; passes at ≥ ${TIMING_RATIO})`,
        };
      },
    },
  ];
}

// PostgreSQL gone for a while under load: the soak's server is stopped as in a crash
// (`pg_ctl stop -m immediate`) while the clients keep going, then started again. The app must
// answer 503 with Retry-After meanwhile (never a 500), recover by itself, in the same process,
// and lose no write it acknowledged.
import type pg from "pg";
import type { AppServer } from "./app";
import { errorSummary, isOk, isShed, resendUnacknowledged, runLoad, statsOf, type LoadOptions, type Outcome, type Stats } from "./load";
import type { PrivatePostgres } from "./postgres";
import type { Check } from "./report";
import { countWrites } from "./verify";

type Ctx = { app: AppServer; pg: PrivatePostgres; sql: () => Promise<pg.Client>; log: (l: string) => void };

export async function databaseOutage(ctx: Ctx, load: Omit<LoadOptions, "durationMs" | "onOutcome">, opts: { beforeMs: number; outageMs: number; afterMs: number }): Promise<{ checks: Check[]; stats: Stats; seconds: number }> {
  const phase = "outage";
  const pid = ctx.app.pid();
  const t0 = performance.now();
  const at = () => performance.now() - t0;
  let crashAt = Infinity;
  let backAt = Infinity;

  // /api/health, four times a second: when did it notice, and when was it healthy again?
  const health: { at: number; status: number }[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const sent = at();
      let status = 0;
      try {
        status = (await fetch(`${ctx.app.url}/api/health`, { signal: AbortSignal.timeout(10_000) })).status;
      } catch {
        // no answer
      }
      health.push({ at: sent, status });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();

  const loadDone = runLoad({ ...load, durationMs: opts.beforeMs + opts.outageMs + opts.afterMs });
  await new Promise((r) => setTimeout(r, opts.beforeMs));
  await ctx.pg.crash();
  crashAt = at();
  ctx.log(`  PostgreSQL stopped (immediate) at ${(crashAt / 1000).toFixed(1)} s; clients keep going for ${opts.outageMs / 1000} s…`);
  await new Promise((r) => setTimeout(r, opts.outageMs));
  await ctx.pg.start();
  backAt = at();
  ctx.log(`  PostgreSQL back at ${(backAt / 1000).toFixed(1)} s: down ${((backAt - crashAt) / 1000).toFixed(1)} s, its start with crash recovery included`);
  const result = await loadDone;
  polling = false;
  await poller;

  // The load's clock starts within a millisecond of ours: its times are ours.
  const during = result.outcomes.filter((o) => o.doneAt >= crashAt && o.sentAt <= backAt);
  const after = result.outcomes.filter((o) => o.sentAt > backAt);
  const s = statsOf(result.outcomes);
  const d = statsOf(during);
  const firstUnhealthy = health.find((h) => h.at >= crashAt && h.status !== 200);
  const firstHealthyAgain = health.find((h) => h.at >= backAt && h.status === 200);
  const firstWriteAgain = after.filter((o: Outcome) => o.kind === "write" && o.status >= 200 && o.status < 300).sort((a, b) => a.doneAt - b.doneAt)[0];
  const statuses = new Map<string, number>();
  for (const o of during) {
    const k = o.status === 0 ? "no answer" : isShed(o) ? "503+Retry-After" : String(o.status);
    statuses.set(k, (statuses.get(k) ?? 0) + 1);
  }
  const checks: Check[] = [];
  checks.push({
    phase,
    name: "503 with Retry-After while it is down",
    ok: d.errors === 0 && d.shed > 0,
    detail: `${d.n} answers in the ${((backAt - crashAt) / 1000).toFixed(1)} s down: ${[...statuses].map(([k, n]) => `${n} × ${k}`).join(", ")}; /api/health 503 ${firstUnhealthy ? `${((firstUnhealthy.at - crashAt) / 1000).toFixed(1)} s after the stop` : "never"}`,
  });
  checks.push({
    phase,
    name: "0 errors in the whole phase",
    ok: s.errors === 0,
    detail: `${s.n} requests, ${s.ok} 2xx, ${s.shed} × 503+Retry-After, ${s.errors} errors${s.errors ? ` — ${errorSummary(result.outcomes, 3).join("; ")}` : ""}`,
  });
  checks.push({
    phase,
    name: "recovers without a restart",
    ok: ctx.app.alive() && ctx.app.pid() === pid && firstHealthyAgain !== undefined && firstWriteAgain !== undefined,
    detail:
      `same process (pid ${pid}): ${ctx.app.alive() && ctx.app.pid() === pid ? "yes" : "NO"}; ` +
      `healthy ${firstHealthyAgain ? `${((firstHealthyAgain.at - backAt) / 1000).toFixed(1)} s` : "never"} and first acknowledged write ${firstWriteAgain ? `${((firstWriteAgain.doneAt - backAt) / 1000).toFixed(1)} s` : "never"} after PostgreSQL was back`,
  });

  const sql = await ctx.sql();
  try {
    const acked = [...result.writes].filter(([, w]) => w.acked).map(([k]) => k);
    const stored = await countWrites(sql, load.keyPrefix);
    const lost = acked.filter((k) => !stored.has(k));
    const unackedStored = [...stored].filter((k) => !result.writes.get(k)?.acked).length;
    const resend = await resendUnacknowledged(load.baseUrl, load.org.token, result.writes, load.timeoutMs);
    const final = await countWrites(sql, load.keyPrefix);
    const ackedNow = [...result.writes.values()].filter((w) => w.acked).length;
    checks.push({
      phase,
      name: "0 acknowledged writes lost",
      ok: lost.length === 0 && final.size === ackedNow && resend.acked === resend.resent,
      detail:
        `${acked.length} acknowledged, ${lost.length} lost; ${unackedStored} stored without an answer; ` +
        `${resend.resent} unacknowledged resent with their keys → ${resend.replays} replayed, ${resend.acked - resend.replays} new; rows ${final.size} = acknowledged ${ackedNow}`,
    });
  } finally {
    await sql.end();
  }
  const all = result.outcomes.filter((o) => !isOk(o));
  if (all.length) ctx.log(`  errors: ${errorSummary(all, 5).join("; ")}`);
  return { checks, stats: s, seconds: result.seconds };
}

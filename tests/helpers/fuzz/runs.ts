// How many payloads each fuzz property tries, and with which seed. FUZZ_RUNS sets the runs on the
// embedded database (default 100; 1,000 when CI is set); the PostgreSQL server gets a tenth of
// them (FUZZ_RUNS_POSTGRES overrides): the payloads are the same, the server only adds a second
// SQL engine's view of the writes, and a tenth keeps CI's run short. FUZZ_SEED replays a failure:
// fast-check prints the seed (and the path of the shrunk case) in every failure message.
import fc from "fast-check";
import type { TestDbKind } from "../db";

const positive = (v: string | undefined) => (v && Number(v) > 0 ? Math.trunc(Number(v)) : undefined);

export function fuzzRuns(kind: TestDbKind): number {
  const embedded = positive(process.env.FUZZ_RUNS) ?? (process.env.CI ? 1_000 : 100);
  if (kind === "embedded") return embedded;
  return positive(process.env.FUZZ_RUNS_POSTGRES) ?? Math.max(20, Math.round(embedded / 10));
}

export const fuzzSeed: number = positive(process.env.FUZZ_SEED) ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;

/** Seeds fast-check for the file and says which seed it was, so any run can be replayed. */
export function seedFuzzing(): void {
  fc.configureGlobal({ seed: fuzzSeed, endOnFailure: false, interruptAfterTimeLimit: undefined });
  console.info(`fuzz: FUZZ_SEED=${fuzzSeed} FUZZ_RUNS=${fuzzRuns("embedded")} (embedded) / ${fuzzRuns("postgres")} (postgres)`);
}

/** A test's time limit for `runs` payloads of about `msEach` each, with room for shrinking. */
export const fuzzTimeout = (runs: number, msEach = 60) => 120_000 + runs * msEach * 3;

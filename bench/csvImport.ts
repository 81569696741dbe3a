// npx tsx --conditions=react-server bench/csvImport.ts (the services are server-only): CSV import
// throughput on a 100,000-row lead-entry file, on embedded PGlite and — when TEST_DATABASE_URL
// (or DATABASE_URL) is set — on PostgreSQL, against the yardstick of PostgreSQL's own bulk load.
// The file is generated for a generated organization (200 people on 20 teams, 5 measures,
// 100 days) and goes through the same steps as POST /api/v1/imports/lead-entries/commit
// (checkImport, then its commit): decode → parse → map and check every row → write all cells in
// one transaction. It is then imported a second time, which replaces all 100,000 cells (the
// idempotent re-import).
// On PostgreSQL, the same 100,000 entries are also loaded by a raw `COPY "LeadEntry" FROM STDIN`
// into the same table (before each round of import and re-import, and after the last, each time
// into an empty range), and the import's speed is given as a share of COPY's (medians over the
// rounds): the goal is ≥ 0.8. CSV_BENCH_ROUNDS=3 repeats it all three times.
import pg from "pg";
import { loadTenantContext } from "@/lib/auth/loadContext";
import { addDays, localDay } from "@/lib/domain/calendar/weeks";
import { formatNumber } from "@/lib/domain/format";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, createUser } from "@/lib/seed/factories";
import { seedLargeOrg } from "@/lib/seed/large";
import { checkImport } from "@/lib/services/csvImport";
import type { CellWrite } from "@/lib/services/leadEntries";
import { createTestDb, testDbKinds, type TestDb } from "../tests/helpers/db";
import { copyFrom, copyText } from "./pgCopy";

const DAYS = 100;
const TEAMS = 20;
const PEOPLE_PER_TEAM = 10; // 200 people × 5 measures × 100 days = 100,000 rows
const ROWS = DAYS * TEAMS * PEOPLE_PER_TEAM * 5;
/** The import's share of COPY's speed that counts as good enough. */
const GOAL = 0.8;
/** Rounds of COPY, import and re-import (CSV_BENCH_ROUNDS): on a busy machine, take the medians of a few. */
const ROUNDS = Math.max(1, Number(process.env.CSV_BENCH_ROUNDS) || 1);

type Result = { database: string; step: string; rows: number; ms: number };
const results: Result[] = [];
const ratios: string[] = [];

async function buildFile(t: TestDb, organizationId: string, today: string): Promise<Uint8Array> {
  const people = await t.db.teamMember.findMany({
    where: { organizationId },
    select: { team: { select: { name: true } }, membership: { select: { user: { select: { email: true } } } } },
  });
  const measures = await t.db.leadMeasure.findMany({ where: { organizationId }, select: { name: true }, orderBy: { name: "asc" } });
  const lines = ["email,team,measure,date,value,note"];
  for (let d = 1; d <= DAYS; d++) {
    const date = addDays(today, -d);
    for (const p of people) {
      for (const m of measures) lines.push(`${p.membership.user.email},${p.team.name},${m.name},${date},${(d % 3) + 1},`);
    }
  }
  return new TextEncoder().encode("\uFEFF" + lines.join("\r\n") + "\r\n");
}

async function timed<T>(database: string, step: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await fn();
  results.push({ database, step, rows: ROWS, ms: performance.now() - started });
  return value;
}

const rate = (r: Result) => r.rows / (r.ms / 1000);

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The yardstick: the file's entries as rows of "LeadEntry" (ids made here, as the import makes
 * them), written in COPY's text format and loaded by one COPY in its own transaction. Timed from
 * the resolved cells to the commit.
 */
async function rawCopy(client: pg.Client, organizationId: string, actorId: string, cells: readonly CellWrite[]): Promise<number> {
  const lines: string[] = [];
  const now = new Date().toISOString();
  for (const c of cells) {
    const values = [organizationId, crypto.randomUUID(), c.teamId, c.leadMeasureId, c.userId, c.entryDate, c.value, c.note ?? "", "CSV", actorId, now];
    lines.push(values.map(copyText).join("\t"));
  }
  await client.query("BEGIN");
  const copied = await copyFrom(
    client,
    `COPY "LeadEntry" ("organizationId", "id", "teamId", "leadMeasureId", "userId", "entryDate", "value", "note", "source", "createdById", "updatedAt") FROM STDIN`,
    lines.join("\n") + "\n",
  );
  await client.query("COMMIT");
  return copied;
}

/** Takes the imported (or copied) entries out again, and lets PostgreSQL clean up after them. */
async function removeEntries(client: pg.Client, organizationId: string): Promise<void> {
  await client.query(`DELETE FROM "LeadEntry" WHERE "organizationId" = $1 AND source = 'CSV'`, [organizationId]);
  await client.query(`VACUUM ANALYZE "LeadEntry"`);
}

async function run(kind: "embedded" | "postgres") {
  const t = await createTestDb(kind);
  const client = kind === "postgres" ? new pg.Client({ connectionString: t.url }) : null;
  try {
    const today = localDay(new Date(), "UTC");
    const org = await seedLargeOrg(t.db, { teams: TEAMS, peoplePerTeam: PEOPLE_PER_TEAM, weeks: 1, today });
    const owner = await createUser(t.db);
    await addMembership(t.db, org.organizationId, owner.id, Role.OWNER);
    const ctx = (await loadTenantContext(t.db, owner.id, org.organizationId))!;
    const bytes = await buildFile(t, org.organizationId, today);
    const file = { bytes, fileName: "bench.csv", options: { dateOrder: "ymd", decimalMark: "dot" } as const };
    console.log(`[${kind}] file: ${formatNumber(ROWS, "en-US")} rows, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB`);

    const copy = async (when: string) => {
      if (!client) return;
      const { check } = await checkImport(t.db, ctx, "lead-entries", file);
      const copied = await timed(kind, `raw COPY "LeadEntry" FROM STDIN (${when})`, () => rawCopy(client, org.organizationId, owner.id, check.writes as CellWrite[]));
      if (copied !== ROWS) throw new Error(`COPY took ${copied} rows, expected ${ROWS}`);
      await removeEntries(client, org.organizationId);
    };
    await client?.connect();

    for (let round = 1; round <= ROUNDS; round++) {
      const of = ROUNDS > 1 ? ` #${round}` : "";
      await copy(round === 1 ? "before the import" : `between imports${of}`);
      for (const step of [`import${of}`, `re-import${of} (replaces every cell)`]) {
        const checked = await timed(kind, `${step}: read + check`, () => checkImport(t.db, ctx, "lead-entries", file));
        const { problems, writes } = checked.check;
        if (problems.length > 0 || writes.length !== ROWS) {
          throw new Error(`unexpected check result: ${problems.length} problems, first ${JSON.stringify(problems[0])}`);
        }
        let updates = 0;
        await timed(kind, `${step}: write (one transaction)`, () => checked.commit(() => updates++));
        const [read, write] = results.slice(-2);
        results.push({ database: kind, step: `${step}: total`, rows: ROWS, ms: read!.ms + write!.ms });
        console.log(`[${kind}] ${step}: ${updates} progress updates`);
      }
      const stored = await t.db.leadEntry.count({ where: { organizationId: org.organizationId, source: "CSV" } });
      if (stored !== ROWS) throw new Error(`expected ${ROWS} imported entries, found ${stored}`);
      if (client) await removeEntries(client, org.organizationId);
    }

    if (client) {
      await copy("after the imports");
      const mine = results.filter((r) => r.database === kind);
      const copyRate = median(mine.filter((r) => r.step.startsWith("raw COPY")).map(rate));
      for (const [label, prefix] of [["import", "import"], ["re-import (replaces every cell)", "re-import"]] as const) {
        const importRate = median(mine.filter((r) => r.step.startsWith(prefix) && r.step.endsWith(": total")).map(rate));
        const ratio = importRate / copyRate;
        ratios.push(
          `[${kind}] ${label}: ${formatNumber(Math.round(importRate), "en-US")} rows/s = ${ratio.toFixed(2)} × COPY's ${formatNumber(Math.round(copyRate), "en-US")} rows/s ` +
            `(goal ≥ ${GOAL}: ${ratio >= GOAL ? "met" : "NOT met"})`,
        );
      }
    }
  } finally {
    await client?.end();
    await t.close();
  }
}

async function main() {
  for (const kind of testDbKinds()) await run(kind);
  console.log("\n| database | step | rows | seconds | rows/s |\n| --- | --- | ---: | ---: | ---: |");
  for (const r of results) {
    console.log(`| ${r.database} | ${r.step} | ${formatNumber(r.rows, "en-US")} | ${(r.ms / 1000).toFixed(2)} | ${formatNumber(Math.round(rate(r)), "en-US")} |`);
  }
  if (ratios.length > 0) console.log(`\n${ratios.join("\n")}`);
}

await main();

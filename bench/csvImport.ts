// npx tsx --conditions=react-server bench/csvImport.ts (the services are server-only): CSV import
// throughput on a 100,000-row lead-entry file, on embedded PGlite and — when TEST_DATABASE_URL
// (or DATABASE_URL) is set — on PostgreSQL.
// The file is generated for a generated organization (200 people on 20 teams, 5 measures,
// 100 days) and goes through the same steps as POST /api/v1/imports/lead-entries/commit:
// decode → parse → map and check every row → write all cells in one transaction. It is then
// imported a second time, which replaces all 100,000 cells (the idempotent re-import).
import { loadTenantContext } from "@/lib/auth/loadContext";
import { checkLeadEntries } from "@/lib/services/csvLeadEntries";
import { IMPORT_WRITE_CHUNK } from "@/lib/csv/options";
import { decodeCsv, parseCsv } from "@/lib/csv/parse";
import { addDays, localDay } from "@/lib/domain/calendar/weeks";
import { formatNumber } from "@/lib/domain/format";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, createUser } from "@/lib/seed/factories";
import { seedLargeOrg } from "@/lib/seed/large";
import { setLeadCells } from "@/lib/services/leadEntries";
import { loadEntryRules } from "@/lib/services/leadRules";
import { createTestDb, testDbKinds, type TestDb } from "../tests/helpers/db";

const DAYS = 100;
const TEAMS = 20;
const PEOPLE_PER_TEAM = 10; // 200 people × 5 measures × 100 days = 100,000 rows

type Result = { database: string; step: string; rows: number; ms: number };
const results: Result[] = [];

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

async function timed<T>(database: string, step: string, rows: number, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const value = await fn();
  results.push({ database, step, rows, ms: performance.now() - started });
  return value;
}

async function run(kind: "embedded" | "postgres") {
  const t = await createTestDb(kind);
  try {
    const today = localDay(new Date(), "UTC");
    const org = await seedLargeOrg(t.db, { teams: TEAMS, peoplePerTeam: PEOPLE_PER_TEAM, weeks: 1, today });
    const owner = await createUser(t.db);
    await addMembership(t.db, org.organizationId, owner.id, Role.OWNER);
    const ctx = (await loadTenantContext(t.db, owner.id, org.organizationId))!;
    const bytes = await buildFile(t, org.organizationId, today);
    const rows = DAYS * TEAMS * PEOPLE_PER_TEAM * 5;
    console.log(`[${kind}] file: ${formatNumber(rows, "en-US")} rows, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB`);

    for (const step of ["import", "re-import (replaces every cell)"]) {
      const { check, rules } = await timed(kind, `${step}: read + check`, rows, async () => {
        const parsed = parseCsv(decodeCsv(bytes));
        const rules = await loadEntryRules(t.db, ctx);
        return { check: checkLeadEntries(parsed, { dateOrder: "ymd", decimalMark: "dot" }, rules, ctx), rules };
      });
      if (check.problems.length > 0 || check.writes.length !== rows) {
        throw new Error(`unexpected check result: ${check.problems.length} problems, first ${JSON.stringify(check.problems[0])}`);
      }
      let chunks = 0;
      await timed(kind, `${step}: write (one transaction)`, rows, () =>
        setLeadCells(t.db, ctx, check.writes, { source: "CSV", rules, onProgress: () => chunks++, auditNote: "bench", chunkSize: IMPORT_WRITE_CHUNK }),
      );
      const [read, write] = results.slice(-2);
      results.push({ database: kind, step: `${step}: total`, rows, ms: read!.ms + write!.ms });
      console.log(`[${kind}] ${step}: ${chunks} progress updates`);
    }
    const stored = await t.db.leadEntry.count({ where: { organizationId: org.organizationId, source: "CSV" } });
    if (stored !== rows) throw new Error(`expected ${rows} imported entries, found ${stored}`);
  } finally {
    await t.close();
  }
}

async function main() {
  for (const kind of testDbKinds()) await run(kind);
  console.log("\n| database | step | rows | seconds | rows/s |\n| --- | --- | ---: | ---: | ---: |");
  for (const r of results) {
    const rate = formatNumber(Math.round(r.rows / (r.ms / 1000)), "en-US");
    console.log(`| ${r.database} | ${r.step} | ${formatNumber(r.rows, "en-US")} | ${(r.ms / 1000).toFixed(2)} | ${rate} |`);
  }
}

await main();

// Generates a benchmark organization with set-based SQL (INSERT … SELECT over generate_series and
// a few temporary tables): no row passes through JavaScript, so 5.9M lead entries load at the
// database's own speed. The same statements run on PostgreSQL and on embedded PGlite.
//
// Entries are plain INSERTs into "LeadEntry", so whatever the schema maintains from them (e.g. a
// roll-up kept by triggers) is maintained as it would be in production.
//
// A marker row (schema "bench") records the parameters, the week the data was generated for and
// the counts; a later run reuses the data when they match (see `freshness`).
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { addDays, localDay, weekStart } from "@/lib/domain/calendar/weeks";
import { TARGET_EPOCH } from "@/lib/domain/rules/targets";
import type { Sql } from "./database";
import {
  BENCH_PASSWORD,
  CHECK_IN_RATE,
  ENTRY_RATE,
  EXTRA_MANAGERS,
  LEAD_MEASURES,
  MANAGER_EMAIL,
  OWNER_EMAIL,
  PEOPLE_PER_TEAM,
  WEEKS,
  type ScaleParams,
} from "./scales";

export type Marker = {
  params: ScaleParams;
  /** The Monday of the week the data ends in (entries run up to that day). */
  week: string;
  today: string;
  organizationId: string;
  counts: Record<string, number>;
  seconds: number;
  generatedAt: string;
  migrations: string[];
};

const MEASURES: [name: string, unit: string, aggregation: "COUNT" | "SUM"][] = [
  ["Coaching conversations", "conversations", "COUNT"],
  ["Recognitions given", "recognitions", "COUNT"],
  ["Service moments discussed", "moments", "COUNT"],
  ["Customer stories shared", "stories", "COUNT"],
  ["Training hours", "hours", "SUM"],
  ["Call reviews", "reviews", "COUNT"],
  ["Knowledge articles updated", "articles", "COUNT"],
  ["Proactive follow-ups", "follow-ups", "COUNT"],
  ["Peer shadowing sessions", "sessions", "COUNT"],
  ["Quality checks", "checks", "COUNT"],
];
if (MEASURES.length !== LEAD_MEASURES) throw new Error("generate.ts: one name per lead measure");

export const LAG_SPECS = [
  { name: "CSAT", kind: "PERCENTAGE", unit: "%", direction: "HIGHER_IS_BETTER", baseline: 78, target: 88, perTeam: true, drivers: [0, 1, 3] },
  { name: "Average resolution time", kind: "DURATION", unit: "h", direction: "LOWER_IS_BETTER", baseline: 26, target: 18, perTeam: true, drivers: [2, 5] },
  { name: "Customer retention", kind: "PERCENTAGE", unit: "%", direction: "HIGHER_IS_BETTER", baseline: 86, target: 91, perTeam: false, drivers: [7] },
  { name: "NPS", kind: "SCORE", unit: "", direction: "HIGHER_IS_BETTER", baseline: 22, target: 40, perTeam: false, drivers: [0, 6] },
] as const;

/** The calendar of a generation: today (UTC, the organization's zone), its week and the first week. */
export function calendarOf(now = new Date()) {
  const today = localDay(now, "UTC");
  const week = weekStart(today, 1);
  return { today, week, firstWeek: addDays(week, -7 * (WEEKS - 1)) };
}

// ---------------------------------------------------------------------------------------------
// The marker

export async function readMarker(sql: Sql): Promise<Marker | null> {
  const exists = await sql.query<{ ok: boolean }>(`SELECT to_regclass('bench.marker') IS NOT NULL AS ok`);
  if (!exists[0]?.ok) return null;
  const rows = await sql.query<{ data: Marker }>(`SELECT data FROM bench.marker ORDER BY at DESC LIMIT 1`);
  return rows[0]?.data ?? null;
}

async function writeMarker(sql: Sql, marker: Marker): Promise<void> {
  await sql.query(`CREATE SCHEMA IF NOT EXISTS bench`);
  await sql.query(`CREATE TABLE IF NOT EXISTS bench.marker (at timestamptz NOT NULL DEFAULT now(), data jsonb NOT NULL)`);
  await sql.query(`INSERT INTO bench.marker (data) VALUES ($1::jsonb)`, [JSON.stringify(marker)]);
}

/** Why existing data cannot be reused; null when it can. */
export function staleReason(marker: Marker | null, params: ScaleParams, week: string): string | null {
  if (!marker) return "no complete generated organization in it";
  // jsonb keeps its own key order: compare key by key.
  const keys = new Set([...Object.keys(marker.params), ...Object.keys(params)]);
  const differ = [...keys].filter((k) => (marker.params as Record<string, unknown>)[k] !== (params as Record<string, unknown>)[k]);
  if (differ.length) return `generated with other parameters (${differ.join(", ")})`;
  if (marker.week !== week) return `generated for the week of ${marker.week}, not this one (${week})`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Generation

type Step = { name: string; ms: number; rows: number };

/** Runs the generation into an empty, migrated database; returns the marker it wrote. */
export async function generate(sql: Sql, params: ScaleParams, migrations: string[], log: (line: string) => void): Promise<Marker> {
  const started = performance.now();
  const { today, week, firstWeek } = calendarOf();
  const organizationId = randomUUID();
  const steps: Step[] = [];
  const counts: Record<string, number> = {};
  const step = async (name: string, text: string, values: unknown[] = []) => {
    const t = performance.now();
    await sql.query(text, values);
    const ms = performance.now() - t;
    steps.push({ name, ms, rows: 0 });
    return ms;
  };
  const count = async (table: string) => {
    const [r] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "organizationId" = $1`, [organizationId]);
    counts[table] = r!.n;
    return r!.n;
  };

  if (sql.kind === "postgres") {
    // Bulk-load settings for this session only; nothing here needs durability until the end, and
    // JIT-compiling each INSERT (its estimated cost is huge) takes longer than running it.
    await sql.query(`SET synchronous_commit = off`);
    await sql.query(`SET maintenance_work_mem = '256MB'`);
    await sql.query(`SET work_mem = '64MB'`);
    await sql.query(`SET jit = off`);
  }
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const teams = params.teams;
  const people = teams * PEOPLE_PER_TEAM;
  const orgCreated = `${addDays(firstWeek, -14)}T09:00:00Z`;
  log(`  generating ${teams} teams × ${PEOPLE_PER_TEAM} people, ${LEAD_MEASURES} lead measures, ${WEEKS} weeks (${firstWeek} … ${today})`);

  // Temporary tables of the ids, so every statement below can join them.
  for (const t of ["b_team", "b_person", "b_staff", "b_measure", "b_week", "b_day", "b_lag"]) await sql.query(`DROP TABLE IF EXISTS ${t}`);
  await sql.query(`CREATE TEMP TABLE b_team AS SELECT i AS idx, gen_random_uuid() AS id, 'Team ' || lpad((i + 1)::text, 3, '0') AS name FROM generate_series(0, ${teams - 1}) i`);
  await sql.query(
    `CREATE TEMP TABLE b_person AS
       SELECT i AS idx, gen_random_uuid() AS id, i / ${PEOPLE_PER_TEAM} AS team_idx, (i % ${PEOPLE_PER_TEAM} = 0) AS is_lead,
              -- how busy this person is: a factor with mean 1 over the team
              0.8 + 0.4 * ((i * 37) % 10) / 9.0 AS zeal
         FROM generate_series(0, ${people - 1}) i`,
  );
  await sql.query(`CREATE INDEX ON b_person (team_idx)`);
  await sql.query(
    `CREATE TEMP TABLE b_staff AS
       SELECT gen_random_uuid() AS id, $1::text AS email, 'Bench Manager'::text AS name, 'MANAGER'::text AS role
       UNION ALL SELECT gen_random_uuid(), $2, 'Bench Owner', 'OWNER'
       UNION ALL SELECT gen_random_uuid(), 'manager-' || i || '@bench.leadlag.test', 'Manager ' || i, 'MANAGER' FROM generate_series(1, ${EXTRA_MANAGERS}) i`,
    [MANAGER_EMAIL, OWNER_EMAIL],
  );
  await sql.query(
    `CREATE TEMP TABLE b_measure AS
       SELECT (m.ord - 1)::int AS idx, gen_random_uuid() AS id, m.name, m.unit, m.agg
         FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS m(name, unit, agg, ord)`,
    [MEASURES.map((m) => m[0]), MEASURES.map((m) => m[1]), MEASURES.map((m) => m[2])],
  );
  await sql.query(`CREATE TEMP TABLE b_week AS SELECT i AS idx, ($1::date + 7 * i) AS week_start FROM generate_series(0, ${WEEKS - 1}) i`, [firstWeek]);
  await sql.query(
    `CREATE TEMP TABLE b_day AS SELECT w.idx AS week_idx, w.week_start + d AS day FROM b_week w, generate_series(0, 4) d WHERE w.week_start + d <= $1::date`,
    [today],
  );

  await step(
    "organization",
    `INSERT INTO "Organization" (id, name, slug, "timeZone", "weekStartsOn", currency, locale, "createdAt", "setupStep", "setupCompletedAt")
     VALUES ($1::uuid, $2, $3, 'UTC', 1, 'USD', 'en-US', $4::timestamptz, 'done', $4::timestamptz)`,
    [organizationId, `Bench ${params.scale} (${teams} teams)`, `bench-${params.scale}`, orgCreated],
  );
  await step(
    "users",
    `INSERT INTO "User" (id, email, name, "passwordHash", "createdAt")
     SELECT id, 'person-' || (idx + 1) || '@bench.leadlag.test', 'Person ' || (idx + 1), $1, $2::timestamptz FROM b_person
     UNION ALL SELECT id, email, name, $1, $2::timestamptz FROM b_staff`,
    [passwordHash, orgCreated],
  );
  await step(
    "memberships",
    `INSERT INTO "Membership" ("organizationId", "userId", role, "createdAt")
     SELECT $1::uuid, id, 'MEMBER'::"Role", $2::timestamptz FROM b_person
     UNION ALL SELECT $1::uuid, id, role::"Role", $2::timestamptz FROM b_staff`,
    [organizationId, orgCreated],
  );
  await step(
    "teams",
    `INSERT INTO "Team" ("organizationId", id, name, "createdAt") SELECT $1::uuid, id, name, $2::timestamptz FROM b_team`,
    [organizationId, orgCreated],
  );
  await step(
    "team members",
    `INSERT INTO "TeamMember" ("organizationId", "teamId", "userId", "isLead", "createdAt")
     SELECT $1::uuid, t.id, p.id, p.is_lead, $2::timestamptz FROM b_person p JOIN b_team t ON t.idx = p.team_idx`,
    [organizationId, orgCreated],
  );
  await step(
    "lead measures",
    `INSERT INTO "LeadMeasure" ("organizationId", id, name, unit, aggregation, "createdAt")
     SELECT $1::uuid, id, name, unit, agg::"Aggregation", $2::timestamptz FROM b_measure`,
    [organizationId, orgCreated],
  );
  // Every team tracks every measure; targets vary by team and measure (12–19 a week), so the
  // expected weekly total (~15) leaves teams red, amber and green. The target was raised a year ago.
  await step(
    "team lead measures",
    `INSERT INTO "TeamLeadMeasure" ("organizationId", "teamId", "leadMeasureId", "weeklyTarget", "personWeeklyTarget", "createdAt")
     SELECT $1::uuid, t.id, m.id, 12 + ((t.idx * 7 + m.idx * 3) % 8), 2, $2::timestamptz FROM b_team t CROSS JOIN b_measure m`,
    [organizationId, orgCreated],
  );
  await step(
    "lead targets",
    `INSERT INTO "LeadTarget" ("organizationId", id, "teamId", "leadMeasureId", "effectiveFrom", "weeklyTarget", "personWeeklyTarget", "createdAt")
     SELECT $1::uuid, gen_random_uuid(), a."teamId", a."leadMeasureId", $2::date, a."weeklyTarget" - 3, 1.5, $4::timestamptz
       FROM "TeamLeadMeasure" a WHERE a."organizationId" = $1
     UNION ALL
     SELECT $1::uuid, gen_random_uuid(), a."teamId", a."leadMeasureId", $3::date, a."weeklyTarget", a."personWeeklyTarget", $4::timestamptz
       FROM "TeamLeadMeasure" a WHERE a."organizationId" = $1`,
    [organizationId, TARGET_EPOCH, addDays(week, -7 * 52), orgCreated],
  );

  // Lead entries, a slice of teams per statement (progress, and a bounded transaction each),
  // loaded without the table's secondary indexes and foreign keys, which are rebuilt after.
  const perStatement = Math.max(1, Math.min(50, Math.ceil(teams / 10)));
  let entries = 0;
  const tEntries = performance.now();
  const restoreLeadEntry = await withoutIndexes(sql, "LeadEntry");
  for (let lo = 0; lo < teams; lo += perStatement) {
    const hi = Math.min(teams, lo + perStatement);
    const rows = await sql.query<{ n: number }>(
      `WITH ins AS (
         INSERT INTO "LeadEntry" ("organizationId", id, "teamId", "leadMeasureId", "userId", "entryDate", value, source, "createdById", "createdAt", "updatedAt")
         SELECT $1::uuid, gen_random_uuid(), t.id, m.id, p.id, d.day, 1 + floor(random() * 3), 'SEED'::"EntrySource", p.id,
                d.day + interval '17 hours', d.day + interval '17 hours'
           FROM b_person p
           JOIN b_team t ON t.idx = p.team_idx
          CROSS JOIN b_measure m
          CROSS JOIN b_day d
          WHERE p.team_idx >= ${lo} AND p.team_idx < ${hi}
            -- a measure's share (0.73…1.27, mean 1), a slow ramp over the 156 weeks (mean 1), the person's zeal
            AND random() < ${ENTRY_RATE} * (0.73 + 0.06 * m.idx) * (0.85 + 0.3 * d.week_idx / ${WEEKS - 1}.0) * p.zeal
          RETURNING 1
       ) SELECT count(*)::int AS n FROM ins`,
      [organizationId],
    );
    entries += rows[0]!.n;
    const s = (performance.now() - tEntries) / 1000;
    log(`  lead entries: ${entries.toLocaleString("en-US")} (teams ${hi}/${teams}, ${s.toFixed(0)} s, ${Math.round(entries / s).toLocaleString("en-US")} rows/s)`);
  }
  steps.push({ name: "lead entries", ms: performance.now() - tEntries, rows: entries });
  const tRestore = performance.now();
  await restoreLeadEntry();
  steps.push({ name: "lead entry indexes", ms: performance.now() - tRestore, rows: 0 });

  // Lag measures: four organization-wide goals (two of them also recorded per team) and a goal of
  // its own for every tenth team; each is driven by some of the lead measures.
  await sql.query(
    `CREATE TEMP TABLE b_lag AS
       SELECT gen_random_uuid() AS id, s.name, s.kind, s.unit, s.direction, s.baseline, s.target, s.per_team, NULL::uuid AS team_id, s.drivers
         FROM jsonb_to_recordset($1::jsonb) AS s(name text, kind text, unit text, direction text, baseline float8, target float8, per_team boolean, drivers int[])
       UNION ALL
       SELECT gen_random_uuid(), 'First-contact resolution · ' || t.name, 'PERCENTAGE', '%', 'HIGHER_IS_BETTER', 70, 80, false, t.id, ARRAY[8]
         FROM b_team t WHERE t.idx % 10 = 0`,
    [JSON.stringify(LAG_SPECS.map((l) => ({ ...l, per_team: l.perTeam })))],
  );
  await step(
    "lag measures",
    `INSERT INTO "LagMeasure" ("organizationId", id, "teamId", name, kind, unit, direction, cadence, "baselineValue", "baselineDate", "targetValue", "targetDate", "createdAt")
     SELECT $1::uuid, id, team_id, name, kind::"LagKind", unit, direction::"Direction", 'WEEKLY'::"Cadence", baseline, $2::date, target, $3::date, $4::timestamptz FROM b_lag`,
    [organizationId, firstWeek, addDays(today, 180), orgCreated],
  );
  await step(
    "lag drivers",
    `INSERT INTO "LagDriver" ("organizationId", "lagMeasureId", "leadMeasureId")
     SELECT $1::uuid, l.id, m.id FROM b_lag l CROSS JOIN LATERAL unnest(l.drivers) AS d(idx) JOIN b_measure m ON m.idx = d.idx`,
    [organizationId],
  );
  // Weekly observations on the last day of every finished week: the organization's value, and each
  // team's for the goals recorded per team. A drift towards the target with noise.
  await step(
    "lag observations",
    `INSERT INTO "LagObservation" ("organizationId", id, "lagMeasureId", "teamId", "observedOn", value, source, "createdAt")
     SELECT $1::uuid, gen_random_uuid(), l.id, s.team_id, w.week_start + 6,
            round((l.baseline + (l.target - l.baseline) * (0.6 * w.idx / ${WEEKS - 1}.0 + 0.25 * (random() + random() + random() - 1.5)))::numeric, 1)::float8,
            'SEED'::"EntrySource", w.week_start + 7 + interval '9 hours'
       FROM b_lag l
       JOIN LATERAL (
         SELECT l.team_id AS team_id
         UNION ALL SELECT t.id FROM b_team t WHERE l.per_team
       ) s ON true
      CROSS JOIN b_week w
      WHERE w.week_start + 6 < $2::date`,
    [organizationId, today],
  );
  await step(
    "check-ins",
    `INSERT INTO "CheckIn" ("organizationId", id, "teamId", "weekStart", "heldAt", "heldById")
     SELECT $1::uuid, gen_random_uuid(), t.id, w.week_start, least(w.week_start + interval '1 day 10 hours', now()), lead.id
       FROM b_team t
       JOIN b_person lead ON lead.team_idx = t.idx AND lead.is_lead
      CROSS JOIN b_week w
      WHERE random() < ${CHECK_IN_RATE}`,
    [organizationId],
  );
  // One commitment per person per week, made at the check-in before it; reviewed at the one after
  // (the current week's are still open).
  const restoreCommitment = await withoutIndexes(sql, "Commitment");
  await step(
    "commitments",
    `INSERT INTO "Commitment" ("organizationId", id, "teamId", "userId", "weekStart", "leadMeasureId", text, status, reason, "reviewedAt", "reviewedById", "createdById", "createdAt")
     SELECT $1::uuid, gen_random_uuid(), c.team_id, c.user_id, c.week_start, c.measure_id, c.text, c.status::"CommitmentStatus",
            CASE c.status WHEN 'NOT_DONE' THEN 'The queue was too busy that week.' WHEN 'PARTIAL' THEN 'Managed part of it.' ELSE '' END,
            CASE WHEN c.status = 'OPEN' THEN NULL ELSE least(c.week_start + interval '8 days 10 hours', now()::timestamp) END,
            CASE WHEN c.status = 'OPEN' THEN NULL ELSE c.lead_id END,
            c.user_id, c.week_start - interval '6 days' + interval '10 hours'
       FROM (
         SELECT t.id AS team_id, p.id AS user_id, w.week_start, m.id AS measure_id, lead.id AS lead_id,
                (ARRAY['Coach one teammate on a real call', 'Share a customer story at stand-up', 'Review two calls with the team lead',
                       'Update one knowledge article', 'Follow up with three customers'])[1 + (p.idx + w.idx) % 5] AS text,
                CASE WHEN w.idx >= ${WEEKS - 1} THEN 'OPEN'
                     ELSE (ARRAY['DONE', 'DONE', 'DONE', 'PARTIAL', 'NOT_DONE'])[1 + floor(random() * 5)::int] END AS status
           FROM b_person p
           JOIN b_team t ON t.idx = p.team_idx
           JOIN b_person lead ON lead.team_idx = p.team_idx AND lead.is_lead
          CROSS JOIN b_week w
           JOIN b_measure m ON m.idx = (p.idx + w.idx) % ${LEAD_MEASURES}
       ) c`,
    [organizationId],
  );
  await restoreCommitment();
  await generateProgram(sql, organizationId, today, step);

  // Real use writes these tables week by week — each week's check-ins, commitments and first
  // entries of every team arrive together — so their rows lie in week order on disk, and a
  // dashboard reading the last 13 weeks reads a few contiguous pages. Generated team by team,
  // each week's rows would be scattered over the whole table (3–4× the pages read); CLUSTER
  // lays them out as three years of use would.
  for (const [table, index] of [
    ["LeadWeekTotal", "LeadWeekTotal_organizationId_weekStart_idx"],
    ["Commitment", "Commitment_organizationId_weekStart_idx"],
    ["CheckIn", "CheckIn_organizationId_weekStart_idx"],
  ]) {
    await step(`week order: ${table}`, `CLUSTER "${table}" USING "${index}"`, []);
  }

  const tAnalyze = performance.now();
  await sql.query("ANALYZE");
  steps.push({ name: "ANALYZE", ms: performance.now() - tAnalyze, rows: 0 });

  for (const table of ["Team", "Membership", "TeamLeadMeasure", "LeadEntry", "LagMeasure", "LagObservation", "CheckIn", "Commitment"]) await count(table);
  const marker: Marker = {
    params,
    week,
    today,
    organizationId,
    counts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    generatedAt: new Date().toISOString(),
    migrations,
  };
  await writeMarker(sql, marker);
  for (const s of steps) log(`  ${s.name.padEnd(20)} ${(s.ms / 1000).toFixed(1).padStart(7)} s`);
  return marker;
}

/** One ROI program: a tenth of the teams take part, the next tenth is the control group. */
async function generateProgram(sql: Sql, organizationId: string, today: string, step: (name: string, text: string, values?: unknown[]) => Promise<number>) {
  const programId = randomUUID();
  const start = addDays(weekStart(today, 1), -7 * 26);
  await step(
    "program",
    `INSERT INTO "Program" ("organizationId", id, name, description, "startDate", "averageSalary")
     VALUES ($1, $2, 'Customer service training', 'Service-skills training with weekly coaching and recognition.', $3::date, 28000)`,
    [organizationId, programId, start],
  );
  await sql.query(
    `INSERT INTO "ProgramTeam" ("organizationId", "programId", "teamId", role)
     SELECT $1::uuid, $2::uuid, id, CASE WHEN idx % 10 = 1 THEN 'PARTICIPANT' ELSE 'CONTROL' END::"ProgramTeamRole" FROM b_team WHERE idx % 10 IN (1, 2)`,
    [organizationId, programId],
  );
  await sql.query(
    `INSERT INTO "ProgramCost" ("organizationId", id, "programId", category, description, "incurredOn", amount, hours, "hourlyRate", cohorts)
     SELECT $1::uuid, gen_random_uuid(), $2, c.category::"CostCategory", c.description, $3::date + c.days, c.amount, c.hours, c.rate, c.cohorts
       FROM jsonb_to_recordset($4::jsonb) AS c(category text, description text, days int, amount float8, hours float8, rate float8, cohorts int)`,
    [
      organizationId,
      programId,
      start,
      JSON.stringify([
        { category: "NEEDS_ASSESSMENT", description: "Call listening and interviews", days: -30, amount: 3500, cohorts: 1 },
        { category: "DESIGN_DEVELOPMENT", description: "Course design, shared by three cohorts", days: -21, amount: 8000, cohorts: 3 },
        { category: "DELIVERY", description: "External facilitator", days: 7, amount: 16000, cohorts: 1 },
        { category: "PARTICIPANT_TIME", description: "Participants × 8 hours off the queue", days: 7, amount: 12800, hours: 400, rate: 32, cohorts: 1 },
        { category: "TECHNOLOGY", description: "Learning platform licences", days: 0, amount: 1800, cohorts: 1 },
        { category: "SUPPORT", description: "Coaching time and recognition budget", days: 30, amount: 1500, cohorts: 1 },
        { category: "OVERHEAD", description: "Rooms and administration", days: 30, amount: 1200, cohorts: 1 },
        { category: "EVALUATION", description: "Survey analysis and the ROI study", days: 60, amount: 2000, cohorts: 1 },
      ]),
    ],
  );
  await sql.query(
    `INSERT INTO "ProgramBenefit" ("organizationId", id, "programId", name, kind, "lagMeasureId", parameters, margin, confidence, "isolationMethod", "estimateShare", "estimateConfidence", evidence)
     SELECT $1::uuid, gen_random_uuid(), $2, b.name, b.kind::"BenefitKind", l.id, b.parameters, b.margin, b.confidence, b.isolation::"IsolationMethod", b.share, b.conf, b.evidence
       FROM jsonb_to_recordset($3::jsonb) AS b(name text, kind text, lag text, parameters jsonb, margin float8, confidence float8, isolation text, share float8, conf float8, evidence text)
       LEFT JOIN b_lag l ON l.name = b.lag`,
    [
      organizationId,
      programId,
      JSON.stringify([
        {
          name: "Customers retained",
          kind: "RETENTION",
          lag: "Customer retention",
          parameters: { kind: "RETENTION", customerBase: 24000, clvMargin: 420, clvRetention: 0.86, clvDiscountRate: 0.08, clvAcquisitionCost: 150 },
          margin: 1,
          confidence: 0.8,
          isolation: "TREND_LINE",
          evidence: "Monthly retention from the billing system; CLV inputs from finance.",
        },
        {
          name: "Faster resolution",
          kind: "COST_SAVING",
          lag: "Average resolution time",
          parameters: { kind: "COST_SAVING", volumePerMonth: 30000, costPerUnit: 1.5 },
          margin: 1,
          confidence: 0.7,
          isolation: "CONTROL_GROUP",
          evidence: "Tickets a month and the cost of an open ticket-hour (finance estimate).",
        },
        {
          name: "Referrals",
          kind: "MANUAL",
          lag: null,
          parameters: { kind: "MANUAL", monthlyValue: 900 },
          margin: 0.4,
          confidence: 0.6,
          isolation: "ESTIMATE",
          share: 0.5,
          conf: 0.8,
          evidence: "CRM referral orders that name a support agent.",
        },
      ]),
    ],
  );
  await sql.query(
    `INSERT INTO "ProgramIntangible" ("organizationId", id, "programId", name, note)
     VALUES ($1::uuid, gen_random_uuid(), $2, 'Agent confidence and morale', 'Pulse survey comments.'), ($1::uuid, gen_random_uuid(), $2::uuid, 'Brand reputation', 'Not priced.')`,
    [organizationId, programId],
  );
}

/**
 * Drops a table's secondary indexes and foreign keys for a bulk load; the function returned
 * recreates them exactly (from the catalog's own definitions). One index build and one join per
 * foreign key cost far less than maintaining them row by row. The primary key stays. Should the
 * run stop in between, the marker is not written and the next run regenerates the database.
 */
async function withoutIndexes(sql: Sql, table: string): Promise<() => Promise<void>> {
  const rel = `"${table}"`;
  const fks = await sql.query<{ name: string; def: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f' ORDER BY conname`,
    [rel],
  );
  const indexes = await sql.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = $1::regclass AND NOT x.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
      ORDER BY i.relname`,
    [rel],
  );
  for (const fk of fks) await sql.query(`ALTER TABLE ${rel} DROP CONSTRAINT "${fk.name}"`);
  for (const ix of indexes) await sql.query(`DROP INDEX "${ix.name}"`);
  return async () => {
    for (const ix of indexes) await sql.query(ix.def);
    for (const fk of fks) await sql.query(`ALTER TABLE ${rel} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
  };
}

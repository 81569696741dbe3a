import "server-only";
// Recording lag measures' results (CSAT for a month, resolution time for a week…). A result is
// identified by its measure, its team (or none: organization-wide) and its date — a unique key
// of the table, which every write upserts on: recording it again replaces it, so repeating an
// import or a form submit changes nothing. Managers and up only; every write is audited; bulk
// writes are all or nothing.
import * as clock from "@/lib/clock";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EntrySource } from "@/lib/generated/prisma/enums";
import { allowLongStatements } from "@/lib/db/budget";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireLagWriter } from "@/lib/auth/permissions";
import { isCalendarDay, OUT_OF_RANGE_MESSAGE } from "@/lib/domain/calendar/range";
import { daysBetween, localDay, type IsoDate } from "@/lib/domain/calendar/weeks";
import { notFound, parseOrThrow, problemsError, validationError, type Problem } from "@/lib/errors";
import { lagValueSchema, MAX_NOTE_LENGTH, recordLagObservationSchema } from "@/lib/schemas/lagObservation";
import { textProblem } from "@/lib/schemas/text";
import type { ImportChanges } from "@/lib/csv/changes";
import { activeTeams } from "@/lib/queries/activeTeams";
import { lagObservationChanges } from "@/lib/queries/lagObservationChanges";
import { recordAudit } from "./audit";

type Tx = Prisma.TransactionClient;

export type LagMeasureRule = { id: string; name: string; teamId: string | null; archived: boolean };

/** The organization's lag measures and active teams, loaded once per request or import. */
export type LagRules = {
  organizationId: string;
  today: IsoDate;
  measures: Map<string, LagMeasureRule>;
  teams: Map<string, { id: string; name: string }>;
};

export async function loadLagRules(db: Db, ctx: TenantContext, now: Date = clock.now()): Promise<LagRules> {
  const organizationId = ctx.organizationId;
  const [measures, teams] = await Promise.all([
    db.lagMeasure.findMany({ where: { organizationId }, select: { id: true, name: true, teamId: true, archivedAt: true } }),
    activeTeams(db, organizationId),
  ]);
  return {
    organizationId,
    today: localDay(now, ctx.organization.timeZone),
    measures: new Map(measures.map((m) => [m.id, { id: m.id, name: m.name, teamId: m.teamId, archived: m.archivedAt != null }])),
    teams: new Map(teams.map((t) => [t.id, t])),
  };
}

export type LagObservationWrite = { lagMeasureId: string; teamId: string | null; observedOn: IsoDate; value: number; note?: string };

export type LagVerdict = { notFound?: { field: string; message: string }; fields: Record<string, string> };

/** May this result be recorded? Shape (uuids, ISO date) is checked by the schema before this. */
export function checkLagObservation(rules: LagRules, obs: LagObservationWrite): LagVerdict {
  const fields: Record<string, string> = {};
  const measure = rules.measures.get(obs.lagMeasureId);
  if (!measure) return { notFound: { field: "lagMeasureId", message: "Lag measure not found." }, fields };
  if (obs.teamId != null && !rules.teams.has(obs.teamId)) return { notFound: { field: "teamId", message: "Team not found." }, fields };
  if (measure.archived) fields.lagMeasureId = "This lag measure is archived; it takes no new results.";
  if (measure.teamId && obs.teamId && obs.teamId !== measure.teamId) {
    const owner = rules.teams.get(measure.teamId)?.name ?? "another team";
    fields.teamId = `This measure belongs to ${owner}: leave the team empty or choose ${owner}.`;
  }
  // The schemas and the CSV reader check the calendar range and the note's characters; checked
  // again here, where every write passes, so no caller can store a day or text outside them.
  if (!isCalendarDay(obs.observedOn)) fields.observedOn = OUT_OF_RANGE_MESSAGE;
  else if (daysBetween(rules.today, obs.observedOn) > 0) fields.observedOn = "Can't be in the future.";
  const value = lagValueSchema.safeParse(obs.value);
  if (!value.success) fields.value = value.error.issues[0]!.message;
  const noteProblem = textProblem(obs.note ?? "");
  if (noteProblem) fields.note = noteProblem;
  else if ((obs.note ?? "").length > MAX_NOTE_LENGTH) fields.note = `Keep the note under ${MAX_NOTE_LENGTH} characters.`;
  return { fields };
}

/** A team's measure records results for that team, whether or not the team was named. */
function normalized(rules: LagRules, obs: LagObservationWrite): LagObservationWrite {
  const owner = rules.measures.get(obs.lagMeasureId)?.teamId;
  return owner ? { ...obs, teamId: owner } : obs;
}

export function lagProblemsOf(rules: LagRules, rows: readonly LagObservationWrite[]): Problem[] {
  const problems: Problem[] = [];
  rows.forEach((obs, index) => {
    const v = checkLagObservation(rules, obs);
    if (v.notFound) problems.push({ index, ...v.notFound });
    for (const [field, message] of Object.entries(v.fields)) problems.push({ index, field, message });
  });
  return problems;
}

const keyOf = (o: Pick<LagObservationWrite, "lagMeasureId" | "teamId" | "observedOn">) => `${o.lagMeasureId}|${o.teamId ?? ""}|${o.observedOn}`;

type PreviousRow = { id: string; lagMeasureId: string; teamId: string | null; observedOn: string; value: number; note: string };
type WrittenRow = { id: string; lagMeasureId: string; teamId: string | null; observedOn: string; inserted: boolean };

/**
 * Writes these results in one statement, each replacing the result with its key: an upsert on
 * the unique key (organization, measure, team, date) — NULLS NOT DISTINCT, so an
 * organization-wide result has a key too — so two writers at once cannot both insert. A replaced
 * result keeps its id. `withPrevious` also reads (and locks) the results about to be replaced,
 * for a per-row audit. The chunk holds each key once.
 */
async function upsertChunk(tx: Tx, ctx: TenantContext, chunk: readonly LagObservationWrite[], source: EntrySource, withPrevious: boolean) {
  const organizationId = ctx.organizationId;
  const measures = chunk.map((o) => o.lagMeasureId);
  // Team ids go as text so an organization-wide result (no team) can travel in the array.
  const teams = chunk.map((o) => o.teamId ?? "");
  const dates = chunk.map((o) => o.observedOn);
  let previous: PreviousRow[] = [];
  if (withPrevious) {
    previous = await tx.$queryRaw<PreviousRow[]>`
      SELECT o.id, o."lagMeasureId", o."teamId", to_char(o."observedOn", 'YYYY-MM-DD') AS "observedOn", o.value, o.note
        FROM "LagObservation" o
        JOIN unnest(${measures}::uuid[], ${teams}::text[], ${dates}::date[]) AS k(measure_id, team_id, observed_on)
          ON o."lagMeasureId" = k.measure_id AND o."teamId" IS NOT DISTINCT FROM nullif(k.team_id, '')::uuid AND o."observedOn" = k.observed_on
       WHERE o."organizationId" = ${organizationId}::uuid
         FOR UPDATE OF o`;
  }
  const written = await tx.$queryRaw<WrittenRow[]>`
    INSERT INTO "LagObservation" ("organizationId", "id", "lagMeasureId", "teamId", "observedOn", "value", "note", "source", "createdById")
    SELECT ${organizationId}::uuid, k.id, k.measure_id, nullif(k.team_id, '')::uuid, k.observed_on, k.value, k.note,
           ${source}::"EntrySource", ${ctx.userId}::uuid
      FROM unnest(${chunk.map(() => randomUUID())}::uuid[], ${measures}::uuid[], ${teams}::text[],
                  ${dates}::date[], ${chunk.map((o) => o.value)}::float8[], ${chunk.map((o) => o.note ?? "")}::text[])
           AS k(id, measure_id, team_id, observed_on, value, note)
    ON CONFLICT ("organizationId", "lagMeasureId", "teamId", "observedOn") DO UPDATE
       SET "value" = EXCLUDED."value", "note" = EXCLUDED."note", "source" = EXCLUDED."source",
           "createdById" = EXCLUDED."createdById", "createdAt" = EXCLUDED."createdAt"
    RETURNING id, "lagMeasureId", "teamId", to_char("observedOn", 'YYYY-MM-DD') AS "observedOn", (xmax = 0) AS inserted`;
  const idByKey = new Map(written.map((r) => [keyOf(r), r.id]));
  return {
    previous,
    ids: chunk.map((o) => idByKey.get(keyOf(o))!),
    replaced: written.filter((r) => !r.inserted).length,
  };
}

export type SetLagResult = { written: number; replaced: number; changes?: ImportChanges };

const CHUNK = 5_000;

/**
 * Records each result, replacing any result with the same measure, team and date. All or
 * nothing: one bad row → a validation error listing every bad row (by index), nothing written.
 * Within `rows`, the last result for a key wins.
 */
export async function setLagObservations(
  db: Db,
  ctx: TenantContext,
  rows: readonly LagObservationWrite[],
  opts: {
    source: EntrySource;
    now?: Date;
    rules?: LagRules;
    onProgress?: (done: number, total: number) => void;
    auditNote?: string;
    chunkSize?: number;
    /** Also count, before writing, the results created, replaced and left unchanged (an import's result). */
    countChanges?: boolean;
  },
): Promise<SetLagResult> {
  requireLagWriter(ctx.role);
  const rules = opts.rules ?? (await loadLagRules(db, ctx, opts.now));
  const problems = lagProblemsOf(rules, rows);
  if (problems.length > 0) throw problemsError(problems);
  const byKey = new Map<string, LagObservationWrite>();
  for (const row of rows) {
    const n = normalized(rules, row);
    byKey.set(keyOf(n), n);
  }
  // In key order, so two batches that share keys lock them in the same order.
  const unique = [...byKey.keys()].sort().map((k) => byKey.get(k)!);
  const chunkSize = opts.chunkSize ?? CHUNK;
  const perRowAudit = opts.source !== "CSV";

  return db.$transaction(
    async (tx) => {
      // A year of a large organization may take minutes: exempt from the web statement timeout.
      await allowLongStatements(tx, 10 * 60_000);
      const changes = opts.countChanges
        ? await lagObservationChanges(tx, ctx.organizationId, unique.map((o, i) => ({ ...o, row: i + 1 })))
        : undefined;
      let replaced = 0;
      for (let i = 0; i < unique.length; i += chunkSize) {
        const chunk = unique.slice(i, i + chunkSize);
        const { previous, ids, replaced: n } = await upsertChunk(tx, ctx, chunk, opts.source, perRowAudit);
        replaced += n;
        if (perRowAudit) {
          const beforeByKey = new Map<string, PreviousRow[]>();
          for (const r of previous) beforeByKey.set(keyOf(r), [...(beforeByKey.get(keyOf(r)) ?? []), r]);
          await tx.auditEvent.createMany({
            data: chunk.map((o, n) => {
              const before = beforeByKey.get(keyOf(o)) ?? [];
              return {
                organizationId: ctx.organizationId,
                actorId: ctx.userId,
                action: "lag_observation.set",
                entityType: "LagObservation",
                entityId: ids[n]!,
                before: before.length ? (JSON.parse(JSON.stringify(before)) as Prisma.InputJsonValue) : Prisma.DbNull,
                after: { ...o, id: ids[n], source: opts.source } as Prisma.InputJsonValue,
              };
            }),
          });
        }
        opts.onProgress?.(Math.min(i + chunkSize, unique.length), unique.length);
      }
      if (!perRowAudit) {
        await recordAudit(tx, ctx, {
          action: "lag_observations.import",
          entityType: "LagObservation",
          entityId: opts.auditNote ?? "import",
          after: { rows: unique.length, written: unique.length, replaced, source: opts.source },
        });
      }
      return { written: unique.length, replaced, changes };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

export type LagObservationView = LagObservationWrite & { id: string; note: string };

/**
 * Records one result (the measure page's form, the API). Another organization's measure or team
 * is a 404, a member's attempt a 403, anything else wrong a 400 with field messages.
 */
export async function recordLagObservation(
  db: Db,
  ctx: TenantContext,
  raw: unknown,
  now: Date = clock.now(),
  source: EntrySource = "MANUAL",
): Promise<{ observation: LagObservationView; replaced: number }> {
  requireLagWriter(ctx.role);
  const input = parseOrThrow(recordLagObservationSchema, raw);
  const rules = await loadLagRules(db, ctx, now);
  const verdict = checkLagObservation(rules, input);
  if (verdict.notFound) throw notFound(verdict.notFound.message);
  if (Object.keys(verdict.fields).length > 0) {
    throw validationError(Object.fromEntries(Object.entries(verdict.fields).map(([k, m]) => [k, [m]])));
  }
  const obs = normalized(rules, input);
  return db.$transaction(async (tx) => {
    const { previous, ids, replaced } = await upsertChunk(tx, ctx, [obs], source, true);
    const observation = { ...obs, note: obs.note ?? "", id: ids[0]! };
    await recordAudit(tx, ctx, {
      action: "lag_observation.set",
      entityType: "LagObservation",
      entityId: observation.id,
      before: previous.length ? { rows: previous } : null,
      after: observation,
    });
    return { observation, replaced };
  });
}

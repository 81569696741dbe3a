import "server-only";
// The CSV template of each import kind: the header row exactly as the importer reads it, then a
// few example rows in the organization's own names (its teams, people, measures), each checked
// against the same rules the import checks, so the file imports as it is downloaded.
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import { requireImporter } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { CsvCell } from "@/lib/csv/format";
import { LAG_OBSERVATION_COLUMNS } from "@/lib/csv/lagObservationColumns";
import { LEAD_ENTRY_COLUMNS } from "@/lib/csv/leadEntryColumns";
import type { ImportKind } from "@/lib/csv/options";
import { addDays } from "@/lib/domain/calendar/weeks";
import { checkLagObservation, loadLagRules } from "@/lib/services/lagObservations";
import { checkCell, loadEntryRules, verdictOk } from "@/lib/services/leadRules";

/** Example rows in a template: enough to show the shape, few enough to replace by hand. */
export const TEMPLATE_ROWS = 3;

export type ImportTemplate = { fileName: string; header: string[]; rows: CsvCell[][] };

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, "en");
/** Example notes: one row shows that the column takes text; the others leave it empty. */
const NOTES = ["", "optional note", ""];

export async function importTemplate(db: Db, ctx: TenantContext, kind: ImportKind, now = clock.now()): Promise<ImportTemplate> {
  requireImporter(ctx.role, kind);
  const fileName = `${kind}-template.csv`;
  if (kind === "lead-entries") {
    return { fileName, header: LEAD_ENTRY_COLUMNS.map((c) => c.header), rows: await leadRows(db, ctx, now) };
  }
  return { fileName, header: LAG_OBSERVATION_COLUMNS.map((c) => c.header), rows: await lagRows(db, ctx, now) };
}

/**
 * A row per team, round by round (each team's first person and measure, then its second…), until
 * there are three, each on another day before today, in columns email, team, measure, date,
 * value, note.
 */
async function leadRows(db: Db, ctx: TenantContext, now: Date): Promise<CsvCell[][]> {
  const rules = await loadEntryRules(db, ctx, now);
  const emailOf = new Map([...rules.peopleByEmail].map(([email, id]) => [id, email]));
  const teams = [...rules.teams.values()].sort(byName).map((t) => ({
    name: t.name,
    id: t.id,
    people: [...t.members].flatMap((id) => (emailOf.has(id) ? [{ id, email: emailOf.get(id)! }] : [])).sort((a, b) => a.email.localeCompare(b.email)),
    measures: [...t.measures.values()].filter((m) => !m.archived).sort(byName),
  }));
  const rows: CsvCell[][] = [];
  for (let round = 0; round < TEMPLATE_ROWS; round++) {
    for (const team of teams) {
      if (rows.length === TEMPLATE_ROWS) return rows;
      const person = team.people[round];
      const measure = team.measures[round % team.measures.length];
      if (!person || !measure) continue;
      const n = rows.length;
      const entryDate = addDays(rules.today, -1 - n);
      const value = measure.aggregation === "COUNT" ? [2, 3, 1][n]! : [1.5, 2, 0.5][n]!;
      if (!verdictOk(checkCell(rules, ctx, { userId: person.id, teamId: team.id, leadMeasureId: measure.id, entryDate, value }))) continue;
      rows.push([{ text: person.email }, { text: team.name }, { text: measure.name }, { raw: entryDate }, { number: value }, { text: NOTES[n]! }]);
    }
  }
  return rows;
}

/**
 * One row per lag measure (the first three by name), in columns measure, team, date, value,
 * note: a team's own measure names its team, an organization-wide one leaves it empty; the value
 * is the measure's baseline, a number in its own unit.
 */
async function lagRows(db: Db, ctx: TenantContext, now: Date): Promise<CsvCell[][]> {
  const rules = await loadLagRules(db, ctx, now);
  const measures = await db.lagMeasure.findMany({
    where: { organizationId: ctx.organizationId, archivedAt: null },
    select: { id: true, name: true, teamId: true, baselineValue: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const rows: CsvCell[][] = [];
  for (const m of measures) {
    if (rows.length === TEMPLATE_ROWS) break;
    const observedOn = addDays(rules.today, -1 - rows.length);
    const write = { lagMeasureId: m.id, teamId: m.teamId, observedOn, value: m.baselineValue, note: NOTES[rows.length]! };
    const verdict = checkLagObservation(rules, write);
    if (verdict.notFound || Object.keys(verdict.fields).length > 0) continue;
    const team = m.teamId ? rules.teams.get(m.teamId)?.name : "";
    if (team === undefined) continue; // the measure's team is archived
    rows.push([{ text: m.name }, { text: team }, { raw: observedOn }, { number: m.baselineValue }, { text: write.note }]);
  }
  return rows;
}

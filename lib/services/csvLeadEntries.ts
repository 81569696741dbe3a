// Reading a lead-entry CSV into the cells setLeadCells writes, checking every row against the
// organization's rules (loaded once by loadEntryRules), so the preview lists the same problems
// the commit would refuse. Pure: nothing here touches the database.
import type { TenantContext } from "@/lib/auth/tenant";
import { formatNumber } from "@/lib/domain/format";
import { MAX_ENTRY_VALUE } from "@/lib/schemas/leadEntry";
import { LEAD_ENTRY_COLUMNS, type LeadField } from "@/lib/csv/leadEntryColumns";
import type { ReadOptions, RequestedMapping } from "@/lib/csv/options";
import type { ParsedCsv } from "@/lib/csv/parse";
import { checkRows, looksLikeSplitNumber, nameIndex, SPLIT_NUMBER_MESSAGE, type ImportCheck } from "@/lib/csv/rows";
import { readDate, readNumber, readText } from "@/lib/csv/values";
import { checkCell, verdictMessages, type EntryRules } from "./leadRules";
import type { CellWrite } from "./leadEntries";

/** Which column a rule problem from checkCell belongs to. */
const CELL_FIELD: Record<string, LeadField> = { userId: "email", teamId: "team", leadMeasureId: "measure", entryDate: "date", value: "value" };

export type LeadEntryCheck = ImportCheck<LeadField, CellWrite>;

/** Reads and checks every row; nothing here touches the database. */
export function checkLeadEntries(
  parsed: ParsedCsv,
  opts: ReadOptions & { mapping?: RequestedMapping },
  rules: EntryRules,
  ctx: TenantContext,
): LeadEntryCheck {
  const findTeam = nameIndex(rules.teams.values());
  const findMeasure = nameIndex(rules.measures.values());
  return checkRows(parsed, LEAD_ENTRY_COLUMNS, opts.mapping, (raw, { bad, any }, file) => {
    const email = readText(raw.email).toLowerCase();
    const userId = email ? rules.peopleByEmail.get(email) : undefined;
    if (!email) bad("email", "Enter the person's email address.");
    else if (!userId) bad("email", `No member of this organization has the email "${email}".`);

    const teamName = readText(raw.team);
    const team = teamName ? findTeam(teamName) : undefined;
    if (!teamName) bad("team", "Enter the team's name.");
    else if (!team) bad("team", `There is no active team named "${teamName}".`);

    const measureName = readText(raw.measure);
    const measure = measureName ? findMeasure(measureName) : undefined;
    if (!measureName) bad("measure", "Enter the lead measure's name.");
    else if (!measure) bad("measure", `There is no lead measure named "${measureName}".`);

    const date = readDate(raw.date, opts.dateOrder);
    if (!date.ok) bad("date", date.message);

    const value = readNumber(raw.value, opts.decimalMark);
    if (!value.ok) bad("value", value.message);
    else if (looksLikeSplitNumber(file.delimiter, file.mapping.value, file.mapping.note, raw.value, raw.note)) bad("value", SPLIT_NUMBER_MESSAGE);
    else if (value.value < 0) bad("value", "Must be zero or more.");
    else if (value.value > MAX_ENTRY_VALUE) bad("value", `Must be at most ${formatNumber(MAX_ENTRY_VALUE, "en-US")}.`);

    const note = readText(raw.note);
    if (note.length > 500) bad("note", "Keep the note under 500 characters.");

    if (any() || !userId || !team || !measure || !date.ok || !value.ok) return null;

    const cell: CellWrite = { userId, teamId: team.id, leadMeasureId: measure.id, entryDate: date.value, value: value.value, note };
    for (const v of verdictMessages(checkCell(rules, ctx, cell))) bad(CELL_FIELD[v.field] ?? "email", v.message);

    return {
      write: cell,
      key: `${userId}|${measure.id}|${date.value}`,
      sample: { email, team: team.name, measure: measure.name, date: date.value, value: String(value.value), note },
      duplicateOf: (first) =>
        `Row ${first} already sets ${email}, ${measure.name} on ${date.value}. Each person, measure and day may appear once: add the values up in one row.`,
    };
  });
}

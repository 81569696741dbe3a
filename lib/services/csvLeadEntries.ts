// Reading a lead-entry CSV into the cells setLeadCells writes, checking every row against the
// organization's rules (loaded once by loadEntryRules), so the preview lists the same problems
// the commit would refuse. Pure: nothing here touches the database.
//
// A 100,000-row file repeats a few hundred people, a few teams and measures and a few hundred
// days, so each distinct text is read once (names looked up, dates and numbers parsed) and every
// later row reuses the answer; only the rule check runs per row.
import type { TenantContext } from "@/lib/auth/tenant";
import { formatNumber } from "@/lib/domain/format";
import { MAX_ENTRY_VALUE } from "@/lib/schemas/leadEntry";
import { LEAD_ENTRY_COLUMNS, type LeadField } from "@/lib/csv/leadEntryColumns";
import type { ReadOptions, RequestedMapping } from "@/lib/csv/options";
import type { ParsedCsv } from "@/lib/csv/parse";
import { checkRows, looksLikeSplitNumber, nameIndex, SPLIT_NUMBER_MESSAGE, type CheckedRow, type ImportCheck } from "@/lib/csv/rows";
import { readDate, readFreeText, readNumber, readText, type Read } from "@/lib/csv/values";
import { epochDay, type IsoDate } from "@/lib/domain/calendar/weeks";
import { checkCell, verdictMessages, verdictOk, type EntryRules, type MeasureRule } from "./leadRules";
import type { CellWrite } from "./leadEntries";

/** Which column a rule problem from checkCell belongs to. */
const CELL_FIELD: Record<string, LeadField> = { userId: "email", teamId: "team", leadMeasureId: "measure", entryDate: "date", value: "value" };

export type LeadEntryCheck = ImportCheck<LeadField, CellWrite>;

/** `read` answered once per distinct text. */
function memo<T>(read: (raw: string) => T): (raw: string) => T {
  const answers = new Map<string, T>();
  return (raw) => {
    let answer = answers.get(raw);
    if (answer === undefined) {
      answer = read(raw);
      answers.set(raw, answer);
    }
    return answer;
  };
}

type Team = { id: string; name: string };

/** A row that passed every check: the cell it writes, and how it shows in the preview. */
class GoodRow implements CheckedRow<LeadField, CellWrite> {
  constructor(
    readonly write: CellWrite,
    readonly key: number | string,
    private readonly email: string,
    private readonly team: Team,
    private readonly measure: MeasureRule,
  ) {}

  get sample(): Record<LeadField, string> {
    const { entryDate, value, note = "" } = this.write;
    return { email: this.email, team: this.team.name, measure: this.measure.name, date: entryDate, value: String(value), note };
  }

  duplicateOf(first: number): string {
    return `Row ${first} already sets ${this.email}, ${this.measure.name} on ${this.write.entryDate}. Each person, measure and day may appear once: add the values up in one row.`;
  }
}


/** Dates from 0000-01-01 to 9999-12-31 are within ±2^22 days of 1970. */
const DAY_SPAN = 2 ** 23;

/**
 * The key of a cell (person, measure, day), which no two rows may share: a number when the
 * organization's people × measures × days fit in one (always, in practice), else a string.
 */
function cellKeys(rules: EntryRules): (userId: string, measureId: string, day: IsoDate, dayNum: number) => number | string {
  const people = new Map([...rules.members].map((id, i) => [id, i]));
  const measures = new Map([...rules.measures.keys()].map((id, i) => [id, i]));
  if (people.size * measures.size * DAY_SPAN >= Number.MAX_SAFE_INTEGER) return (userId, measureId, day) => `${userId}|${measureId}|${day}`;
  return (userId, measureId, day, dayNum) => {
    const p = people.get(userId);
    const m = measures.get(measureId);
    if (p === undefined || m === undefined) return `${userId}|${measureId}|${day}`;
    return (p * measures.size + m) * DAY_SPAN + dayNum + DAY_SPAN / 2;
  };
}

/** Reads and checks every row; nothing here touches the database. */
export function checkLeadEntries(
  parsed: ParsedCsv,
  opts: ReadOptions & { mapping?: RequestedMapping },
  rules: EntryRules,
  ctx: TenantContext,
): LeadEntryCheck {
  const findTeam = nameIndex(rules.teams.values());
  const findMeasure = nameIndex(rules.measures.values());
  const person = memo((raw) => {
    const email = readText(raw).toLowerCase();
    return { email, userId: email ? rules.peopleByEmail.get(email) : undefined };
  });
  const team = memo((raw) => {
    const name = readText(raw);
    return { name, team: name ? findTeam(name) : undefined };
  });
  const measure = memo((raw) => {
    const name = readText(raw);
    return { name, measure: name ? findMeasure(name) : undefined };
  });
  const date = memo((raw): Read<IsoDate> & { day?: number } => {
    const read = readDate(raw, opts.dateOrder);
    return read.ok ? { ...read, day: epochDay(read.value) } : read;
  });
  const cellKey = cellKeys(rules);
  const number = memo((raw): Read<number> => readNumber(raw, opts.decimalMark));

  return checkRows(parsed, LEAD_ENTRY_COLUMNS, opts.mapping, (raw, { bad, any }, file) => {
    const { email, userId } = person(raw.email);
    if (!email) bad("email", "Enter the person's email address.");
    else if (!userId) bad("email", `No member of this organization has the email "${email}".`);

    const t = team(raw.team);
    if (!t.name) bad("team", "Enter the team's name.");
    else if (!t.team) bad("team", `There is no active team named "${t.name}".`);

    const m = measure(raw.measure);
    if (!m.name) bad("measure", "Enter the lead measure's name.");
    else if (!m.measure) bad("measure", `There is no lead measure named "${m.name}".`);

    const day = date(raw.date);
    if (!day.ok) bad("date", day.message);

    const value = number(raw.value);
    if (!value.ok) bad("value", value.message);
    else if (looksLikeSplitNumber(file.delimiter, file.mapping.value, file.mapping.note, raw.value, raw.note)) bad("value", SPLIT_NUMBER_MESSAGE);
    else if (value.value < 0) bad("value", "Must be zero or more.");
    else if (value.value > MAX_ENTRY_VALUE) bad("value", `Must be at most ${formatNumber(MAX_ENTRY_VALUE, "en-US")}.`);

    const noteRead: Read<string> = raw.note === "" ? { ok: true, value: "" } : readFreeText(raw.note);
    const note = noteRead.ok ? noteRead.value : "";
    if (!noteRead.ok) bad("note", noteRead.message);
    else if (note.length > 500) bad("note", "Keep the note under 500 characters.");

    if (any() || !userId || !t.team || !m.measure || !day.ok || !value.ok) return null;

    const cell: CellWrite = { userId, teamId: t.team.id, leadMeasureId: m.measure.id, entryDate: day.value, value: value.value, note };
    const verdict = checkCell(rules, ctx, cell);
    if (!verdictOk(verdict)) for (const v of verdictMessages(verdict)) bad(CELL_FIELD[v.field] ?? "email", v.message);

    return new GoodRow(cell, cellKey(userId, m.measure.id, day.value, day.day!), email, t.team, m.measure);
  });
}

// Reading a lag-observation CSV into the rows setLagObservations writes, checking each against
// the organization's measures and teams (loaded once by loadLagRules). Pure: nothing here
// touches the database.
import { MAX_LAG_VALUE, MAX_NOTE_LENGTH } from "@/lib/schemas/lagObservation";
import { LAG_OBSERVATION_COLUMNS, type LagField } from "@/lib/csv/lagObservationColumns";
import type { ReadOptions, RequestedMapping } from "@/lib/csv/options";
import type { ParsedCsv } from "@/lib/csv/parse";
import { checkRows, looksLikeSplitNumber, nameIndex, SPLIT_NUMBER_MESSAGE, type ImportCheck } from "@/lib/csv/rows";
import { readDate, readFreeText, readNumber, readText } from "@/lib/csv/values";
import { checkLagObservation, type LagObservationWrite, type LagRules } from "./lagObservations";

const OBS_FIELD: Record<string, LagField> = { lagMeasureId: "measure", teamId: "team", observedOn: "date", value: "value", note: "note" };

export type LagObservationCheck = ImportCheck<LagField, LagObservationWrite>;

export function checkLagObservations(
  parsed: ParsedCsv,
  opts: ReadOptions & { mapping?: RequestedMapping },
  rules: LagRules,
): LagObservationCheck {
  const findMeasure = nameIndex(rules.measures.values());
  const findTeam = nameIndex(rules.teams.values());
  return checkRows(parsed, LAG_OBSERVATION_COLUMNS, opts.mapping, (raw, { bad, any }, file) => {
    const measureName = readText(raw.measure);
    const measure = measureName ? findMeasure(measureName) : undefined;
    if (!measureName) bad("measure", "Enter the lag measure's name.");
    else if (!measure) bad("measure", `There is no lag measure named "${measureName}".`);

    const teamName = readText(raw.team);
    const team = teamName ? findTeam(teamName) : undefined;
    if (teamName && !team) bad("team", `There is no active team named "${teamName}". Leave it empty for the whole organization.`);

    const date = readDate(raw.date, opts.dateOrder);
    if (!date.ok) bad("date", date.message);

    const value = readNumber(raw.value, opts.decimalMark);
    if (!value.ok) bad("value", value.message);
    else if (looksLikeSplitNumber(file.delimiter, file.mapping.value, file.mapping.note, raw.value, raw.note)) bad("value", SPLIT_NUMBER_MESSAGE);
    else if (Math.abs(value.value) > MAX_LAG_VALUE) bad("value", "That number is too large.");

    const noteRead = readFreeText(raw.note);
    const note = noteRead.ok ? noteRead.value : "";
    if (!noteRead.ok) bad("note", noteRead.message);
    else if (note.length > MAX_NOTE_LENGTH) bad("note", `Keep the note under ${MAX_NOTE_LENGTH} characters.`);

    if (any() || !measure || !date.ok || !value.ok) return null;

    const write: LagObservationWrite = {
      lagMeasureId: measure.id,
      // A team's own measure records for that team even when the column is empty.
      teamId: team?.id ?? measure.teamId,
      observedOn: date.value,
      value: value.value,
      note,
    };
    const verdict = checkLagObservation(rules, write);
    if (verdict.notFound) bad(OBS_FIELD[verdict.notFound.field] ?? "measure", verdict.notFound.message);
    for (const [field, message] of Object.entries(verdict.fields)) bad(OBS_FIELD[field] ?? "measure", message);

    const teamLabel = write.teamId ? rules.teams.get(write.teamId)?.name ?? "" : "";
    return {
      write,
      key: `${write.lagMeasureId}|${write.teamId ?? ""}|${write.observedOn}`,
      sample: { measure: measure.name, team: teamLabel, date: write.observedOn, value: String(write.value), note },
      duplicateOf: (first) =>
        `Row ${first} already gives ${measure.name}${teamLabel ? ` for ${teamLabel}` : ""} on ${write.observedOn}. Each measure, team and date may appear once.`,
    };
  });
}

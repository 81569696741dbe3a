// Response of the CSV import preview (the commit streams NDJSON lines, documented in words).
import { z } from "zod";
import { IMPORT_KINDS } from "@/lib/csv/options";
import { count, day } from "./fields";

export const importPreviewSchema = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()).describe("The file's header row."),
  mapping: z.record(z.string(), count.nullable()).describe("Field → the 0-based column that holds it; null: not in the file."),
  columns: z.array(z.strictObject({ field: z.string(), header: z.string(), required: z.boolean(), description: z.string() })).describe("The columns the importer reads."),
  rowCount: count,
  readyCount: count.describe("Rows that passed every check."),
  problemCount: count,
  problems: z
    .array(z.strictObject({ row: count.nullable(), column: z.string().nullable(), message: z.string() }))
    .describe("The first problems, in row order; row null: the whole file."),
  warnings: z.array(z.string()),
  sample: z.array(z.strictObject({ row: count, values: z.record(z.string(), z.string()) })).describe("The first rows as read."),
  ready: z.boolean().describe("True when the commit would import every row."),
  creates: count.describe("Ready rows with nothing there yet: they add a new entry or result."),
  replaces: count.describe("Ready rows that replace an earlier entry or result with another value, note or (lead entries) team."),
  unchanged: count.describe("Ready rows that write exactly what is already there."),
  replaced: z
    .array(
      z.strictObject({
        row: count.describe("The file's row (the header is row 1)."),
        person: z.string().nullable().describe("Whose entry; null for lag results."),
        team: z.string().nullable().describe("The team; null for an organization-wide result."),
        teamBefore: z
          .string()
          .nullable()
          .describe("The team (or teams, comma-separated) the earlier entries are in when the row moves them to `team`; null when the team stays."),
        measure: z.string(),
        date: day,
        before: z.number().describe("What is there now (a lead cell's entries summed)."),
        after: z.number().describe("What the row writes."),
        noteChanged: z.boolean().describe("The note changes too (or alone, when before equals after)."),
      }),
    )
    .describe("The first rows that replace an earlier value, in file order."),
});

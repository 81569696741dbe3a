// Response of the CSV import preview (the commit streams NDJSON lines, documented in words).
import { z } from "zod";
import { IMPORT_KINDS } from "@/lib/csv/options";
import { count } from "./fields";

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
});

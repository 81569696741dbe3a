// The one error shape of the API: {"error":{"code","message","details"}}. Every refusal, from any
// endpoint, has it (lib/errors.ts makes it).
import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import { count } from "./fields";

export const ERROR_CODES = [
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "unsupported_media_type",
  "rate_limited",
  "unavailable",
  "internal",
] as const satisfies readonly ErrorCode[];
// Every code the app can throw is listed above (this line fails to compile otherwise).
const _everyCode: readonly (typeof ERROR_CODES)[number][] = [] as ErrorCode[];

const batchProblem = z.strictObject({ index: count.describe("The item's index in the request."), field: z.string(), message: z.string() });
const rowProblem = z.strictObject({
  row: count.nullable().describe("The row as a spreadsheet shows it (the header is row 1); null: the whole file."),
  column: z.string().nullable().describe("The column's header as written in the file."),
  message: z.string(),
});

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODES),
      message: z.string().describe("A sentence for people; do not parse it."),
      details: z
        .strictObject({
          fieldErrors: z.record(z.string(), z.array(z.string())).optional().describe("Messages by field (nested fields joined with dots; `_form`: the body as a whole)."),
          problems: z
            .array(z.union([batchProblem, rowProblem]))
            .optional()
            .describe("Problems by item index (batches) or by row and column (CSV files)."),
          problemCount: count.optional().describe("All problems found; the first ones are listed."),
          unknownEmails: z.array(z.string()).optional().describe("Emails that name no member of the organization."),
        })
        .optional()
        .describe("Present for validation errors: field messages for single objects, problems by index for batches, by row for files."),
    }),
  })
  .meta({ example: { error: { code: "validation_failed", message: "Some fields need attention.", details: { fieldErrors: { value: ["Must be zero or more."] } } } } });

// Input of "log a lead entry", shared by the browser form and the server. FormData values are
// strings: numbers are parsed here, and an empty field is "required", never zero.
import { z } from "zod";
import { formatNumber } from "@/lib/domain/format";
import { blankToUndefined, formDate, numberFromText } from "./formData";
import { text } from "./text";


export const MAX_ENTRY_VALUE = 10_000;

export const createLeadEntrySchema = z.object({
  teamId: z.uuid({ error: "Choose a team." }),
  leadMeasureId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose a measure." })),
  /** The person the entry is for; defaults to the signed-in user. */
  userId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose a person." }).optional()),
  entryDate: formDate("a date"),
  value: z.preprocess(
    numberFromText,
    z
      .number({ error: "Enter a number." })
      .refine(Number.isFinite, "Enter a number.")
      .min(0, "Must be zero or more.")
      .max(MAX_ENTRY_VALUE, `Must be at most ${formatNumber(MAX_ENTRY_VALUE, "en-US")}.`),
  ),
  note: z.preprocess(
    (v) => (v == null ? "" : v),
    text().trim().max(500, "Keep the note under 500 characters."),
  ),
  idempotencyKey: z.preprocess(
    blankToUndefined,
    text().min(8, "Idempotency key is too short.").max(100, "Idempotency key is too long.").optional(),
  ),
});

export type CreateLeadEntryInput = z.input<typeof createLeadEntrySchema>;
export type CreateLeadEntry = z.output<typeof createLeadEntrySchema>;

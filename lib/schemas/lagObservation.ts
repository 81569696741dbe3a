// Input of "record a lag measure's result", shared by forms and the server. FormData values are
// strings: numbers are parsed here, and an empty field is "required", never zero.
import { z } from "zod";
import { blankToUndefined, formDate, numberFromText } from "./formData";
import { text } from "./text";


/** Large enough for revenue in any currency, small enough to catch a pasted row of digits. */
export const MAX_LAG_VALUE = 1e12;
export const MAX_NOTE_LENGTH = 500;

export const lagValueSchema = z
  .number({ error: "Enter a number." })
  .refine(Number.isFinite, "Enter a number.")
  .refine((v) => Math.abs(v) <= MAX_LAG_VALUE, "That number is too large.");

export const recordLagObservationSchema = z.object({
  lagMeasureId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose a lag measure." })),
  /** The team the value is for; empty = the organization as a whole. */
  teamId: z.preprocess((v) => blankToUndefined(v) ?? null, z.uuid({ error: "Choose a team." }).nullable()),
  observedOn: formDate("a date"),
  value: z.preprocess(numberFromText, lagValueSchema),
  note: z.preprocess(
    (v) => (v == null ? "" : v),
    text().trim().max(MAX_NOTE_LENGTH, `Keep the note under ${MAX_NOTE_LENGTH} characters.`),
  ),
});

export type RecordLagObservationInput = z.input<typeof recordLagObservationSchema>;

// JSON bodies and query strings of the lead-entry endpoints of the REST API. Unlike the log form's
// schema (FormData strings), these take JSON types as they are: a number is a number, so a string
// "3" is refused instead of guessed at. Objects are strict: a misspelt optional key such as
// "idempotencyKey" would otherwise be dropped silently and turn a retry into a double count.
// The OpenAPI document is generated from these schemas, so docs and validation cannot drift.
import { z } from "zod";
import { inCalendarRange, OUT_OF_RANGE_MESSAGE } from "@/lib/domain/calendar/range";
import { formatNumber } from "@/lib/domain/format";
import { MAX_ENTRY_VALUE } from "./leadEntry";
import { text } from "./text";

export const MAX_BATCH_ENTRIES = 10_000;
export const MAX_PAGE_SIZE = 1_000;

/** A day of the calendar range (lib/domain/calendar/range.ts), as YYYY-MM-DD. */
export const isoDate = () =>
  z.iso.date({ error: "Use a calendar date as YYYY-MM-DD.", abort: true }).refine(inCalendarRange, OUT_OF_RANGE_MESSAGE);
const uuid = (what: string) => z.uuid({ error: `Give the ${what} as a UUID.` });

const person = {
  email: z
    .email({ error: "Give a valid email address." })
    .toLowerCase()
    .optional()
    .describe("The person the entry is for, by email (they must be a member of the team)."),
  userId: uuid("user id").optional().describe("The person the entry is for, by id. Give email or userId, not both."),
};

const value = z
  .number({ error: "Give the value as a number." })
  .min(0, "Must be zero or more.")
  .max(MAX_ENTRY_VALUE, `Must be at most ${MAX_ENTRY_VALUE}.`);

const note = text({ error: "Give the note as text." }).trim().max(500, "Keep the note under 500 characters.");

const notBoth = (e: { email?: string; userId?: string }) => !(e.email && e.userId);
const notBothMessage = { message: "Give either email or userId, not both.", path: ["userId"] };

export const apiLeadEntrySchema = z
  .strictObject({
    ...person,
    teamId: uuid("team id"),
    leadMeasureId: uuid("lead measure id"),
    date: isoDate().describe("The day the activity happened, in the organization's calendar."),
    value,
    note: note.optional(),
    idempotencyKey: text({ error: "Give the idempotency key as text." })
      .min(8, "Idempotency key is too short.")
      .max(100, "Idempotency key is too long.")
      .optional()
      .describe("A key of your choosing: repeating a request with the same key adds no second entry."),
  })
  .refine(notBoth, notBothMessage)
  .describe("Adds an entry to a person's day (several entries of a day add up).");

export const apiLeadCellSchema = z
  .strictObject({
    ...person,
    teamId: uuid("team id"),
    leadMeasureId: uuid("lead measure id"),
    date: isoDate(),
    value: value.nullable().describe("The day's total for the person and measure; null clears the day."),
    note: note.optional(),
  })
  .refine(notBoth, notBothMessage);

export const batchLeadEntriesSchema = z
  .strictObject({
    entries: z
      .array(apiLeadCellSchema)
      .min(1, "Send at least one entry.")
      .max(MAX_BATCH_ENTRIES, `Send at most ${formatNumber(MAX_BATCH_ENTRIES, "en-US")} entries per request.`),
  })
  .describe(
    "Sets each person's value for a measure on a day, replacing what was there, so repeating a batch changes nothing. " +
      "All or nothing: one bad entry and nothing is saved; every problem is listed by its index.",
  );

export const listLeadEntriesQuerySchema = z.strictObject({
  from: isoDate().optional().describe("First day, inclusive."),
  to: isoDate().optional().describe("Last day, inclusive."),
  teamId: uuid("team id").optional(),
  leadMeasureId: uuid("lead measure id").optional(),
  userId: uuid("user id").optional(),
  limit: z.coerce
    .number({ error: "Give the limit as a number." })
    .int("Give the limit as a whole number.")
    .min(1, "The limit is at least 1.")
    .max(MAX_PAGE_SIZE, `The limit is at most ${MAX_PAGE_SIZE}.`)
    .default(100)
    .describe(`Entries per page (at most ${MAX_PAGE_SIZE}).`),
  cursor: text().max(200).optional().describe("The `nextCursor` of the previous page."),
});

export type ApiLeadEntry = z.output<typeof apiLeadEntrySchema>;
export type ApiLeadCell = z.output<typeof apiLeadCellSchema>;
export type ListLeadEntriesQuery = z.output<typeof listLeadEntriesQuerySchema>;

// Responses of the lead-entry and lag-observation endpoints, single and batch.
import { z } from "zod";
import { EntrySource } from "@/lib/generated/prisma/enums";
import { count, day, id, instant, teamIdOrNull } from "./fields";

export const leadEntrySchema = z.strictObject({ id, teamId: id, leadMeasureId: id, userId: id, date: day, value: z.number(), note: z.string() });
export const leadEntryCreatedSchema = z.strictObject({ data: leadEntrySchema, created: z.literal(true) });
export const leadEntryReplayedSchema = z.strictObject({ data: leadEntrySchema, created: z.literal(false) });

export const leadEntryListItemSchema = leadEntrySchema.extend({
  email: z.email().describe("The person's email."),
  source: z.enum(EntrySource).describe("Where the entry came from."),
  createdAt: instant,
  updatedAt: instant,
});
export const leadEntryPageSchema = z.strictObject({
  data: z.array(leadEntryListItemSchema).describe("Oldest day first."),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
});

export const batchResultSchema = z.strictObject({
  received: count.describe("Items in the request."),
  written: count.describe("Values stored (a repeated key counts once; the last one wins)."),
  replaced: count.describe("Stored values that were replaced or cleared."),
});

export const lagObservationSchema = z.strictObject({ id, lagMeasureId: id, teamId: teamIdOrNull, date: day, value: z.number(), note: z.string() });
export const lagObservationRecordedSchema = z.strictObject({ data: lagObservationSchema, replaced: z.literal(false) });
export const lagObservationReplacedSchema = z.strictObject({ data: lagObservationSchema, replaced: z.literal(true) });

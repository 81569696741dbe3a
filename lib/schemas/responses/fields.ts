// The building blocks of the API's response schemas: ids, days and instants as the API writes
// them. Responses are strict objects, so a field the API sends but the schema does not name fails
// the integration tests, as a missing one does (the document says `additionalProperties: false`).
import { z } from "zod";

export const id = z.uuid();
export const day = z.iso.date().describe("YYYY-MM-DD");
export const instant = z.iso.datetime();
export const count = z.int().min(0);
/** Null: organization-wide (a measure), or the organization as a whole (an analysis). */
export const teamIdOrNull = z.uuid().nullable();
export const goal = z.strictObject({ value: z.number(), date: day });

// JSON bodies of the lag-observation endpoints of the REST API: a helpdesk pushing last month's
// CSAT, a BI job pushing weekly resolution times. Strict JSON types and keys, as for lead entries
// (see apiLeadEntry.ts); the service re-checks everything against the organization's data.
import { z } from "zod";
import { formatNumber } from "@/lib/domain/format";
import { MAX_LAG_VALUE, MAX_NOTE_LENGTH } from "./lagObservation";
import { isoDate, MAX_BATCH_ENTRIES } from "./apiLeadEntry";
import { text } from "./text";

export const MAX_BATCH_OBSERVATIONS = MAX_BATCH_ENTRIES;

export const apiLagObservationSchema = z
  .strictObject({
    lagMeasureId: z.uuid({ error: "Give the lag measure id as a UUID." }),
    teamId: z
      .uuid({ error: "Give the team id as a UUID, or null." })
      .nullable()
      .optional()
      .describe("The team the result is for; null or omitted: the organization as a whole. A team's own measure always records for that team."),
    date: isoDate().describe("The day the result was measured (for a monthly result, e.g. the month's last day)."),
    value: z
      .number({ error: "Give the value as a number." })
      .min(-MAX_LAG_VALUE, "That number is too large.")
      .max(MAX_LAG_VALUE, "That number is too large."),
    note: text({ error: "Give the note as text." }).trim().max(MAX_NOTE_LENGTH, `Keep the note under ${MAX_NOTE_LENGTH} characters.`).optional(),
  })
  .describe("Records a lag measure's result; a result for the same measure, team and date is replaced.");

export const batchLagObservationsSchema = z
  .strictObject({
    observations: z
      .array(apiLagObservationSchema)
      .min(1, "Send at least one observation.")
      .max(MAX_BATCH_OBSERVATIONS, `Send at most ${formatNumber(MAX_BATCH_OBSERVATIONS, "en-US")} observations per request.`),
  })
  .describe(
    "Records many results at once, replacing results with the same measure, team and date (the last one in the batch wins). " +
      "All or nothing: one bad observation and nothing is saved; every problem is listed by its index.",
  );

export type ApiLagObservation = z.output<typeof apiLagObservationSchema>;

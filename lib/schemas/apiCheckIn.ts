// JSON bodies and query strings of the check-in and commitment endpoints of the REST API: JSON
// types as they are, strict objects (a misspelt key is refused, not dropped). The services parse
// again with the form schemas (lib/schemas/checkIn.ts), which accept these shapes as they are.
import { z } from "zod";
import { MAX_COMMITMENT_LENGTH } from "./formChoices";
import { isoDate } from "./apiLeadEntry";
import { text } from "./text";

export const MAX_CHECK_IN_PAGE = 100;

export const listCheckInsQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: "Give the limit as a number." })
    .int("Give the limit as a whole number.")
    .min(1, "The limit is at least 1.")
    .max(MAX_CHECK_IN_PAGE, `The limit is at most ${MAX_CHECK_IN_PAGE}.`)
    .default(20)
    .describe(`Check-ins per page (at most ${MAX_CHECK_IN_PAGE}).`),
  cursor: isoDate().optional().describe("The `nextCursor` of the previous page."),
});

export const listCommitmentsQuerySchema = z.strictObject({
  week: isoDate().optional().describe("Any day of the week whose commitments to list; this week when left out."),
});

const commitmentText = text({ error: "Give the commitment as text." })
  .trim()
  .min(1, "Write what will be done.")
  .max(MAX_COMMITMENT_LENGTH, `Keep it under ${MAX_COMMITMENT_LENGTH} characters.`);
const leadMeasureId = z.uuid({ error: "Give the lead measure id as a UUID." }).nullable().optional().describe("A lead measure the team tracks, or null for none.");

export const apiCreateCommitmentsSchema = z.strictObject({
  weekStart: isoDate().describe("Any day of the week the commitments are for; stored as the week's first day."),
  items: z
    .array(
      z.strictObject({
        userId: z.uuid({ error: "Give the user id as a UUID." }).describe("A member of the team."),
        text: commitmentText,
        leadMeasureId,
      }),
      { error: "Give the commitments as a list." },
    )
    .min(1, "Give at least one commitment.")
    .max(20, "Add at most 20 commitments at once."),
});

export const apiEditCommitmentSchema = z.strictObject({ text: commitmentText, leadMeasureId });

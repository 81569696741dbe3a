// Responses of the check-in and commitment endpoints.
import { z } from "zod";
import { count, day, id, instant } from "./fields";

const status = z.enum(["OPEN", "DONE", "PARTIAL", "NOT_DONE"]).describe("OPEN until reviewed in the next week's check-in.");

export const commitmentSchema = z.strictObject({
  id,
  teamId: id,
  userId: id,
  weekStart: day.describe("First day of the week the commitment is for."),
  leadMeasureId: id.nullable(),
  text: z.string(),
  status,
  reason: z.string().describe("Why it was not (fully) done."),
});

export const commitmentListSchema = z.strictObject({ week: day, data: z.array(commitmentSchema).describe("Oldest first.") });
export const commitmentOneSchema = z.strictObject({ data: commitmentSchema });
export const commitmentsCreatedSchema = z.strictObject({ data: z.array(commitmentSchema) });

const historyCommitment = commitmentSchema.omit({ teamId: true }).extend({ userName: z.string() });

export const checkInSchema = z.strictObject({
  id,
  weekStart: day.describe("First day of the week it was held in."),
  heldAt: instant,
  heldBy: z.strictObject({ userId: id, name: z.string() }).nullable(),
  startedAt: instant.nullable().describe("When the meeting started, if it was run in meeting mode."),
  durationMinutes: count.nullable(),
  notes: z.string(),
  decisions: z.array(z.string()),
  reviewed: z.array(historyCommitment).describe("The commitments of the week before, as reviewed."),
  made: z.array(historyCommitment).describe("The commitments made for this week."),
});

export const checkInPageSchema = z.strictObject({
  data: z.array(checkInSchema).describe("Newest week first."),
  nextCursor: day.nullable(),
});

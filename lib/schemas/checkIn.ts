// Inputs of the weekly check-in, shared by the forms and the server. FormData values are
// strings: blanks become "missing", and a commitment row left entirely blank is skipped.
import { z } from "zod";
import { MAX_COMMITMENT_LENGTH } from "./formChoices";
import { blankToUndefined, formDate } from "./formData";
import { text } from "./text";
import { MAX_DECISION_LENGTH, MAX_DECISIONS, MAX_NOTES_LENGTH, MEETING_STEPS } from "@/lib/domain/meeting";


// Zod-free, so client forms can import them without zod (./formChoices).
export { MAX_COMMITMENT_LENGTH };
export const MAX_REASON_LENGTH = 500;
/** "One or two each": the cadence asks for few, specific commitments. */
export const MAX_COMMITMENTS_PER_PERSON = 2;

const weekField = formDate("a week", "Choose a week.");

export const reviewCommitmentSchema = z
  .object({
    commitmentId: z.uuid({ error: "Choose a commitment." }),
    status: z.enum(["DONE", "PARTIAL", "NOT_DONE"], { error: "Choose done, partly done or not done." }),
    reason: z.preprocess(
      (v) => (v == null ? "" : v),
      text().trim().max(MAX_REASON_LENGTH, `Keep the reason under ${MAX_REASON_LENGTH} characters.`),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.status !== "DONE" && v.reason === "") {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why it was not (fully) done." });
    }
  });

export type ReviewCommitmentInput = z.input<typeof reviewCommitmentSchema>;

const commitmentItemSchema = z.object({
  userId: z.uuid({ error: "Choose a person." }),
  text: z.preprocess(
    (v) => (v == null ? "" : v),
    text()
      .trim()
      .min(1, "Write what you will do.")
      .max(MAX_COMMITMENT_LENGTH, `Keep it under ${MAX_COMMITMENT_LENGTH} characters.`),
  ),
  leadMeasureId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose a lead measure." }).optional()),
});

const isBlankRow = (v: unknown) =>
  typeof v === "object" &&
  v != null &&
  blankToUndefined((v as Record<string, unknown>).text ?? "") === undefined &&
  blankToUndefined((v as Record<string, unknown>).leadMeasureId ?? "") === undefined;

export const createCommitmentsSchema = z.object({
  teamId: z.uuid({ error: "Choose a team." }),
  /** Any day of the week the commitments are for; stored as the week's first day. */
  weekStart: weekField,
  // Blank rows stay in the array (as null) while validating, so a message about row 2 is
  // reported at items.1 and lands next to the field the person typed in.
  items: z
    .array(z.preprocess((v) => (isBlankRow(v) ? null : v), commitmentItemSchema.nullable()))
    .max(20, "Add at most 20 commitments at once.")
    .superRefine((items, ctx) => {
      if (items.every((i) => i == null)) ctx.addIssue({ code: "custom", message: "Write at least one commitment." });
    })
    .transform((items) => items.map((item, index) => (item ? { ...item, index } : null)).filter((i) => i != null)),
});

export type CreateCommitmentsInput = z.input<typeof createCommitmentsSchema>;
export type CreateCommitments = z.output<typeof createCommitmentsSchema>;

export const markCheckInHeldSchema = z.object({
  teamId: z.uuid({ error: "Choose a team." }),
  /** Any day of the week the check-in was held in. */
  weekStart: weekField,
  notes: z.preprocess((v) => (v == null ? "" : v), text().trim().max(2000, "Keep the notes under 2,000 characters.")),
});

export type MarkCheckInHeldInput = z.input<typeof markCheckInHeldSchema>;

/** Turns the flat names of a commitments form ("items.0.text") into the schema's shape. */
export function commitmentsFromForm(form: FormData): CreateCommitmentsInput {
  const items: Record<string, string>[] = [];
  for (const [key, value] of form.entries()) {
    const m = /^items\.(\d{1,2})\.(userId|text|leadMeasureId)$/.exec(key);
    if (m && typeof value === "string") (items[Number(m[1])] ??= {})[m[2]!] = value;
  }
  return {
    teamId: String(form.get("teamId") ?? ""),
    weekStart: String(form.get("weekStart") ?? ""),
    items: Array.from(items, (i) => i ?? {}),
  };
}

export const editCommitmentSchema = z.object({
  commitmentId: z.uuid({ error: "Choose a commitment." }),
  text: commitmentItemSchema.shape.text,
  leadMeasureId: commitmentItemSchema.shape.leadMeasureId,
});

export type EditCommitmentInput = z.input<typeof editCommitmentSchema>;

export const deleteCommitmentSchema = z.object({ commitmentId: z.uuid({ error: "Choose a commitment." }) });

// The check-in meeting (meeting mode): lib/domain/meeting.ts holds its agenda and limits.
const meetingKey = { teamId: z.uuid({ error: "Choose a team." }), weekStart: weekField };
/** Left out: the notes stay as they are. */
const notesField = text().trim().max(MAX_NOTES_LENGTH, "Keep the notes under 2,000 characters.").optional();
const decisionsField = z
  .array(text().trim().max(MAX_DECISION_LENGTH, `Keep each decision under ${MAX_DECISION_LENGTH} characters.`), { error: "Decisions are a list of texts." })
  .max(MAX_DECISIONS, `Note at most ${MAX_DECISIONS} decisions.`)
  .transform((list) => list.filter((d) => d !== ""));

export const meetingSchema = z.object(meetingKey);
export const meetingStepSchema = z.object({
  ...meetingKey,
  step: z.coerce.number({ error: "Choose a step." }).int("Choose a step.").min(0, "Choose a step.").max(MEETING_STEPS.length - 1, "Choose a step."),
});
export const meetingNotesSchema = z.object({ ...meetingKey, notes: notesField, decisions: decisionsField.optional() });
export const endMeetingSchema = meetingNotesSchema;

/** Notes and decisions from a meeting form: `decisions` repeats, one field per decision. */
export function meetingNotesFromForm(form: FormData) {
  const str = (k: string) => (typeof form.get(k) === "string" ? (form.get(k) as string) : undefined);
  return {
    teamId: str("teamId") ?? "",
    weekStart: str("weekStart") ?? "",
    notes: str("notes"),
    decisions: form.has("decisions") || form.has("decisionsSent") ? form.getAll("decisions").filter((d) => typeof d === "string") : undefined,
  };
}

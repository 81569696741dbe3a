// Inputs of the measure definitions (admins and managers), shared by forms and the server.
// FormData sends strings: numbers and dates are parsed here; blank optional fields are null.
import { z } from "zod";
import { blankToUndefined, formDate, formNumber, optionalFormDate } from "./formData";
import { MAX_LAG_VALUE } from "./lagObservation";
import { text } from "./text";

/** A list from checkboxes (FormData.getAll) or JSON. */
const idList = z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()));

const name = text().trim().min(1, "Give it a name.").max(120, "Keep the name under 120 characters.");
const description = z.preprocess((v) => v ?? "", text().trim().max(1000, "Keep the description under 1,000 characters."));
const unit = z.preprocess((v) => v ?? "", text().trim().max(40, "Keep the unit under 40 characters."));

export const targetSchema = z.object({
  teamId: z.uuid({ error: "Choose a team." }),
  weeklyTarget: formNumber("a weekly target").pipe(z.number().min(0, "Must be zero or more.").max(1_000_000, "That target is too large.")),
  personWeeklyTarget: z.preprocess(
    blankToUndefined,
    formNumber("a per-person target").pipe(z.number().min(0, "Must be zero or more.")).nullish(),
  ),
});

export const leadMeasureSchema = z
  .object({
    name,
    description,
    unit,
    aggregation: z.enum(["COUNT", "SUM"], { error: "Choose how entries add up." }),
    activeFrom: optionalFormDate(),
    activeTo: optionalFormDate(),
    ownerIds: idList,
    targets: z.array(targetSchema).default([]),
  })
  .refine((m) => !m.activeFrom || !m.activeTo || m.activeFrom <= m.activeTo, {
    path: ["activeTo"],
    message: "Must be on or after the start date.",
  });

export const changeTargetSchema = targetSchema.extend({
  leadMeasureId: z.uuid(),
  /** The target applies from the week containing this day on. */
  effectiveFrom: formDate("the first week"),
});

/** A lag measure's baseline or target, within the values a result may be recorded as. */
const lagGoalValue = (label: string) => formNumber(label).refine((v) => Math.abs(v) <= MAX_LAG_VALUE, "That number is too large.");

export const lagMeasureSchema = z
  .object({
    name,
    description,
    kind: z.enum(["PERCENTAGE", "SCORE", "CURRENCY", "COUNT", "DURATION"], { error: "Choose a kind." }),
    unit,
    direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"], { error: "Choose which way is better." }),
    cadence: z.enum(["WEEKLY", "MONTHLY", "QUARTERLY"], { error: "Choose how often it is observed." }),
    baselineValue: lagGoalValue("the baseline value"),
    baselineDate: formDate("the baseline date"),
    targetValue: lagGoalValue("the target value"),
    targetDate: formDate("the target date"),
    teamId: z.preprocess(blankToUndefined, z.uuid().nullish()),
    /** The member who answers for the goal; blank: nobody named. */
    ownerId: z.preprocess(blankToUndefined, z.uuid({ error: "Choose someone from the list." }).nullish()),
    driverIds: idList,
  })
  .refine((m) => m.targetDate > m.baselineDate, { path: ["targetDate"], message: "Must be after the baseline date." })
  .refine((m) => m.targetValue !== m.baselineValue, { path: ["targetValue"], message: "Must differ from the baseline." })
  .refine(
    (m) => (m.direction === "HIGHER_IS_BETTER" ? m.targetValue > m.baselineValue : m.targetValue < m.baselineValue),
    { path: ["targetValue"], message: "Must be better than the baseline in the direction you chose." },
  );

export type LeadMeasureInput = z.output<typeof leadMeasureSchema>;
export type LagMeasureInput = z.output<typeof lagMeasureSchema>;

// Inputs of ROI programs: the program, its cost ledger, its benefit lines and intangibles.
// FormData-friendly (numbers and dates parsed here, blank optional fields are null).
import { z } from "zod";
import { COST_CATEGORIES, COST_CATEGORY_LABEL } from "./formChoices";
import { blankToUndefined, formDate, formNumber, optionalFormDate, optionalFormNumber } from "./formData";
import { MAX_MONEY } from "./roiEvaluate";
import { text } from "./text";

const share = (label: string) => formNumber(label).pipe(z.number().min(0, "Must be between 0 and 1.").max(1, "Must be between 0 and 1."));
/** An amount of money, blank or zero to MAX_MONEY: a salary of 1e300 is a typo, not a program. */
const optionalMoney = (label: string) =>
  optionalFormNumber(label).pipe(z.number().min(0, "Must be zero or more.").max(MAX_MONEY, "That amount is too large.").nullish());
/** Far beyond any program's hours (a thousand people full time for five years is 1e7). */
const MAX_HOURS = 1e8;
const idList = z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()));
const longText = (max: number) => z.preprocess((v) => v ?? "", text().trim().max(max, `Keep it under ${max} characters.`));

export const programSchema = z
  .object({
    name: text().trim().min(1, "Give the program a name.").max(120, "Keep the name under 120 characters."),
    description: longText(2000),
    startDate: formDate("the start date"),
    endDate: optionalFormDate(),
    averageSalary: optionalMoney("an average salary"),
    participantTeamIds: idList.pipe(z.array(z.uuid()).min(1, "Choose at least one participating team.")),
    controlTeamIds: idList,
  })
  .refine((p) => !p.endDate || p.endDate >= p.startDate, { path: ["endDate"], message: "Must be on or after the start date." })
  .refine((p) => !p.controlTeamIds.some((id) => p.participantTeamIds.includes(id)), {
    path: ["controlTeamIds"],
    message: "A team cannot be both a participant and a control.",
  });

// Zod-free, so client forms can import them without zod (./formChoices).
export { COST_CATEGORIES, COST_CATEGORY_LABEL };

/** A cost line: an amount, or for participants' time hours × loaded hourly rate. */
export const costSchema = z
  .object({
    category: z.enum(COST_CATEGORIES, { error: "Choose a category." }),
    description: longText(300),
    incurredOn: formDate("the date"),
    amount: optionalFormNumber("an amount").pipe(z.number().min(0, "Must be zero or more.").max(1e10, "That amount is too large.").nullish()),
    hours: optionalFormNumber("the hours").pipe(z.number().min(0, "Must be zero or more.").max(MAX_HOURS, "That is more hours than any program holds.").nullish()),
    hourlyRate: optionalMoney("the hourly rate"),
    cohorts: z.preprocess((v) => blankToUndefined(v) ?? 1, formNumber("the number of cohorts").pipe(z.number().int("Enter a whole number.").min(1, "At least 1.").max(1000))),
  })
  .superRefine((c, ctx) => {
    if (c.category === "PARTICIPANT_TIME") {
      if (c.hours == null) ctx.addIssue({ code: "custom", path: ["hours"], message: "Enter the hours." });
      if (c.hourlyRate == null) ctx.addIssue({ code: "custom", path: ["hourlyRate"], message: "Enter the loaded hourly rate." });
    } else if (c.amount == null) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter an amount." });
    }
  })
  .transform((c) => ({
    ...c,
    // The program carries its share of a cost spread over several cohorts.
    amount: (c.category === "PARTICIPANT_TIME" ? (c.hours ?? 0) * (c.hourlyRate ?? 0) : (c.amount ?? 0)) / c.cohorts,
  }));

const positive = (label: string) => formNumber(label).pipe(z.number().gt(0, "Must be more than zero."));

/** Kind-specific inputs that turn a lag measure's movement into money per month. */
export const benefitParametersSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("RETENTION"),
    /** Customers served; a retention change of 1 point keeps 1% of them. */
    customerBase: positive("the number of customers"),
    /** Value of one retained customer per month (margin), or null to use the CLV inputs. */
    valuePerCustomer: optionalMoney("a value per customer"),
    clvMargin: optionalMoney("the yearly margin per customer"),
    clvRetention: optionalFormNumber("the retention rate").pipe(z.number().min(0).lt(1, "Must be below 1.").nullish()),
    clvDiscountRate: optionalFormNumber("the discount rate").pipe(z.number().min(0).nullish()),
    clvAcquisitionCost: optionalMoney("the acquisition cost"),
  }),
  z.object({ kind: z.literal("REVENUE") }),
  z.object({
    kind: z.literal("COST_SAVING"),
    /** Contacts (or cases) per month the improvement applies to. */
    volumePerMonth: positive("the monthly volume"),
    /** Cost of one unit of the lag measure (e.g. one minute of handling, one repeat contact). */
    costPerUnit: positive("the cost per unit"),
  }),
  z.object({ kind: z.literal("MANUAL"), monthlyValue: formNumber("a monthly value").pipe(z.number().min(0, "Must be zero or more.").max(MAX_MONEY, "That amount is too large.")) }),
]);

export const benefitSchema = z
  .object({
    name: text().trim().min(1, "Give the benefit a name.").max(120),
    lagMeasureId: z.preprocess(blankToUndefined, z.uuid().nullish()),
    parameters: benefitParametersSchema,
    margin: z.preprocess((v) => blankToUndefined(v) ?? 1, share("a margin")),
    confidence: z.preprocess((v) => blankToUndefined(v) ?? 1, share("a confidence")),
    isolationMethod: z.enum(["CONTROL_GROUP", "TREND_LINE", "ESTIMATE", "CONSERVATIVE"], { error: "Choose how to isolate the program's effect." }),
    estimateShare: z.preprocess(blankToUndefined, share("a share").nullish()),
    estimateConfidence: z.preprocess(blankToUndefined, share("a confidence").nullish()),
    evidence: longText(2000),
  })
  .superRefine((b, ctx) => {
    if (b.parameters.kind !== "MANUAL" && !b.lagMeasureId) ctx.addIssue({ code: "custom", path: ["lagMeasureId"], message: "Choose the lag measure it prices." });
    if (b.isolationMethod === "ESTIMATE" && (b.estimateShare == null || b.estimateConfidence == null)) {
      ctx.addIssue({ code: "custom", path: ["estimateShare"], message: "Enter the share attributed and the confidence in it." });
    }
    if (b.parameters.kind === "MANUAL" && !b.evidence) ctx.addIssue({ code: "custom", path: ["evidence"], message: "Say where this value comes from." });
  });

export const intangibleSchema = z.object({
  name: text().trim().min(1, "Name the intangible benefit.").max(120),
  note: longText(1000),
});

export type ProgramInput = z.output<typeof programSchema>;
export type CostInput = z.output<typeof costSchema>;
export type BenefitInput = z.output<typeof benefitSchema>;

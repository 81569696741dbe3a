// The body of POST /api/v1/roi/evaluate, the stateless ROI calculator: costs and benefit lines
// in, the ROI arithmetic of lib/domain/roi/formulas.ts out. Strict JSON (numbers must be numbers; NaN and
// Infinity cannot be sent), so a typo never turns into a silently wrong ROI.
import { z } from "zod";
import { text } from "./text";

/** Far beyond any training budget; keeps sums exact in doubles. */
export const MAX_MONEY = 1e12;
export const MAX_LINES = 1_000;

const money = (what: string) =>
  z
    .number({ error: `Give ${what} as a number.` })
    .min(0, "Must be zero or more.")
    .max(MAX_MONEY, "That amount is too large.");

const share = (what: string) =>
  z
    .number({ error: `Give ${what} as a number between 0 and 1.` })
    .min(0, "Must be between 0 and 1.")
    .max(1, "Must be between 0 and 1.");

export const roiCostLineSchema = z.strictObject({
  category: text({ error: "Name the cost category." }).trim().min(1, "Name the cost category.").max(120, "Keep the category under 120 characters."),
  amount: money("the amount").describe("Fully-loaded cost of this line, in the request's currency."),
});

export const roiBenefitLineSchema = z.strictObject({
  name: text({ error: "Name the benefit." }).trim().min(1, "Name the benefit.").max(120, "Keep the name under 120 characters."),
  value: money("the value").describe("Money the benefit is worth over `months` months, before margin, isolation and confidence."),
  margin: share("the margin").default(1).describe("Share of the value that is profit (0..1)."),
  isolation: share("the isolation share").default(1).describe("Share of the improvement attributable to the program (0..1)."),
  confidence: share("the confidence").default(1).describe("Confidence in the estimate (0..1)."),
  adjustment: z
    .number({ error: "Give the adjustment as a number." })
    .min(-1, "Must be between −1 and 10.")
    .max(10, "Must be between −1 and 10.")
    .default(0)
    .describe("A relative correction, e.g. −0.097 for seasonality."),
});

export const roiEvaluateSchema = z
  .strictObject({
    currency: text({ error: "Give the currency as a 3-letter ISO 4217 code, e.g. USD." })
      .regex(/^[A-Z]{3}$/, "Give the currency as a 3-letter ISO 4217 code, e.g. USD.")
      .describe("ISO 4217 code; echoed back, never converted."),
    costs: z
      .array(roiCostLineSchema, { error: "Give the costs as a list." })
      .min(1, "Add at least one cost: ROI needs costs.")
      .max(MAX_LINES, `At most ${MAX_LINES} cost lines.`),
    benefits: z.array(roiBenefitLineSchema, { error: "Give the benefits as a list." }).max(MAX_LINES, `At most ${MAX_LINES} benefit lines.`),
    months: z
      .number({ error: "Give the months as a whole number." })
      .int("Give the months as a whole number.")
      .min(1, "Must be between 1 and 120.")
      .max(120, "Must be between 1 and 120.")
      .default(12)
      .describe("The period the benefit values cover; payback is counted in these months."),
  })
  // BCR and ROI divide by the costs: all-zero costs have no ROI.
  .refine((b) => b.costs.reduce((s, c) => s + c.amount, 0) > 0, { path: ["costs"], message: "The costs must add up to more than zero: no costs, no ROI." })
  .describe("Costs and benefit lines to evaluate; nothing is stored.");

export type RoiEvaluateInput = z.output<typeof roiEvaluateSchema>;

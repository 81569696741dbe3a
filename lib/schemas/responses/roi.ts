// Response of POST /api/v1/roi/evaluate, the stateless ROI calculator.
import { z } from "zod";
import { count } from "./fields";

export const roiEvaluationSchema = z.strictObject({
  currency: z.string().describe("The request's ISO 4217 code, echoed."),
  months: count.describe("The period the benefit values cover."),
  benefits: z.number().describe("Sum of the attributed benefit values."),
  costs: z.number().describe("Sum of the fully-loaded costs."),
  netBenefit: z.number().describe("benefits − costs."),
  bcr: z.number().describe("Benefit-cost ratio: benefits ÷ costs (2.0 = two back per one spent)."),
  roiPercent: z.number().describe("Return on investment: (benefits − costs) ÷ costs × 100 (BCR 2.0 = ROI 100%)."),
  paybackMonths: z
    .number()
    .nullable()
    .describe(
      "Months until the benefits, spread evenly over `months`, have paid the costs: costs ÷ (benefits ÷ months). Stated only when that happens within `months` (benefits ≥ costs); null otherwise — not yet paid back at this rate — and when there is no benefit.",
    ),
  lines: z.array(
    z.strictObject({ name: z.string(), value: z.number(), attributed: z.number().describe("value × margin × isolation × confidence × (1 + adjustment).") }),
  ),
});

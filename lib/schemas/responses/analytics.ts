// Responses of GET /api/v1/analytics/lead-lag and /forecast: plain JSON numbers, null where a
// statistic cannot be computed (JSON has no NaN).
import { z } from "zod";
import { Direction } from "@/lib/generated/prisma/enums";
import { count, day, goal, id, teamIdOrNull } from "./fields";

export const lagMeasureGoalSchema = z.strictObject({
  id,
  name: z.string(),
  unit: z.string(),
  direction: z.enum(Direction),
  teamId: teamIdOrNull.describe("null: organization-wide."),
  baseline: goal,
  target: goal,
});

const lagValuesOf = z
  .enum(["team", "organization"])
  .describe("`organization` when a team records no values of its own for an organization-wide measure.");
const statistic = (description: string) => z.number().nullable().describe(description);

export const leadLagAnalysisSchema = z.strictObject({
  leadMeasure: z.strictObject({ id, name: z.string(), unit: z.string() }),
  lagMeasure: lagMeasureGoalSchema,
  teamId: teamIdOrNull.describe("The team analysed; null: the whole organization. A team's own lag measure is always analysed for its team."),
  lagValuesOf,
  declaredDriver: z.boolean().describe("Whether the lag measure names this lead measure as a driver."),
  window: z.strictObject({ firstWeek: day, lastWeek: day, weeks: count, weekStartsOn: count.describe("0 = Sunday, 1 = Monday.") }),
  cadence: z
    .enum(["weekly", "monthly", "quarterly"])
    .describe("The series' step: the lag measure's cadence. A monthly lag measure is compared month by month with monthly lead totals."),
  periods: z
    .strictObject({ first: day, last: day, count })
    .describe("The periods analysed (weeks, or the last complete months/quarters by the window's end), by their first days."),
  maxLagWeeks: count.describe("The longest lag asked for, in weeks (used by a weekly series)."),
  maxLag: count.describe("The longest lag tried, in the series' periods: maxLagWeeks for weekly, 3 months for monthly, 1 quarter for quarterly."),
  minN: count.describe("Paired changes (of the series' period) a fit needs before it can be the best one."),
  series: z
    .array(
      z.strictObject({
        periodStart: day.describe("First day of the week (or month, quarter)."),
        lead: statistic("Total of the period; null before the measure was tracked (for months: from the month's first day)."),
        lag: statistic("Mean of the period's values; null without a value."),
      }),
    )
    .describe("The series analysed, oldest first: one point per week, or per month for a monthly lag measure."),
  fits: z
    .array(
      z.strictObject({
        k: count.describe("Periods (weeks, or months for a monthly series) between the lead's change and the lag's."),
        n: count.describe("Paired changes."),
        r: statistic("Pearson correlation."),
        slope: statistic("Change in the lag per unit change in the lead."),
        slopeSE: statistic("Standard error of the slope."),
        p: statistic("Two-sided p-value of slope = 0 at this lag alone (raw: not corrected for the other lags tried)."),
        ci95: z.tuple([z.number(), z.number()]).nullable().describe("95% confidence interval of the slope, [low, high]."),
        r2: statistic("Coefficient of determination."),
        hac: z
          .strictObject({
            se: z.number().describe("Newey–West (HAC) standard error of the slope."),
            p: z.number().describe("Two-sided p-value of slope = 0 with the HAC standard error (raw)."),
            ci95: z.tuple([z.number(), z.number()]).describe("95% interval of the slope with the HAC standard error."),
            maxLags: count.describe("Autocovariance lags of the Bartlett kernel: ⌊4 (n / 100)^(2/9)⌋."),
          })
          .nullable()
          .describe("Inference robust to autocorrelated weekly changes; null when the slope cannot be fitted."),
        enoughData: z.boolean().describe("n ≥ minN."),
      }),
    )
    .describe("One regression of Δlag(t) on Δlead(t−k) per k; statistics are null when they cannot be computed."),
  bestK: count.nullable().describe("null when no fit has enough data."),
  evidence: z
    .strictObject({
      k: count.describe("The strongest lag (largest |t|)."),
      n: count,
      slope: z.number(),
      pRaw: z.number().describe("The strongest lag's own p-value, as if it were the only lag tried."),
      pFamily: z.number().describe("Family-wise p across the lags tested: a seeded permutation test of max |t| (block-shifted lead changes)."),
      q: z.number().describe("Benjamini–Hochberg q across the pairs judged together; equals pFamily for a pair judged alone."),
      pairs: count.describe("Pairs q was adjusted across (1: this pair alone)."),
      permutations: count,
      lagsTested: count,
      forecast: z
        .strictObject({
          origins: count.describe("One-week-ahead forecasts made, each from earlier weeks only."),
          errorReduction: z.number().describe("1 − RMSE with the lead ÷ RMSE without it: 0.12 = a 12% smaller error."),
        })
        .nullable()
        .describe("Rolling-origin check that the lagged lead improves the forecast of the lag; null with too few weeks."),
    })
    .nullable()
    .describe("What the verdict rests on. `predictive` needs q ≤ 0.05 and a positive error reduction. null when no fit has enough data."),
  verdict: z.strictObject({
    kind: z.enum(["predictive", "opposite", "weak", "none", "insufficient"]),
    text: z.string().describe("The verdict in plain words, for people."),
  }),
  expectedSign: z.union([z.literal(1), z.literal(-1)]).describe("+1: more activity should raise the lag (higher is better); −1: lower it."),
});

const forecastModel = z.enum(["linear-trend", "random-walk"]);
const forecastScale = z.enum(["logit", "log", "linear"]);

export const lagForecastSchema = z.strictObject({
  lagMeasure: lagMeasureGoalSchema,
  teamId: teamIdOrNull,
  lagValuesOf,
  history: z.array(z.strictObject({ weekStart: day, value: z.number().nullable() })).describe("The last 26 weekly means, oldest first."),
  cadence: z
    .enum(["weekly", "monthly", "quarterly"])
    .describe("The forecast's step: the lag measure's cadence. A monthly measure is forecast month by month from its monthly means."),
  fittedOn: z
    .array(z.strictObject({ periodStart: day, value: z.number().nullable() }))
    .describe("The values the forecast was fitted on, one per step, oldest first: the weekly history, or the last complete months (quarters), with the current one once it has a value."),
  forecast: z.strictObject({
    kind: z.enum(["forecast", "insufficient"]),
    n: count.describe("Steps (weeks, or months for a monthly measure) with a value the forecast was fitted on."),
    slopePerWeek: z.number().nullable().describe("Average change per week of the central forecast, from the last step fitted to the last one forecast."),
    reason: z.string().nullable().describe("Why there is no forecast, e.g. \"not enough weeks for a range yet: 5 of 8.\""),
    minN: count.describe("Steps with a value a forecast needs."),
    model: forecastModel.nullable().describe("The model whose one-week-ahead forecasts of the past weeks erred least; null without a forecast."),
    method: z.string().nullable().describe("The model and its backtest in words: \"linear trend; the 80% range held in 9 of 11 past weeks\"."),
    scale: forecastScale
      .nullable()
      .describe("Where the model was fitted: logit of the share of a bounded range (percentages, NPS); log, or the values as they are cut at zero (times, counts, money); or the values as they are."),
    range: z
      .strictObject({ low: z.number().nullable(), high: z.number().nullable() })
      .describe("The values the forecast and its bands stay within; null: unbounded on that side."),
    backtest: z
      .strictObject({
        weeks: count.describe("Past weeks forecast one week ahead from the weeks before them only."),
        held80: count.describe("Of those, the weeks whose value fell inside the chosen model's 80% range."),
        meanAbsError: z.number().nullable().describe("The chosen model's mean absolute one-week-ahead error, in the measure's unit."),
        candidates: z
          .array(z.strictObject({ model: forecastModel, scale: forecastScale, meanAbsError: z.number().nullable() }))
          .describe("Every model and scale tried, with its mean absolute one-week-ahead error, best first."),
      })
      .nullable(),
    points: z.array(
      z.strictObject({
        periodStart: day.describe("The step's first day: a week's, or a month's (quarter's) for a monthly (quarterly) measure."),
        weekStart: day.describe("The week the step ends in, where weekly charts place it (the step itself for a weekly measure)."),
        step: count.describe("Steps after the last one fitted on."),
        mean: z.number().describe("The central forecast: the middle of its ranges (the median, transformed back from the model's scale)."),
        lo80: z.number(),
        hi80: z.number(),
        lo95: z.number(),
        hi95: z.number(),
      }),
    ),
  }),
});

// Query strings of the analytics endpoints (and the trends page's calls of the same services).
// Numbers arrive as text in a URL, so they are coerced here — and only here; the OpenAPI
// document is generated from these schemas, so docs and validation cannot drift.
import { z } from "zod";
import { DEFAULT_MAX_LAG_WEEKS } from "@/lib/domain/stats/leadLag";
import { isoDate } from "./apiLeadEntry";

export const DEFAULT_ANALYSIS_WEEKS = 52;
export const MIN_ANALYSIS_WEEKS = 8;
export const MAX_ANALYSIS_WEEKS = 104;
export const MAX_LAG_WEEKS = 13;
export const DEFAULT_FORECAST_WEEKS = 13;
export const MAX_FORECAST_WEEKS = 26;

const uuid = (what: string) => z.uuid({ error: `Give the ${what} as a UUID.` });

const wholeNumber = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Give ${what} as a number.` })
    .int(`Give ${what} as a whole number.`)
    .min(min, `${what[0]!.toUpperCase()}${what.slice(1)} is at least ${min}.`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} is at most ${max}.`);

const teamId = uuid("team id")
  .optional()
  .describe("Analyse one team: its lead entries and its own lag values (the organization's values when the team records none). Omitted: the whole organization.");

const to = isoDate()
  .optional()
  .describe("Any day of the last week to use (YYYY-MM-DD), in the organization's calendar. Default: the current week; a later day is treated as the current week.");

export const leadLagQuerySchema = z.strictObject({
  leadMeasureId: uuid("lead measure id").describe("The lead measure (the activity)."),
  lagMeasureId: uuid("lag measure id").describe("The lag measure (the result)."),
  maxLagWeeks: wholeNumber("the longest lag in weeks", 0, MAX_LAG_WEEKS)
    .default(DEFAULT_MAX_LAG_WEEKS)
    .describe(`Test lags k = 0…maxLagWeeks weeks (at most ${MAX_LAG_WEEKS}). A lag measure observed monthly is analysed on months instead, at k = 0…3 months (quarterly: 0…1 quarters).`),
  teamId,
  weeks: wholeNumber("the number of weeks", MIN_ANALYSIS_WEEKS, MAX_ANALYSIS_WEEKS)
    .default(DEFAULT_ANALYSIS_WEEKS)
    .describe(
      `How many weeks of history to analyse, ending with the week of \`to\` (${MIN_ANALYSIS_WEEKS}–${MAX_ANALYSIS_WEEKS}). A lag measure observed monthly (quarterly) is analysed over the 36 months (16 quarters) complete by the end of that week, from the first one the lead was tracked in full.`,
    ),
  to,
});

export const forecastQuerySchema = z.strictObject({
  lagMeasureId: uuid("lag measure id").describe("The lag measure to forecast."),
  weeks: wholeNumber("the number of weeks", 1, MAX_FORECAST_WEEKS)
    .default(DEFAULT_FORECAST_WEEKS)
    .describe(`How many weeks ahead to forecast (1–${MAX_FORECAST_WEEKS}).`),
  teamId,
  to,
});

export type LeadLagQuery = z.input<typeof leadLagQuerySchema>;
export type ForecastQuery = z.input<typeof forecastQuerySchema>;

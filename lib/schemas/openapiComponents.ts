// The JSON Schemas of the OpenAPI document: request bodies are generated from the zod schemas
// the endpoints validate with (so the two cannot drift); responses, which no zod schema checks,
// are written out here.
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/** A zod schema as the JSON Schema (2020-12, OpenAPI 3.1's dialect) of what a client sends. */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const uuid = { type: "string", format: "uuid" } as const;
const date = { type: "string", format: "date", description: "YYYY-MM-DD" } as const;
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)): JsonSchema => ({
  type: "object",
  properties,
  required,
});

export const ERROR_CODES = ["validation_failed", "unauthenticated", "forbidden", "not_found", "conflict", "rate_limited", "unavailable", "internal"];

export const responseSchemas: Record<string, JsonSchema> = {
  Error: {
    ...obj({
      error: obj(
        {
          code: { type: "string", enum: ERROR_CODES },
          message: { type: "string", description: "A sentence for people; do not parse it." },
          details: {
            type: "object",
            description: "Present for validation errors: field messages for single objects, problems by index for batches.",
            properties: {
              fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
              problems: { type: "array", items: obj({ index: { type: "integer" }, field: { type: "string" }, message: { type: "string" } }) },
              problemCount: { type: "integer", description: "All problems found; at most 1,000 are listed." },
              unknownEmails: { type: "array", items: { type: "string" } },
            },
          },
        },
        ["code", "message"],
      ),
    }),
    example: { error: { code: "validation_failed", message: "Some fields need attention.", details: { fieldErrors: { value: ["Must be zero or more."] } } } },
  },
  Team: obj({ id: uuid, name: { type: "string" }, memberCount: { type: "integer" } }),
  TeamMember: obj({
    userId: uuid,
    email: { type: "string", format: "email" },
    name: { type: "string" },
    role: { type: "string", enum: ["OWNER", "ADMIN", "MANAGER", "MEMBER"] },
    isLead: { type: "boolean" },
  }),
  SetMembersResult: obj({
    added: { type: "integer" },
    removed: { type: "integer" },
    updated: { type: "integer", description: "Members whose lead flag changed." },
    members: { type: "integer" },
    data: { type: "array", items: { $ref: "#/components/schemas/TeamMember" } },
  }),
  Measures: obj({
    weekStart: { ...date, description: "The current week, whose targets are shown." },
    leadMeasures: {
      type: "array",
      items: obj({
        id: uuid,
        name: { type: "string" },
        description: { type: "string" },
        unit: { type: "string" },
        aggregation: { type: "string", enum: ["COUNT", "SUM"] },
        activeFrom: { type: ["string", "null"], format: "date" },
        activeTo: { type: ["string", "null"], format: "date" },
        archived: { type: "boolean" },
        teams: {
          type: "array",
          items: obj({ teamId: uuid, teamName: { type: "string" }, weeklyTarget: { type: "number" }, personWeeklyTarget: { type: ["number", "null"] } }),
        },
      }),
    },
    lagMeasures: {
      type: "array",
      items: obj({
        id: uuid,
        name: { type: "string" },
        description: { type: "string" },
        teamId: { type: ["string", "null"], format: "uuid", description: "null: organization-wide." },
        kind: { type: "string", enum: ["PERCENTAGE", "SCORE", "CURRENCY", "COUNT", "DURATION"] },
        unit: { type: "string" },
        direction: { type: "string", enum: ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] },
        cadence: { type: "string", enum: ["WEEKLY", "MONTHLY", "QUARTERLY"] },
        baseline: obj({ value: { type: "number" }, date }),
        target: obj({ value: { type: "number" }, date }),
        archived: { type: "boolean" },
      }),
    },
  }),
  LeadEntry: obj({
    id: uuid,
    teamId: uuid,
    leadMeasureId: uuid,
    userId: uuid,
    date,
    value: { type: "number" },
    note: { type: "string" },
  }),
  LeadEntryPage: obj({
    data: {
      type: "array",
      items: obj({
        id: uuid,
        teamId: uuid,
        leadMeasureId: uuid,
        userId: uuid,
        email: { type: "string", format: "email" },
        date,
        value: { type: "number" },
        note: { type: "string" },
        source: { type: "string", enum: ["MANUAL", "CSV", "API", "SEED"] },
        createdAt: { type: "string", format: "date-time" },
        updatedAt: { type: "string", format: "date-time" },
      }),
    },
    nextCursor: { type: ["string", "null"], description: "Pass as `cursor` for the next page; null on the last page." },
  }),
  BatchResult: obj({
    received: { type: "integer", description: "Items in the request." },
    written: { type: "integer", description: "Values stored (a repeated key counts once; the last one wins)." },
    replaced: { type: "integer", description: "Stored values that were replaced or cleared." },
  }),
  LagMeasureGoal: obj({
    id: uuid,
    name: { type: "string" },
    unit: { type: "string" },
    direction: { type: "string", enum: ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] },
    teamId: { type: ["string", "null"], format: "uuid", description: "null: organization-wide." },
    baseline: obj({ value: { type: "number" }, date }),
    target: obj({ value: { type: "number" }, date }),
  }),
  LeadLagAnalysis: obj({
    leadMeasure: obj({ id: uuid, name: { type: "string" }, unit: { type: "string" } }),
    lagMeasure: { $ref: "#/components/schemas/LagMeasureGoal" },
    teamId: { type: ["string", "null"], format: "uuid", description: "The team analysed; null: the whole organization. A team's own lag measure is always analysed for its team." },
    lagValuesOf: { type: "string", enum: ["team", "organization"], description: "`organization` when a team records no values of its own for an organization-wide measure." },
    declaredDriver: { type: "boolean", description: "Whether the lag measure names this lead measure as a driver." },
    window: obj({ firstWeek: date, lastWeek: date, weeks: { type: "integer" }, weekStartsOn: { type: "integer", description: "0 = Sunday, 1 = Monday." } }),
    maxLagWeeks: { type: "integer" },
    minN: { type: "integer", description: "Paired weekly changes a fit needs before it can be the best one." },
    series: {
      type: "array",
      description: "The weekly series analysed, oldest first.",
      items: obj({ weekStart: date, lead: { type: "number", description: "Weekly total." }, lag: { type: ["number", "null"], description: "Weekly mean; null without a value." } }),
    },
    fits: {
      type: "array",
      description: "One regression of Δlag(t) on Δlead(t−k) per k; statistics are null when they cannot be computed.",
      items: obj({
        k: { type: "integer", description: "Weeks between the lead's change and the lag's." },
        n: { type: "integer", description: "Paired weekly changes." },
        r: { type: ["number", "null"], description: "Pearson correlation." },
        slope: { type: ["number", "null"], description: "Change in the lag per unit change in the lead." },
        slopeSE: { type: ["number", "null"], description: "Standard error of the slope." },
        p: { type: ["number", "null"], description: "Two-sided p-value of slope = 0." },
        ci95: { type: ["array", "null"], items: { type: "number" }, minItems: 2, maxItems: 2, description: "95% confidence interval of the slope, [low, high]." },
        r2: { type: ["number", "null"] },
        enoughData: { type: "boolean", description: "n ≥ minN." },
      }),
    },
    bestK: { type: ["integer", "null"], description: "null when no fit has enough data." },
    verdict: obj({
      kind: { type: "string", enum: ["predictive", "opposite", "weak", "none", "insufficient"] },
      text: { type: "string", description: "The verdict in plain words, for people." },
    }),
    expectedSign: { type: "integer", enum: [1, -1], description: "+1: more activity should raise the lag (higher is better); −1: lower it." },
  }),
  LagForecast: obj({
    lagMeasure: { $ref: "#/components/schemas/LagMeasureGoal" },
    teamId: { type: ["string", "null"], format: "uuid" },
    lagValuesOf: { type: "string", enum: ["team", "organization"] },
    history: { type: "array", description: "The last 26 weekly means, oldest first.", items: obj({ weekStart: date, value: { type: ["number", "null"] } }) },
    forecast: obj({
      kind: { type: "string", enum: ["forecast", "insufficient"] },
      n: { type: "integer", description: "Weeks with a value the trend was fitted on." },
      slopePerWeek: { type: ["number", "null"] },
      reason: { type: ["string", "null"], description: "Why there is no forecast." },
      points: {
        type: "array",
        items: obj({
          weekStart: date,
          step: { type: "integer", description: "Weeks after the last week of the history." },
          mean: { type: "number" },
          lo80: { type: "number" },
          hi80: { type: "number" },
          lo95: { type: "number" },
          hi95: { type: "number" },
        }),
      },
    }),
  }),
  RoiEvaluation: obj({
    currency: { type: "string", description: "The request's ISO 4217 code, echoed." },
    months: { type: "integer", description: "The period the benefit values cover." },
    benefits: { type: "number", description: "Sum of the attributed benefit values." },
    costs: { type: "number", description: "Sum of the fully-loaded costs." },
    netBenefit: { type: "number", description: "benefits − costs." },
    bcr: { type: "number", description: "Benefit-cost ratio: benefits ÷ costs (2.0 = two back per one spent)." },
    roiPercent: { type: "number", description: "Return on investment: (benefits − costs) ÷ costs × 100 (BCR 2.0 = ROI 100%)." },
    paybackMonths: { type: ["number", "null"], description: "costs ÷ monthly benefits; null when there is no benefit." },
    lines: {
      type: "array",
      items: obj({ name: { type: "string" }, value: { type: "number" }, attributed: { type: "number", description: "value × margin × isolation × confidence × (1 + adjustment)." } }),
    },
  }),
  ReportExport: obj({
    id: uuid,
    status: { type: "string", enum: ["running", "succeeded", "failed"] },
    progress: { type: "number", minimum: 0, maximum: 1 },
    stage: { type: "string", description: "What the export is doing, in words." },
    error: { type: ["string", "null"], description: "Why it failed; null otherwise." },
    reportId: { type: ["string", "null"], format: "uuid", description: "The report made; null until it succeeded." },
  }),
  ReportListItem: obj({
    id: uuid,
    title: { type: "string" },
    quarter: { type: "string", description: "e.g. 2026-Q3" },
    quarterLabel: { type: "string", description: "e.g. Q3 2026" },
    scope: { type: "string", enum: ["organization", "program"] },
    programName: { type: ["string", "null"] },
    asOf: { ...date, description: "The last day the report's numbers cover." },
    complete: { type: "boolean", description: "false: the quarter was still running (a report to date)." },
    createdAt: { type: "string", format: "date-time" },
    createdBy: { type: ["string", "null"], description: "Who exported it; null when they are no longer a member." },
    pdfPages: { type: "integer" },
    fingerprint: { type: "string", description: "The first 16 hex digits of the snapshot's SHA-256." },
  }),
  ReportView: obj({
    item: { $ref: "#/components/schemas/ReportListItem" },
    document: { $ref: "#/components/schemas/ReportDocument" },
    pdfSha256: { type: "string", description: "SHA-256 of the PDF, hex." },
    snapshotSha256: { type: "string", description: "SHA-256 of the snapshot's canonical JSON, hex." },
  }),
  ReportDocument: obj({
    version: { type: "integer" },
    title: { type: "string" },
    subtitle: { type: "string" },
    meta: obj({
      organization: { type: "string" },
      scope: { type: "string" },
      period: { type: "string" },
      asOf: { type: "string" },
      generatedOn: { type: "string" },
      preparedBy: { type: "string" },
      fingerprint: { type: "string" },
    }),
    sections: {
      type: "array",
      items: obj(
        {
          id: { type: "string", description: "summary, execution, results, roi, predictive, assumptions, comparison, next" },
          title: { type: "string" },
          pageBreakBefore: { type: "boolean" },
          blocks: {
            type: "array",
            description: "Every string already worded and formatted in the organization's locale and currency.",
            items: obj(
              {
                kind: { type: "string", enum: ["paragraph", "bullets", "figures", "table", "chart"] },
                text: { type: "string", description: "paragraph" },
                lead: { type: "boolean", description: "paragraph: the executive summary's opening" },
                items: { type: "array", description: "bullets: strings; figures: {label, value, note?}" },
                caption: { type: "string", description: "table" },
                columns: { type: "array", items: obj({ label: { type: "string" }, align: { type: "string", enum: ["left", "right"] } }) },
                rows: { type: "array", items: { type: "array", items: { type: "string" } } },
                chart: { type: "object", description: "chart: title, description, type (line or bar), labels, datasets, y axis" },
              },
              ["kind"],
            ),
          },
        },
        ["id", "title", "blocks"],
      ),
    },
    facts: {
      type: "array",
      description: "Every number of the report, as the CSV appendix lists it.",
      items: obj({
        section: { type: "string" },
        item: { type: "string" },
        metric: { type: "string" },
        value: { type: ["number", "null"] },
        unit: { type: "string" },
        display: { type: "string", description: "The value as the report prints it." },
      }),
    },
  }),
  LagObservation: obj({
    id: uuid,
    lagMeasureId: uuid,
    teamId: { type: ["string", "null"], format: "uuid" },
    date,
    value: { type: "number" },
    note: { type: "string" },
  }),
};

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
  LagObservation: obj({
    id: uuid,
    lagMeasureId: uuid,
    teamId: { type: ["string", "null"], format: "uuid" },
    date,
    value: { type: "number" },
    note: { type: "string" },
  }),
};

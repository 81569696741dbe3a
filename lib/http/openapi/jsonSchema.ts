// zod schemas as the JSON Schemas (2020-12, OpenAPI 3.1's dialect) of the OpenAPI document:
// request bodies and queries as a client sends them, responses as the API answers them.
import { z } from "zod";
import { RESPONSE_SCHEMAS } from "@/lib/schemas/responses";

export type JsonSchema = Record<string, unknown>;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Leaves out what only repeats another keyword: the regular expressions zod adds to formats it
 * knows (uuid, date, date-time, email) and the ±2^53 bounds of every integer.
 */
function tidy({ jsonSchema: s }: { jsonSchema: JsonSchema }): void {
  if (typeof s.format === "string" && typeof s.pattern === "string") delete s.pattern;
  if (s.type === "integer") {
    if (s.maximum === MAX_SAFE) delete s.maximum;
    if (s.minimum === -MAX_SAFE) delete s.minimum;
  }
}

/** What a client sends, as a standalone schema. */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", override: tidy }) as JsonSchema;
  return rest;
}

export const componentRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every response body by name, referring to each other as #/components/schemas/<name>. */
export function responseComponents(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RESPONSE_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: "output", uri: (id) => componentRef(id).$ref, override: tidy });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as JsonSchema;
      return [name, rest];
    }),
  );
}

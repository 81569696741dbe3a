// The OpenAPI 3.1 document of REST API v1, served at /api/v1/openapi.json. Request bodies and
// query parameters come from the same zod schemas the endpoints validate with, responses from the
// zod schemas of lib/schemas/responses that the integration tests check every answer against.
// A test checks that every route file under app/api is described here.
import { API_SCOPES } from "@/lib/services/apiTokens";
import { answersOf, ERROR_TEXT, OPERATIONS, type Answer, type Operation } from "./operations";
import { componentRef, inputSchema, responseComponents, type JsonSchema } from "./jsonSchema";
import { SCOPE_DESCRIPTIONS } from "@/lib/auth/scopes";

function parametersOf(op: Operation): unknown[] {
  const params: unknown[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: op.pathParams?.[m[1]!] ?? { type: "string", format: "uuid" },
  }));
  if (op.query) {
    const schema = inputSchema(op.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, { description, ...s }] of Object.entries(schema.properties ?? {})) {
      params.push({ name, in: "query", required: schema.required?.includes(name) ?? false, schema: s, ...(description ? { description } : {}) });
    }
  }
  for (const q of op.queryParams ?? []) params.push({ name: q.name, in: "query", required: false, description: q.description, schema: q.schema });
  return params;
}

function responseObject({ description, ...answer }: Answer) {
  const content = "json" in answer ? { "application/json": { schema: componentRef(answer.json) } } : answer.content;
  return { description, content };
}

function operationObject(op: Operation) {
  const body = op.body
    ? { required: true, content: { "application/json": { schema: inputSchema(op.body) } } }
    : op.upload
      ? { required: true, content: op.upload.content }
      : undefined;
  const responses = Object.entries(answersOf(op)).map(([status, { shared, ...answer }]) => [
    status,
    shared ? { $ref: `#/components/responses/${shared}` } : responseObject(answer),
  ]);
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    operationId: `${op.method}${op.path.replace(/^\/api\/v1/, "").replace(/[{}]/g, "").replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    ...(op.scope === "public"
      ? { security: [] }
      : { security: [{ bearerAuth: op.scope ? [op.scope] : [] }, { sessionCookie: [] }], "x-required-scope": op.scope }),
    parameters: parametersOf(op),
    ...(body ? { requestBody: body } : {}),
    responses: Object.fromEntries(responses),
  };
}

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  paths["/api/v1/openapi.json"] = {
    get: { summary: "This document", operationId: "getOpenapi", security: [], responses: { "200": { description: "OpenAPI 3.1 JSON." } } },
  };
  const errorResponse = (description: string) => responseObject({ description, json: "Error" });
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Leadlag REST API",
      version: "1.0.0",
      description:
        "Push lead entries and lag results from helpdesks, CRMs and HR systems, and read teams, measures and entries. " +
        "Authenticate with an organization's API token (`Authorization: Bearer llk_…`, created by an admin in Settings → API tokens); " +
        "a token can do only what its scopes allow. Every refusal has the same shape: `{\"error\":{\"code\",\"message\",\"details\"}}`.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "llk_<organization>_<secret>",
          description: `An API token. Scopes (listed per operation): ${API_SCOPES.map((s) => `\`${s}\` — ${SCOPE_DESCRIPTIONS[s]}`).join(" ")}`,
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "A signed-in browser session (`__Secure-next-auth.session-token` over HTTPS); the person's role decides what is allowed.",
        },
      },
      schemas: responseComponents(),
      responses: Object.fromEntries(Object.entries(ERROR_TEXT).map(([s, d]) => [`E${s}`, errorResponse(d)])),
    },
  };
  return cached;
}

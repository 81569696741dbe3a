// The OpenAPI document describes every API route (found on disk, so a new route file without
// documentation fails here), with a scope on each operation and no dangling $ref.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_SCOPES } from "@/lib/services/apiTokens";
import { openApiDocument } from "./document";

const API = path.resolve(__dirname, "../../../app/api");

/** [OpenAPI path, method] of every handler exported by a route file under app/api (but next-auth's own). */
function routesOnDisk(): [string, string][] {
  const out: [string, string][] = [];
  for (const file of readdirSync(API, { recursive: true, encoding: "utf8" })) {
    // Flows for browsers and mail clients (next-auth, SSO redirects, RFC 8058 one-click
    // unsubscribe from an email's List-Unsubscribe-Post) are not part of the REST API.
    if (path.basename(file) !== "route.ts" || ["auth", "sso", "unsubscribe"].some((dir) => file.startsWith(`${dir}${path.sep}`))) continue;
    const url = `/api/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    const source = readFileSync(path.join(API, file), "utf8");
    for (const m of source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) out.push([url, m[1]!.toLowerCase()]);
  }
  return out;
}

type Op = { operationId: string; security: Record<string, string[]>[]; responses: Record<string, Record<string, unknown>> };
type Doc = { openapi: string; paths: Record<string, Record<string, Op>> };

describe("the OpenAPI document of API v1", () => {
  const doc = openApiDocument() as unknown as Doc;

  it("is OpenAPI 3.1", () => {
    expect(doc.openapi).toBe("3.1.0");
  });

  it("describes every route file's handlers, and nothing that does not exist", () => {
    const onDisk = routesOnDisk();
    expect(onDisk.length).toBeGreaterThan(8);
    for (const [url, method] of onDisk) expect(doc.paths[url]?.[method], `${method.toUpperCase()} ${url}`).toBeDefined();
    const documented = Object.entries(doc.paths).flatMap(([url, ops]) => Object.keys(ops).map((m) => `${m} ${url}`));
    expect(documented.sort()).toEqual(onDisk.map(([url, m]) => `${m} ${url}`).sort());
  });

  it("names a known scope for every authenticated operation", () => {
    for (const [url, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (op.security.length === 0) continue; // public: this document and the health check
        const scopes = op.security.flatMap((s) => s.bearerAuth ?? []);
        // A scope-less operation (the ROI calculator) takes any valid token.
        if ((op as { "x-required-scope"?: string | null })["x-required-scope"] === null) {
          expect(scopes, `${method} ${url}`).toEqual([]);
          continue;
        }
        expect(scopes.length, `${method} ${url}`).toBe(1);
        expect(API_SCOPES).toContain(scopes[0]);
      }
    }
  });

  it("has no dangling $ref", () => {
    const text = JSON.stringify(doc);
    for (const [, ref] of text.matchAll(/"\$ref":"#\/([^"]+)"/g)) {
      const target = ref!.split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it("gives every operation a unique id, a success answer, and content or a shared response for every status", () => {
    const ids = new Set<string>();
    for (const [url, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${url}`;
        expect(ids.has(op.operationId), where).toBe(false);
        ids.add(op.operationId);
        const statuses = Object.keys(op.responses);
        expect(statuses.some((s) => /^2\d\d$/.test(s)), where).toBe(true);
        for (const status of statuses) {
          expect(status, where).toMatch(/^[1-5]\d\d$/);
          const response = op.responses[status]!;
          if ("$ref" in response) expect(response.$ref, where).toMatch(/^#\/components\/responses\//);
          else expect(typeof response.description, `${where} ${status}`).toBe("string");
        }
      }
    }
  });

  it("generates every response schema from zod, and uses each one", () => {
    const { components } = doc as unknown as { components: { schemas: Record<string, { $schema?: string; $id?: string }> } };
    const text = JSON.stringify(doc.paths) + JSON.stringify(components);
    for (const [name, schema] of Object.entries(components.schemas)) {
      expect(schema.$schema, name).toBeUndefined();
      expect(schema.$id, name).toBeUndefined();
      expect(text, name).toContain(`"#/components/schemas/${name}"`);
    }
    expect(components.schemas.Team).toMatchObject({ required: ["id", "name", "memberCount"], additionalProperties: false });
  });

  it("documents request bodies from the zod schemas the endpoints validate with", () => {
    const body = (doc.paths["/api/v1/lead-entries"]!.post as unknown as { requestBody: { content: Record<string, { schema: { required: string[]; additionalProperties: boolean } }> } })
      .requestBody.content["application/json"]!.schema;
    expect(body.required.sort()).toEqual(["date", "leadMeasureId", "teamId", "value"]);
    expect(body.additionalProperties).toBe(false);
  });
});

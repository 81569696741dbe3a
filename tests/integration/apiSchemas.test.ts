// The check every API test runs on the responses it receives (tests/helpers/apiSchemas.ts):
// it passes what the OpenAPI document declares and fails anything else, so a route that starts
// answering differently from its documentation fails its tests.
import { describe, expect, it } from "vitest";
import { expectDocumented } from "../helpers/apiSchemas";

const TEAM = { id: "0b3c8f2e-6d1a-4c6b-9a51-2f1e8d7c6b5a", name: "Support Team", memberCount: 2 };
const request = (method: string, path: string) => new Request(`http://leadlag.test${path}`, { method });
const check = (method: string, path: string, response: Response) => expectDocumented(request(method, path), response);

describe("checking API responses against the OpenAPI document", () => {
  it("passes a documented JSON body, a documented refusal and a documented file", async () => {
    await check("GET", "/api/v1/teams", Response.json({ data: [TEAM] }));
    await check("POST", "/api/v1/teams", Response.json({ data: TEAM }, { status: 201 }));
    await check("GET", `/api/v1/teams/${TEAM.id}/members`, Response.json({ error: { code: "not_found", message: "Team not found." } }, { status: 404 }));
    await check("GET", "/api/v1/exports/lead-entries.csv?bom=false", new Response("email\r\n", { headers: { "content-type": "text/csv; charset=utf-8" } }));
  });

  it("fails a body with a missing, mistyped or undocumented field", async () => {
    await expect(check("GET", "/api/v1/teams", Response.json({ data: [{ id: TEAM.id, name: "x" }] }))).rejects.toThrow(/not the documented TeamList[\s\S]*memberCount/);
    await expect(check("GET", "/api/v1/teams", Response.json({ data: [{ ...TEAM, memberCount: "2" }] }))).rejects.toThrow(/TeamList/);
    await expect(check("GET", "/api/v1/teams", Response.json({ data: [{ ...TEAM, archived: false }] }))).rejects.toThrow(/archived/);
    await expect(check("GET", "/api/v1/teams", Response.json({ error: { code: "oops", message: "x" } }, { status: 401 }))).rejects.toThrow(/not the documented Error/);
  });

  it("fails a status, a media type or an operation the document does not declare", async () => {
    await expect(check("GET", "/api/v1/teams", Response.json({ data: [] }, { status: 404 }))).rejects.toThrow(/does not declare/);
    await expect(check("GET", "/api/v1/exports/lead-entries.csv", Response.json({ data: [] }))).rejects.toThrow(/text\/csv/);
    await expect(check("DELETE", "/api/v1/teams", new Response(null, { status: 204 }))).rejects.toThrow(/no such operation/);
  });
});

// GET /api/v1/openapi.json — the OpenAPI 3.1 document of REST API v1. Public: it describes the
// API, it reveals no data.
import { openApiDocument } from "@/lib/http/openapi/document";

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

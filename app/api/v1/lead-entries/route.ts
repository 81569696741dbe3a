// GET /api/v1/lead-entries — lead entries, filtered and paged by cursor.
// POST /api/v1/lead-entries — adds one entry to a person's day (idempotent per key).
import { apiRoute, readJson } from "@/lib/http/apiRoute";
import { addLeadEntry, listLeadEntries } from "@/lib/http/endpoints/leadEntries";
import { queryOf } from "@/lib/http/validation";

export const GET = apiRoute("entries:read", async ({ db, caller, request }) => {
  return Response.json(await listLeadEntries(db, caller, queryOf(request)));
});

export const POST = apiRoute("entries:write", async ({ db, caller, request }) => {
  const { entry, created } = await addLeadEntry(db, caller, await readJson(request));
  // A replay of an idempotency key answers 200 with the entry the first request stored.
  return Response.json({ data: entry, created }, { status: created ? 201 : 200 });
});

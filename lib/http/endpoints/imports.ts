import "server-only";
// The route handlers of the import API, one pair per kind: the files under app/api/v1/imports
// only say which kind they serve.
import { requireImporter } from "@/lib/auth/permissions";
import { apiRoute } from "@/lib/http/apiRoute";
import { checkImport, commitImportResponse, previewOf } from "@/lib/services/csvImport";
import type { ImportKind } from "@/lib/csv/options";
import { readImportRequest } from "../csvRequest";

/** POST …/preview: reads and checks the file, writes nothing; 200 with the preview JSON. */
export function importPreviewRoute(kind: ImportKind) {
  return apiRoute("entries:write", async ({ db, ctx, request }) => {
    requireImporter(ctx.role, kind); // before reading a 20 MB body for nothing
    const req = await readImportRequest(request);
    const { check } = await checkImport(db, ctx, kind, req);
    return Response.json(previewOf(kind, req.fileName, check), { headers: { "cache-control": "no-store" } });
  });
}

/** POST …/commit: 400 with every problem, or 200 streaming NDJSON progress, then "done". */
export function importCommitRoute(kind: ImportKind) {
  return apiRoute("entries:write", async ({ db, ctx, request }) => {
    requireImporter(ctx.role, kind);
    return commitImportResponse(db, ctx, kind, await readImportRequest(request));
  });
}

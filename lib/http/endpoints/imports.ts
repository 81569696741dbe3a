import "server-only";
// The route handlers of the import API, one set per kind (template, preview, commit): the files
// under app/api/v1/imports only say which kind they serve. The commit answers with its progress as NDJSON.
import { requireImporter } from "@/lib/auth/permissions";
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/apiRoute";
import { checkImport, isReady, notReady, previewOf, type ImportFile, type Written } from "@/lib/services/csvImport";
import type { ImportKind } from "@/lib/csv/options";
import { CSV_BOM, csvHeader, csvLine } from "@/lib/csv/format";
import { importTemplate } from "@/lib/views/importTemplate";
import { CSV_UPLOAD } from "../crossOrigin";
import { csvResponse } from "../csvResponse";
import { readImportRequest } from "../csvRequest";
import { ndjsonResponse, type NdjsonError } from "../ndjson";

/** GET …/template.csv: the header row and a few example rows in the organization's own names. */
export function importTemplateRoute(kind: ImportKind) {
  return apiRoute("entries:read", async ({ db, ctx }) => {
    const template = await importTemplate(db, ctx, kind);
    return csvResponse(template.fileName, async function* () {
      yield CSV_BOM + csvHeader(template.header) + template.rows.map(csvLine).join("");
    });
  });
}

/** POST …/preview: reads and checks the file, writes nothing; 200 with the preview JSON. */
export function importPreviewRoute(kind: ImportKind) {
  return apiRoute("entries:write", async ({ db, ctx, request }) => {
    requireImporter(ctx.role, kind); // before reading a 20 MB body for nothing
    const req = await readImportRequest(request);
    const { check, changes } = await checkImport(db, ctx, kind, req);
    return Response.json(previewOf(kind, req.fileName, check, await changes()), { headers: { "cache-control": "no-store" } });
  }, { accepts: CSV_UPLOAD });
}

/** POST …/commit: 400 with every problem, or 200 streaming NDJSON progress, then "done". */
export function importCommitRoute(kind: ImportKind) {
  return apiRoute("entries:write", async ({ db, ctx, request }) => {
    requireImporter(ctx.role, kind);
    return commitImportResponse(db, ctx, kind, await readImportRequest(request));
  }, { accepts: CSV_UPLOAD });
}

/** The commit's lines: the transaction commits before "done"; after "error" nothing was written. */
export type ImportEvent =
  | { type: "start"; total: number }
  | { type: "progress"; done: number; total: number }
  | ({ type: "done" } & Written)
  | NdjsonError;

/** Checks, then streams the commit. A file with problems is a 400 in the one error shape. */
export async function commitImportResponse(
  db: Db,
  ctx: TenantContext,
  kind: ImportKind,
  req: ImportFile,
  now = clock.now(),
): Promise<Response> {
  const checked = await checkImport(db, ctx, kind, req, now);
  if (!isReady(checked.check)) throw notReady(checked.check);
  const total = checked.check.writes.length;
  return ndjsonResponse<ImportEvent>(async (send) => {
    send({ type: "start", total });
    const written = await checked.commit((done) => send({ type: "progress", done, total }));
    return { type: "done", ...written };
  });
}

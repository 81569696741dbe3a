import { importPreviewRoute } from "@/lib/http/endpoints/imports";

export const dynamic = "force-dynamic";

/** Check a lag-observations CSV without writing anything (see lib/http/endpoints/imports.ts). */
export const POST = importPreviewRoute("lag-observations");

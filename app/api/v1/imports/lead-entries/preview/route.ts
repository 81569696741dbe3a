import { importPreviewRoute } from "@/lib/http/endpoints/imports";

export const dynamic = "force-dynamic";

/** Check a lead-entries CSV without writing anything (see lib/http/endpoints/imports.ts). */
export const POST = importPreviewRoute("lead-entries");

import { importPreviewRoute } from "@/lib/csv/routes";

export const dynamic = "force-dynamic";

/** Check a lead-entries CSV without writing anything (see lib/csv/routes.ts). */
export const POST = importPreviewRoute("lead-entries");

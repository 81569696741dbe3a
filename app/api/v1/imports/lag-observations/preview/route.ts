import { importPreviewRoute } from "@/lib/csv/routes";

export const dynamic = "force-dynamic";

/** Check a lag-observations CSV without writing anything (see lib/csv/routes.ts). */
export const POST = importPreviewRoute("lag-observations");

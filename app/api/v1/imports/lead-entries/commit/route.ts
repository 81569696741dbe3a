import { importCommitRoute } from "@/lib/csv/routes";

export const dynamic = "force-dynamic";

/** Import a lead-entries CSV, all or nothing, streaming progress (see lib/csv/routes.ts). */
export const POST = importCommitRoute("lead-entries");

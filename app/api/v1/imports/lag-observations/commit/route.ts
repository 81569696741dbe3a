import { importCommitRoute } from "@/lib/csv/routes";

export const dynamic = "force-dynamic";

/** Import a lag-observations CSV, all or nothing, streaming progress (see lib/csv/routes.ts). */
export const POST = importCommitRoute("lag-observations");

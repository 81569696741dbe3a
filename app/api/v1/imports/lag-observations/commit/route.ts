import { importCommitRoute } from "@/lib/http/endpoints/imports";

export const dynamic = "force-dynamic";

/** Import a lag-observations CSV, all or nothing, streaming progress (see lib/http/endpoints/imports.ts). */
export const POST = importCommitRoute("lag-observations");

import { importTemplateRoute } from "@/lib/http/endpoints/imports";

export const dynamic = "force-dynamic";

/** A lead-entries CSV to fill in: the importer's header and a few rows in the organization's own names (see lib/views/importTemplate.ts). */
export const GET = importTemplateRoute("lead-entries");

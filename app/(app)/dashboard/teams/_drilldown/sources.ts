// How the two drill-down pages (teams and lags) name the source of an entry or an observation.
import type { EntrySource } from "@/lib/generated/prisma/enums";

export const SOURCE_LABEL: Record<EntrySource, string> = {
  MANUAL: "Manual",
  CSV: "CSV import",
  API: "API",
  SEED: "Demo seed",
};

export const SOURCES: readonly EntrySource[] = ["MANUAL", "CSV", "API", "SEED"];

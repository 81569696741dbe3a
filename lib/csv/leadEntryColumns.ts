// The lead-entry CSV's columns: one row per person, lead measure and day. The importer
// (lib/services/csvLeadEntries.ts), the exporter and the import page's column list read them.
import { formatNumber } from "@/lib/domain/format";
import { MAX_ENTRY_VALUE } from "@/lib/schemas/leadEntry";
import type { ColumnSpec } from "./columns";

export type LeadField = "email" | "team" | "measure" | "date" | "value" | "note";

export const LEAD_ENTRY_COLUMNS: readonly ColumnSpec<LeadField>[] = [
  {
    field: "email",
    header: "email",
    required: true,
    aliases: ["e-mail", "email address", "person", "user", "member", "person email", "user email", "login"],
    description: "The person's email address; they must be a member of the organization and of the team.",
  },
  { field: "team", header: "team", required: true, aliases: ["team name"], description: "The team's name, as written in Leadlag." },
  {
    field: "measure",
    header: "measure",
    required: true,
    aliases: ["lead measure", "measure name", "metric", "activity"],
    description: "The lead measure's name; the team must track it.",
  },
  {
    field: "date",
    header: "date",
    required: true,
    aliases: ["day", "entry date", "logged on", "when"],
    description: "The day, YYYY-MM-DD (other orders only when chosen).",
  },
  {
    field: "value",
    header: "value",
    required: true,
    aliases: ["amount", "count", "quantity", "qty", "how many", "total"],
    description: `How many (or hours) that day, 0 to ${formatNumber(MAX_ENTRY_VALUE, "en-US")}; whole numbers for counted measures.`,
  },
  { field: "note", header: "note", required: false, aliases: ["notes", "comment", "comments"], description: "Optional, up to 500 characters." },
];

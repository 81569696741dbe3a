// The lag-observation CSV's columns: one row per lag measure, team (or none: organization-wide)
// and date. The importer (lib/services/csvLagObservations.ts), the exporter and the import page read them.
import type { ColumnSpec } from "./columns";

export type LagField = "measure" | "team" | "date" | "value" | "note";

export const LAG_OBSERVATION_COLUMNS: readonly ColumnSpec<LagField>[] = [
  {
    field: "measure",
    header: "measure",
    required: true,
    aliases: ["lag measure", "measure name", "metric", "kpi", "result"],
    description: "The lag measure's name, as written in Leadlag.",
  },
  {
    field: "team",
    header: "team",
    required: false,
    aliases: ["team name"],
    description: "The team the value is for; empty for the organization as a whole.",
  },
  {
    field: "date",
    header: "date",
    required: true,
    aliases: ["day", "observed on", "as of", "period", "when"],
    description: "The day the value is for, YYYY-MM-DD (other orders only when chosen).",
  },
  {
    field: "value",
    header: "value",
    required: true,
    aliases: ["amount", "score", "result value"],
    description: "The measured value, in the measure's unit (e.g. 84.5 for 84.5% CSAT).",
  },
  { field: "note", header: "note", required: false, aliases: ["notes", "comment", "comments"], description: "Optional, up to 500 characters." },
];

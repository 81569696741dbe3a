// Responses of the quarterly report endpoints: an export's state, the list, and one report with
// its document (lib/report/document.ts: every string already worded and formatted).
import { z } from "zod";
import { count, day, id, instant } from "./fields";

export const reportExportSchema = z.strictObject({
  id,
  status: z.enum(["running", "succeeded", "failed"]),
  progress: z.number().min(0).max(1),
  stage: z.string().describe("What the export is doing, in words."),
  error: z.string().nullable().describe("Why it failed; null otherwise."),
  reportId: id.nullable().describe("The report made; null until it succeeded."),
});

export const reportListItemSchema = z.strictObject({
  id,
  title: z.string(),
  quarter: z.string().describe("e.g. 2026-Q3"),
  quarterLabel: z.string().describe("e.g. Q3 2026"),
  scope: z.enum(["organization", "program"]),
  programName: z.string().nullable(),
  asOf: day.describe("The last day the report's numbers cover."),
  complete: z.boolean().describe("false: the quarter was still running (a report to date)."),
  createdAt: instant,
  createdBy: z.string().nullable().describe("Who exported it; null when they are no longer a member."),
  pdfPages: count,
  fingerprint: z.string().describe("The first 16 hex digits of the snapshot's SHA-256."),
});
export const reportListSchema = z.strictObject({ reports: z.array(reportListItemSchema).describe("Newest first.") });

const chartSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  description: z.string().describe("The chart in words: its accessible name and its caption."),
  type: z.enum(["line", "bar"]),
  labels: z.array(z.string()),
  datasets: z.array(
    z.strictObject({
      label: z.string(),
      data: z.array(z.number().nullable()).describe("One value per label; null leaves a gap."),
      color: z.string(),
      fill: z.literal("previous").nullable().optional(),
      fillColor: z.string().optional(),
      dashed: z.boolean().optional(),
      stepped: z.boolean().optional(),
      pointRadius: z.number().optional(),
      legend: z.boolean().optional(),
    }),
  ),
  y: z.strictObject({
    title: z.string(),
    format: z.enum(["percent", "money", "number"]),
    min: z.number().optional(),
    max: z.number().optional(),
    beginAtZero: z.boolean().optional(),
  }),
  locale: z.string(),
  currency: z.string().describe("ISO 4217 code, for money axes."),
});

const blockSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("paragraph"),
    text: z.string(),
    lead: z.boolean().optional().describe("The executive summary's opening."),
    note: z.boolean().optional().describe("A side note in small print (why the numbers may differ from the live pages)."),
  }),
  z.strictObject({ kind: z.literal("bullets"), items: z.array(z.string()) }),
  z.strictObject({ kind: z.literal("figures"), items: z.array(z.strictObject({ label: z.string(), value: z.string(), note: z.string().optional() })) }),
  z.strictObject({
    kind: z.literal("table"),
    caption: z.string(),
    columns: z.array(z.strictObject({ label: z.string(), align: z.enum(["left", "right"]) })),
    rows: z.array(z.array(z.string())),
    note: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal("chart"), chart: chartSchema }),
]);

export const reportDocumentSchema = z.strictObject({
  version: count,
  title: z.string(),
  subtitle: z.string(),
  meta: z.strictObject({
    organization: z.string(),
    scope: z.string(),
    period: z.string(),
    asOf: z.string(),
    asOfDay: day.describe("The as-of day as an ISO date; the PDF's creation date."),
    lang: z.string().describe("The organization's locale, the language the PDF declares."),
    generatedOn: z.string(),
    preparedBy: z.string(),
    fingerprint: z.string(),
  }),
  sections: z.array(
    z.strictObject({
      id: z.string().describe("summary, execution, results, roi, predictive, assumptions, comparison, next"),
      title: z.string(),
      blocks: z.array(blockSchema).describe("Every string already worded and formatted in the organization's locale and currency."),
      pageBreakBefore: z.boolean().optional(),
    }),
  ),
  facts: z
    .array(
      z.strictObject({
        section: z.string(),
        item: z.string(),
        metric: z.string(),
        value: z.number().nullable(),
        unit: z.string(),
        display: z.string().describe("The value as the report prints it."),
      }),
    )
    .describe("Every number of the report, as the CSV appendix lists it."),
});

export const reportViewSchema = z.strictObject({
  item: reportListItemSchema,
  document: reportDocumentSchema,
  pdfSha256: z.string().describe("SHA-256 of the PDF, hex."),
  snapshotSha256: z.string().describe("SHA-256 of the snapshot's canonical JSON, hex."),
});

// The quarterly ROI narrative as a document: sections of paragraphs, bullet lists, key figures,
// tables and charts, every string already worded and formatted for the organization's locale
// and currency. The narrative (narrative/narrative.ts) makes it from a snapshot; the report page
// and the renderers (render/: PDF, Markdown, the CSV appendix) only lay it out, so the formats
// can never disagree.
// Plain JSON throughout: no functions, no Dates, no NaN.

/** Version of the document's wording and layout. A snapshot keeps the version it was made with. */
export const REPORT_VERSION = 1;

export type ChartFormat = "percent" | "money" | "number";

export type ChartDataset = {
  label: string;
  /** One value per label; null leaves a gap. */
  data: (number | null)[];
  /** Line (and point) colour, CSS hex. */
  color: string;
  /** Area fill: to the previous dataset (a band) or none. */
  fill?: "previous" | null;
  /** Fill colour of a band, CSS rgba(). */
  fillColor?: string;
  dashed?: boolean;
  stepped?: boolean;
  pointRadius?: number;
  /** Hidden from the legend (the lower edge of a band). */
  legend?: boolean;
};

/** A chart as plain data: the page draws it with react-chartjs-2, the PDF as a PNG of the same chart.js chart. */
export type ChartSpec = {
  id: string;
  title: string;
  /** The chart in words: its accessible name and the caption under the image. */
  description: string;
  type: "line" | "bar";
  labels: string[];
  datasets: ChartDataset[];
  y: { title: string; format: ChartFormat; min?: number; max?: number; beginAtZero?: boolean };
  locale: string;
  /** ISO 4217 code, for money axes. */
  currency: string;
};

export type TableColumn = { label: string; align: "left" | "right" };

export type ReportBlock =
  | { kind: "paragraph"; text: string; lead?: boolean; /** A side note, in small print. */ note?: boolean }
  | { kind: "bullets"; items: string[] }
  | { kind: "figures"; items: { label: string; value: string; note?: string }[] }
  | { kind: "table"; caption: string; columns: TableColumn[]; rows: string[][]; note?: string }
  | { kind: "chart"; chart: ChartSpec };

export type ReportSection = {
  id: string;
  title: string;
  blocks: ReportBlock[];
  /** Start the section on a new page when printed. */
  pageBreakBefore?: boolean;
};

/** One number of the report, as the data appendix lists it. */
export type ReportFact = {
  section: string;
  item: string;
  metric: string;
  /** The raw value (rounded to 6 significant places); null when there is none. */
  value: number | null;
  unit: string;
  /** The value as the report prints it. */
  display: string;
};

export type ReportDocument = {
  version: number;
  title: string;
  subtitle: string;
  meta: {
    organization: string;
    scope: string;
    period: string;
    asOf: string;
    /** The as-of day as an ISO date: the PDF's creation and modification date. */
    asOfDay: string;
    /** The organization's locale ("en-GB"): the language the PDF declares to screen readers. */
    lang: string;
    generatedOn: string;
    preparedBy: string;
    /** First 16 hex digits of the snapshot's SHA-256, printed in the footer. */
    fingerprint: string;
  };
  sections: ReportSection[];
  facts: ReportFact[];
};

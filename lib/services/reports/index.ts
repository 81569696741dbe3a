import "server-only";
// Quarterly ROI narratives (issue 6): start an export, follow its progress, list past reports,
// and regenerate any of them — page, PDF, Markdown, CSV appendix — from its frozen snapshot.
//
// An export runs in the background: it collects the quarter's numbers (reportData.ts), builds the
// narrative, renders the PDF once to fingerprint it, then writes the Report row in one
// transaction. A failure on the way marks the export failed and leaves no report behind.
export { startReportExport, getReportExport, type ExportState } from "./exports";
export { listReports, getReport, reportFile, reportOptions, type ReportListItem, type ReportView, type ReportOptions } from "./reports";

// The quarterly ROI narrative, written deterministically from a snapshot (templates, no external
// service): an executive summary a sponsor reads in a minute, then execution, results, ROI, the
// lead → lag findings, assumptions and intangibles, the change since last quarter, and what comes
// next. The same snapshot always gives the same document, word for word. Each section is written
// in its own file; this one puts them in order and adds the title and the report's particulars.
import { REPORT_VERSION, type ReportDocument, type ReportSection } from "../document";
import type { ReportSnapshot } from "../snapshot/types";
import { assumptionsSection } from "./assumptions";
import { changeSinceLastQuarterSection } from "./changeSinceLastQuarter";
import { executionSection } from "./execution";
import { executiveSummarySection } from "./executiveSummary";
import { writerFor } from "./format";
import { leadLagFindingsSection } from "./leadLagFindings";
import { recommendationsSection } from "./recommendations";
import { resultsSection } from "./results";
import { roiSection } from "./roi";

export function buildNarrative(s: ReportSnapshot, snapshotSha256: string): ReportDocument {
  const w = writerFor(s.organization.locale, s.organization.currency);
  const scope = s.scope.kind === "program" ? s.scope.programName : `${s.organization.name} (all teams)`;
  const period = `${s.quarter.complete ? s.quarter.label : `${s.quarter.label} to date`} (${w.day(s.quarter.start)} – ${w.day(s.quarter.asOf)})`;
  const sections: ReportSection[] = [
    executiveSummarySection(s, w, period),
    executionSection(s, w),
    resultsSection(s, w),
    roiSection(s, w),
    leadLagFindingsSection(s, w),
    assumptionsSection(s, w),
    changeSinceLastQuarterSection(s, w),
    recommendationsSection(s, w),
  ];
  return {
    version: REPORT_VERSION,
    title: `Quarterly ROI narrative: ${s.scope.kind === "program" ? s.scope.programName : s.organization.name}`,
    subtitle: period,
    meta: {
      organization: s.organization.name,
      scope,
      period,
      asOf: w.day(s.quarter.asOf),
      asOfDay: s.quarter.asOf,
      lang: s.organization.locale,
      generatedOn: w.day(s.generatedAt.slice(0, 10)),
      preparedBy: s.preparedBy,
      fingerprint: snapshotSha256.slice(0, 16),
    },
    sections,
    facts: w.facts,
  };
}

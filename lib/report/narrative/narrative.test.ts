// The narrative builder on fixed snapshots: the sentences a sponsor reads for rising, falling,
// missing and lower-is-better measures, the confidence statement, money and numbers in the
// organization's locale and currency — and never "NaN", "undefined", "Infinity" or an empty section.
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../document";
import { buildNarrative } from "./narrative";
import type { LagSnapshot, ProgramRoiSnapshot, ReportSnapshot, TeamExecution } from "../snapshot/types";

const SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const weeks = ["2026-07-06", "2026-07-13", "2026-07-20", "2026-07-27"];

function team(name: string, attainment: number | null, previous: number | null = null): TeamExecution {
  return {
    teamId: `t-${name}`,
    name,
    role: null,
    attainment,
    previousAttainment: previous,
    previousWeeks: previous == null ? 0 : 4,
    earlyAttainment: attainment,
    lateAttainment: attainment,
    weekly: weeks.map(() => attainment),
    leads: attainment == null ? [] : [{ leadMeasureId: "m1", name: "Coaching conversations", unit: "conversations", actual: 40 * attainment, target: 40, weeks: 4, weeksOnTarget: 2 }],
    checkIns: { held: 3, due: 4 },
    commitments: { done: 4, partial: 2, notDone: 1, open: 0 },
  };
}

function lag(over: Partial<LagSnapshot>): LagSnapshot {
  return {
    lagMeasureId: "l1",
    name: "CSAT",
    unit: "%",
    kind: "PERCENTAGE",
    direction: "HIGHER_IS_BETTER",
    team: null,
    baseline: { value: 78, date: "2026-06-01" },
    target: { value: 88, date: "2027-06-01" },
    atStart: { value: 79, date: "2026-06-28" },
    atEnd: { value: 82, date: "2026-09-27" },
    pathAtEnd: 80.5,
    pathAtNextQuarterEnd: 83,
    previousEnd: { value: 79, date: "2026-06-28" },
    history: weeks.map((w, i) => ({ weekStart: w, value: 79 + i })),
    forecast: [{ weekStart: "2026-08-03", mean: 83, lo80: 82, hi80: 84, lo95: 81, hi95: 85 }],
    forecastNote: null,
    ...over,
  };
}

function program(over: Partial<ProgramRoiSnapshot> = {}): ProgramRoiSnapshot {
  return {
    programId: "p1",
    name: "Service training",
    startDate: "2026-06-01",
    participants: ["Tier 1"],
    controls: ["Tier 2"],
    benefitMonths: 3,
    costs: [{ category: "DELIVERY", label: "Delivery and facilitation", amount: 100_000 }],
    costsExcluded: 0,
    totals: { costs: 100_000, benefits: 400_000, netBenefit: 300_000 },
    bcr: 4,
    roiPercent: 300,
    paybackMonths: 0.75,
    breakEvenMonth: "2026-07",
    range: { p10: 150, p50: 290, p90: 420, draws: 10_000, seed: 1 },
    lines: [
      { name: "Retention", kind: "RETENTION", lagName: "Retention", chosenMethod: "CONTROL_GROUP", usedMethod: "CONTROL_GROUP", isolationNote: "", improvement: 1, margin: 1, confidence: 0.8, attributed: 400_000, monthlyAttributed: 133_333, formula: "…", evidence: "" },
    ],
    months: [{ month: "2026-07", cumulativeCosts: 100_000, cumulativeBenefits: 400_000 }],
    projection: [{ month: "2026-10", cumulativeBenefits: 500_000, lo: 450_000, hi: 550_000, cumulativeCosts: 100_000 }],
    projectedRoiPercent: 400,
    assumptions: ["Costs are fully loaded."],
    intangibles: [{ name: "Morale", note: "Pulse survey" }],
    previous: null,
    ...over,
  };
}

function snapshot(over: Partial<ReportSnapshot> = {}): ReportSnapshot {
  return {
    version: 1,
    organization: { name: "Acme", locale: "en-US", currency: "USD", timeZone: "UTC", green: 1, amber: 0.8 },
    scope: { kind: "organization" },
    quarter: { id: "2026-Q3", label: "Q3 2026", start: "2026-07-01", end: "2026-09-30", asOf: "2026-09-30", complete: true, weeks },
    previousQuarter: { id: "2026-Q2", label: "Q2 2026", start: "2026-04-01", end: "2026-06-30" },
    nextQuarter: { id: "2026-Q4", label: "Q4 2026", start: "2026-10-01", end: "2026-12-31" },
    generatedAt: "2026-10-02T09:00:00.000Z",
    preparedBy: "Priya",
    teams: [team("Tier 1", 0.95, 0.7), team("Tier 2", 0.6, 0.65)],
    lags: [lag({})],
    drivers: [],
    programs: [program()],
    previousReport: null,
    nextQuarterTargets: [{ team: "Tier 1", leadName: "Coaching conversations", unit: "conversations", weeklyTarget: 10 }],
    openCommitmentsAhead: 2,
    ...over,
  };
}

const textOf = (doc: ReportDocument) => JSON.stringify(doc);
const sectionText = (doc: ReportDocument, id: string) => JSON.stringify(doc.sections.find((s) => s.id === id));
const summary = (doc: ReportDocument) => (doc.sections[0]!.blocks[0] as { text: string }).text;

function expectClean(doc: ReportDocument) {
  expect(textOf(doc)).not.toMatch(/NaN|undefined|Infinity|null%|\[object/);
  for (const s of doc.sections) {
    expect(s.blocks.length, s.id).toBeGreaterThan(0);
    for (const b of s.blocks) {
      if (b.kind === "paragraph") expect(b.text.trim().length, s.id).toBeGreaterThan(0);
      if (b.kind === "bullets") expect(b.items.length, s.id).toBeGreaterThan(0);
    }
  }
}

describe("the executive summary", () => {
  it("states the investment, the result, the ROI range and how sure we are, with BCR and ROI labelled apart", () => {
    const doc = buildNarrative(snapshot(), SHA);
    expect(summary(doc)).toBe(
      "In Q3 2026 (Jul 1, 2026 – Sep 30, 2026), Acme had invested $100,000, fully loaded, in Service training. " +
        "Acme's teams reached 77% of their lead-measure targets, and 1 of 1 lag measure is on track: CSAT improved from 79% to 82%. " +
        "The benefits attributed to it so far come to $400,000: a benefit-cost ratio (BCR) of 4 : 1 and an ROI of 300%, with a likely range of 150% to 420% (P10 to P90). " +
        "Confidence is high: every priced benefit is isolated by a control group or the pre-program trend, and even the pessimistic case (P10) is a gain of 150%.",
    );
    expectClean(doc);
  });

  it("says confidence is low when the pessimistic case is a loss, and moderate when estimates carry part of it", () => {
    expect(summary(buildNarrative(snapshot({ programs: [program({ range: { p10: -20, p50: 40, p90: 90, draws: 100, seed: 1 } })] }), SHA))).toMatch(
      /Confidence is low: the pessimistic case \(P10\) is a loss at an ROI of -20%/,
    );
    const manual = { ...program().lines[0]!, name: "Referrals", kind: "MANUAL", usedMethod: null, attributed: 1_000 };
    expect(summary(buildNarrative(snapshot({ programs: [program({ lines: [...program().lines, manual] })] }), SHA))).toMatch(
      /Confidence is moderate: .* 1 of 2 priced benefits rests on estimates or manual values/,
    );
  });

  it("claims nothing without a program, and nothing when no line could be isolated", () => {
    const none = buildNarrative(snapshot({ programs: [] }), SHA);
    expect(summary(none)).toMatch(/has no ROI program recorded, so this report covers execution and results only/);
    expect(sectionText(none, "roi")).toMatch(/No ROI program had started/);
    expectClean(none);
    const nothing = program({ lines: [{ ...program().lines[0]!, attributed: 0, usedMethod: null }], totals: { costs: 100_000, benefits: 0, netBenefit: -100_000 }, bcr: 0, roiPercent: -100 });
    expect(summary(buildNarrative(snapshot({ programs: [nothing] }), SHA))).toMatch(/Nothing is claimed yet: no benefit line has the data/);
  });
});

describe("the results, in the measure's own direction", () => {
  const results = (l: Partial<LagSnapshot>) => sectionText(buildNarrative(snapshot({ lags: [lag(l)] }), SHA), "results");

  it("a rising higher-is-better measure above its path is an improvement, on track", () => {
    expect(results({})).toContain("Over the quarter it rose by 3 points, from 79% to 82% on Sep 27, 2026: an improvement. That is on track: at or above the path value of 80.5%.");
  });

  it("a falling higher-is-better measure is a setback, and off track below its path", () => {
    expect(results({ atEnd: { value: 77, date: "2026-09-27" } })).toContain("it fell by 2 points, from 79% to 77% on Sep 27, 2026: a setback. That is off track: 3.5 points below the path value of 80.5%.");
  });

  it("a falling lower-is-better measure is an improvement, and on track below its path", () => {
    const text = results({
      name: "Resolution time",
      unit: "hours",
      direction: "LOWER_IS_BETTER",
      baseline: { value: 26, date: "2026-06-01" },
      target: { value: 18, date: "2027-06-01" },
      atStart: { value: 25, date: "2026-06-28" },
      atEnd: { value: 21.5, date: "2026-09-27" },
      pathAtEnd: 24,
    });
    expect(text).toContain("Resolution time, lower is better, aims to go from 26 hours to 18 hours by Jun 1, 2027.");
    expect(text).toContain("it fell by 3.5 hours, from 25 hours to 21.5 hours on Sep 27, 2026: an improvement. That is on track: at or below the path value of 24 hours.");
  });

  it("a rising lower-is-better measure is a setback, off track above its path", () => {
    const text = results({
      name: "Churn",
      unit: "%",
      direction: "LOWER_IS_BETTER",
      baseline: { value: 5, date: "2026-06-01" },
      target: { value: 3, date: "2027-06-01" },
      atStart: { value: 5, date: "2026-06-28" },
      atEnd: { value: 6, date: "2026-09-27" },
      pathAtEnd: 4.4,
    });
    expect(text).toContain("it rose by 1 point, from 5% to 6% on Sep 27, 2026: a setback. That is off track: 1.6 points above the path value of 4.4%.");
  });

  it("a measure without values says so instead of guessing, and the document stays clean", () => {
    const doc = buildNarrative(snapshot({ lags: [lag({ atStart: null, atEnd: null, previousEnd: null, history: weeks.map((w) => ({ weekStart: w, value: null })), forecast: null, forecastNote: "A trend needs at least 3 weeks with observations." })] }), SHA);
    expect(sectionText(doc, "results")).toContain("No value was recorded by Sep 30, 2026, so no status can be given.");
    expect(sectionText(doc, "results")).toContain("No data yet");
    expectClean(doc);
  });
});

describe("formatting for the organization", () => {
  it("writes money and numbers in the organization's locale and currency", () => {
    const doc = buildNarrative(snapshot({ organization: { name: "Acme GmbH", locale: "de-DE", currency: "EUR", timeZone: "Europe/Berlin", green: 1, amber: 0.8 } }), SHA);
    expect(summary(doc)).toMatch(/invested 100\.000\s€, fully loaded/);
    expect(summary(doc)).toContain("a benefit-cost ratio (BCR) of 4 : 1 and an ROI of 300%");
    expect(summary(doc)).toContain("In Q3 2026 (1. Juli 2026 – 30. Sept. 2026)");
    expect(sectionText(doc, "execution")).toContain("Coaching conversations");
    expectClean(doc);
  });

  it("records every printed ROI figure in the appendix's facts with its raw value", () => {
    const doc = buildNarrative(snapshot(), SHA);
    expect(doc.facts.find((f) => f.section === "ROI" && f.metric === "ROI %")).toMatchObject({ value: 300, display: "300%", unit: "%" });
    expect(doc.facts.find((f) => f.section === "ROI" && f.metric === "BCR")).toMatchObject({ value: 4, display: "4 : 1" });
    expect(doc.facts.find((f) => f.section === "ROI" && f.metric === "P10 ROI %")).toMatchObject({ value: 150, display: "150%" });
  });

  it("is deterministic: the same snapshot gives the same document", () => {
    expect(buildNarrative(snapshot(), SHA)).toEqual(buildNarrative(snapshot(), SHA));
    expect(buildNarrative(snapshot(), SHA).meta.fingerprint).toBe("0123456789abcdef");
  });
});

describe("comparison and recommendations", () => {
  it("cites what last quarter's report said", () => {
    const doc = buildNarrative(
      snapshot({
        previousReport: { reportId: "r", quarterLabel: "Q2 2026", createdAt: "2026-07-03T10:00:00Z", attainment: 0.6, lagsOnTrack: 0, lagsTotal: 1, roiPercent: 120, bcr: 2.2, p10: 40, p90: 200, benefits: 1, costs: 1 },
      }),
      SHA,
    );
    expect(sectionText(doc, "comparison")).toContain(
      "Last quarter (Q2 2026, report of Jul 3, 2026) we reported an ROI of 120% (P10 40% to P90 200%) and a BCR of 2.2 : 1, lead attainment of 60% and 0 of 1 lag measure on track. This quarter: an ROI of 300% (+180 points) and a BCR of 4 : 1, lead attainment of 77% (+17.5 points) and 1 of 1 lag measure on track.",
    );
  });

  it("recommends from the data: weak teams, thin check-ins, off-track lags, untested drivers", () => {
    const doc = buildNarrative(
      snapshot({
        teams: [team("Tier 1", 0.95), { ...team("Tier 2", 0.6), checkIns: { held: 1, due: 4 } }],
        lags: [lag({ atEnd: { value: 77, date: "2026-09-27" } })],
        drivers: [{ leadMeasureId: "m1", leadName: "Coaching conversations", lagMeasureId: "l1", lagName: "CSAT", kind: "insufficient", text: "Not enough data yet", k: null, n: 3, p: null, slope: null, ci95: null, weeks: 52 }],
      }),
      SHA,
    );
    const next = sectionText(doc, "next");
    expect(next).toContain("Raise lead execution in Tier 2 (60%): below 80% of target.");
    expect(next).toContain("Hold the weekly check-in in Tier 2 (1 of 4)");
    expect(next).toContain("Close the gap on CSAT: 3.5 points behind its path; it needs 83% by Dec 31, 2026 to be back on it.");
    expect(next).toContain("Keep logging weekly: Coaching conversations → CSAT needs more weeks of data");
    expectClean(doc);
  });

  it("summarises hundreds of teams per measure instead of one row per team and measure", () => {
    const many = Array.from({ length: 300 }, (_, i) => team(`Team ${String(i).padStart(3, "0")}`, 0.5 + (i % 10) / 20));
    const doc = buildNarrative(snapshot({ teams: many, nextQuarterTargets: many.map((t) => ({ team: t.name, leadName: "Coaching conversations", unit: "", weeklyTarget: 10 })) }), SHA);
    const execution = doc.sections.find((s) => s.id === "execution")!;
    const tables = execution.blocks.filter((b) => b.kind === "table");
    expect(tables[1]).toMatchObject({ caption: "Lead measures against their targets, all 300 teams" });
    expect(tables[1]!.kind === "table" && tables[1]!.rows).toHaveLength(1);
    expect(doc.facts.filter((f) => f.metric === "Done" && f.section === "Execution")).toHaveLength(300);
    expectClean(doc);
  });
});

// The middle of the narrative: execution (lead measures, cadence, movers), results (each lag
// measure from its baseline against its path), the ROI of each program, and which lead measures
// proved predictive. Pure: sentences from the snapshot's numbers, each number through the Writer.
import { leadAttainmentChart, lagChart, roiChart } from "./charts";
import type { ReportBlock, ReportSection } from "../document";
import { DASH, listText, plural, type Writer } from "./format";
import { cadenceTotals, overallAttainment } from "../snapshot/aggregates";
import { lagOnTrack, type LagSnapshot, type ProgramRoiSnapshot, type ReportSnapshot, type TeamExecution } from "../snapshot/types";

/** Per team × measure rows are listed up to this many teams; beyond, per measure (all rows in the appendix). */
export const MAX_TEAM_DETAIL = 20;
/** Lag charts drawn (the table lists every lag measure). */
export const MAX_LAG_CHARTS = 8;

const METHOD_LABEL: Record<string, string> = {
  CONTROL_GROUP: "control group (difference-in-differences)",
  TREND_LINE: "pre-program trend line",
  ESTIMATE: "estimate × confidence",
  CONSERVATIVE: "most conservative method",
};
export const methodLabel = (m: string | null) => (m ? (METHOD_LABEL[m] ?? m.toLowerCase()) : "none: no data, nothing claimed");

/** Change in percentage points between two shares, signed ("+12 points"). */


export function pointsText(w: Writer, now: number | null, before: number | null): string {
  if (now == null || before == null) return DASH;
  const d = Math.round((now - before) * 1000) / 10;
  return d === 0 ? "no change" : `${d > 0 ? "+" : "−"}${w.num(Math.abs(d), 1)} points`;
}

// ---- Execution ----------------------------------------------------------------------------------

export function executionSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "Execution";
  const blocks: ReportBlock[] = [];
  const teams = s.teams;
  if (!teams.length) return { id: "execution", title: "Execution: what the teams did", blocks: [{ kind: "paragraph", text: "No team is in this report's scope, so there is no execution to report." }] };
  const att = overallAttainment(teams);
  const cad = cadenceTotals(teams);
  const sentences = [
    att == null
      ? `No lead measure had a target in ${s.quarter.label}, so attainment cannot be measured.`
      : `Across ${plural(teams.length, "team")}, lead measures reached ${w.fact(S, "All teams", "Lead attainment", att * 100, w.share(att), "%")} of their weekly targets over ${plural(s.quarter.weeks.length, "week")}.`,
    cad.due
      ? `Teams held ${w.fact(S, "All teams", "Check-ins held", cad.held, w.num(cad.held, 0))} of ${w.fact(S, "All teams", "Check-ins due", cad.due, w.num(cad.due, 0))} weekly check-ins (${w.fact(S, "All teams", "Check-in cadence", (cad.held / cad.due) * 100, w.share(cad.held / cad.due), "%")}).`
      : "",
    cad.reviewed
      ? `Of ${w.fact(S, "All teams", "Commitments reviewed", cad.reviewed, w.num(cad.reviewed, 0))} reviewed commitments, ${w.num(cad.done, 0)} were done, ${w.num(cad.partial, 0)} partly done and ${w.num(cad.notDone, 0)} not done: ${w.fact(S, "All teams", "Commitments kept", cad.kept! * 100, w.share(cad.kept), "%")} kept (a partly done one counts half).`
      : "No commitments were reviewed in the quarter.",
  ].filter(Boolean);
  blocks.push({ kind: "paragraph", text: sentences.join(" ") });

  blocks.push({
    kind: "table",
    caption: `Lead execution by team, ${s.quarter.label}`,
    columns: [
      { label: "Team", align: "left" },
      ...(s.scope.kind === "program" ? [{ label: "Role", align: "left" as const }] : []),
      { label: "Lead attainment", align: "right" },
      { label: `vs ${s.previousQuarter.label}`, align: "right" },
      { label: "Check-ins held", align: "right" },
      { label: "Commitments kept", align: "right" },
    ],
    rows: teams.map((t) => {
      const c = cadenceTotals([t]);
      return [
        t.name,
        ...(s.scope.kind === "program" ? [t.role ?? ""] : []),
        w.fact(S, t.name, "Lead attainment", t.attainment == null ? null : t.attainment * 100, w.share(t.attainment), "%"),
        w.fact(S, t.name, `Change vs ${s.previousQuarter.label} (points)`, t.attainment != null && t.previousAttainment != null ? (t.attainment - t.previousAttainment) * 100 : null, pointsText(w, t.attainment, t.previousAttainment)),
        `${w.fact(S, t.name, "Check-ins held", t.checkIns.held, w.num(t.checkIns.held, 0))} of ${w.fact(S, t.name, "Check-ins due", t.checkIns.due, w.num(t.checkIns.due, 0))}`,
        c.reviewed ? w.fact(S, t.name, "Commitments kept", c.kept! * 100, w.share(c.kept), "%") : "none reviewed",
      ];
    }),
    note: "Lead attainment: actual ÷ target per measure and week, capped at 150%, averaged over the quarter's measure-weeks.",
  });

  blocks.push(measuresTable(s, w));
  blocks.push({ kind: "bullets", items: movers(s, w) });
  blocks.push({ kind: "chart", chart: leadAttainmentChart(s, w) });
  return { id: "execution", title: "Execution: what the teams did", blocks, pageBreakBefore: true };
}

function measuresTable(s: ReportSnapshot, w: Writer): ReportBlock {
  const S = "Execution";
  const pct = (actual: number, target: number) => (target > 0 ? actual / target : null);
  if (s.teams.length <= MAX_TEAM_DETAIL) {
    return {
      kind: "table",
      caption: "Lead measures against their targets",
      columns: [
        { label: "Team", align: "left" },
        { label: "Lead measure", align: "left" },
        { label: "Done", align: "right" },
        { label: "Target", align: "right" },
        { label: "Of target", align: "right" },
        { label: "Weeks on target", align: "right" },
      ],
      rows: s.teams.flatMap((t) =>
        t.leads.map((l) => {
          const item = `${t.name} · ${l.name}`;
          return [
            t.name,
            l.name,
            w.fact(S, item, "Done", l.actual, w.num(l.actual, 1), l.unit),
            w.fact(S, item, "Target", l.target, w.num(l.target, 1), l.unit),
            w.fact(S, item, "Of target", pct(l.actual, l.target) == null ? null : pct(l.actual, l.target)! * 100, w.share(pct(l.actual, l.target)), "%"),
            `${w.fact(S, item, "Weeks on target", l.weeksOnTarget, w.num(l.weeksOnTarget, 0))} of ${w.fact(S, item, "Weeks with a target", l.weeks, w.num(l.weeks, 0))}`,
          ];
        }),
      ),
    };
  }
  // Hundreds of teams: one row per measure; the appendix keeps every team's numbers.
  const byMeasure = new Map<string, { name: string; unit: string; actual: number; target: number; teams: number; teamsOnTarget: number }>();
  for (const t of s.teams)
    for (const l of t.leads) {
      const m = byMeasure.get(l.leadMeasureId) ?? { name: l.name, unit: l.unit, actual: 0, target: 0, teams: 0, teamsOnTarget: 0 };
      m.actual += l.actual;
      m.target += l.target;
      m.teams += 1;
      if (l.target > 0 && l.actual >= l.target * s.organization.green) m.teamsOnTarget += 1;
      byMeasure.set(l.leadMeasureId, m);
      w.fact(S, `${t.name} · ${l.name}`, "Done", l.actual, w.num(l.actual, 1), l.unit);
      w.fact(S, `${t.name} · ${l.name}`, "Target", l.target, w.num(l.target, 1), l.unit);
    }
  const rows = [...byMeasure.values()].sort((a, b) => a.name.localeCompare(b.name));
  return {
    kind: "table",
    caption: `Lead measures against their targets, all ${s.teams.length} teams`,
    columns: [
      { label: "Lead measure", align: "left" },
      { label: "Done", align: "right" },
      { label: "Target", align: "right" },
      { label: "Of target", align: "right" },
      { label: "Teams on target", align: "right" },
    ],
    rows: rows.map((m) => [
      m.name,
      w.fact(S, m.name, "Done, all teams", m.actual, w.num(m.actual, 1), m.unit),
      w.fact(S, m.name, "Target, all teams", m.target, w.num(m.target, 1), m.unit),
      w.share(pct(m.actual, m.target)),
      `${w.fact(S, m.name, "Teams on target", m.teamsOnTarget, w.num(m.teamsOnTarget, 0))} of ${w.num(m.teams, 0)}`,
    ]),
    note: "Every team's numbers are in the CSV data appendix.",
  };
}

/** The three biggest rises and falls in team attainment: against last quarter when it had data, else within this quarter. */
function movers(s: ReportSnapshot, w: Writer): string[] {
  const vsPrevious = s.teams.some((t) => t.attainment != null && t.previousAttainment != null);
  const changes = s.teams
    .map((t) => ({ t, from: vsPrevious ? t.previousAttainment : t.earlyAttainment, to: vsPrevious ? t.attainment : t.lateAttainment }))
    .filter((c): c is { t: TeamExecution; from: number; to: number } => c.from != null && c.to != null)
    .map((c) => ({ ...c, d: c.to - c.from }));
  if (!changes.length) return [`Biggest movers: not enough weeks with targets to compare any team's attainment.`];
  const basis = vsPrevious ? `against ${s.previousQuarter.label}` : "from the quarter's first weeks to its last";
  const line = (c: (typeof changes)[number]) => `${c.t.name}: ${w.share(c.from)} → ${w.share(c.to)} (${pointsText(w, c.to, c.from)})`;
  const up = changes.filter((c) => c.d > 0.005).sort((a, b) => b.d - a.d || a.t.name.localeCompare(b.t.name)).slice(0, 3);
  const down = changes.filter((c) => c.d < -0.005).sort((a, b) => a.d - b.d || a.t.name.localeCompare(b.t.name)).slice(0, 3);
  return [
    up.length ? `Biggest movers up (${basis}): ${up.map(line).join("; ")}.` : `No team's attainment rose ${basis}.`,
    down.length ? `Biggest movers down (${basis}): ${down.map(line).join("; ")}.` : `No team's attainment fell ${basis}.`,
  ];
}

// ---- Results ------------------------------------------------------------------------------------

/** A change of a lag measure in its unit; percentages move by points ("1 point", "2.5 points"). */
export function changeText(w: Writer, amount: number, unit: string): string {
  if (unit !== "%") return w.measure(amount, unit);
  const shown = w.num(amount, 1);
  return `${shown} ${shown === w.num(1, 1) ? "point" : "points"}`;
}

export function lagSentence(l: LagSnapshot, s: ReportSnapshot, w: Writer): string {
  const S = "Results";
  const v = (x: number | null | undefined) => w.measure(x, l.unit);
  const dir = l.direction === "LOWER_IS_BETTER" ? "lower is better" : "higher is better";
  const goal = `${l.name}${l.team ? ` (${l.team})` : ""}, ${dir}, aims to go from ${v(l.baseline.value)} to ${w.fact(S, l.name, "Target", l.target.value, v(l.target.value), l.unit)} by ${w.day(l.target.date)}.`;
  if (!l.atEnd) return `${goal} No value was recorded by ${w.day(s.quarter.asOf)}, so no status can be given.`;
  const end = w.fact(S, l.name, `Value as of ${s.quarter.asOf}`, l.atEnd.value, v(l.atEnd.value), l.unit);
  let moved = "";
  if (l.atStart) {
    const d = l.atEnd.value - l.atStart.value;
    const better = l.direction === "LOWER_IS_BETTER" ? d < 0 : d > 0;
    const size = changeText(w, Math.abs(d), l.unit);
    moved =
      Math.abs(d) < 1e-9
        ? ` It held at ${end} over the quarter.`
        : ` Over the quarter it ${d > 0 ? "rose" : "fell"} by ${size}, from ${v(l.atStart.value)} to ${end} on ${w.day(l.atEnd.date)}: ${better ? "an improvement" : "a setback"}.`;
  } else {
    moved = ` It stood at ${end} on ${w.day(l.atEnd.date)} (no value before the quarter to compare with).`;
  }
  const on = lagOnTrack(l) === "green";
  const path = w.fact(S, l.name, "Path value as of the latest value", l.pathAtEnd, v(l.pathAtEnd), l.unit);
  const gap = Math.abs(l.atEnd.value - l.pathAtEnd);
  const status = on
    ? ` That is on track: at or ${l.direction === "LOWER_IS_BETTER" ? "below" : "above"} the path value of ${path}.`
    : ` That is off track: ${changeText(w, gap, l.unit)} ${l.direction === "LOWER_IS_BETTER" ? "above" : "below"} the path value of ${path}.`;
  return goal + moved + status;
}

export function resultsSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "Results";
  if (!s.lags.length) return { id: "results", title: "Results: what moved", blocks: [{ kind: "paragraph", text: "No lag measure is in this report's scope: define lag measures (Measures) to report results." }], pageBreakBefore: true };
  const blocks: ReportBlock[] = s.lags.map((l) => ({ kind: "paragraph", text: lagSentence(l, s, w) }));
  blocks.push({
    kind: "table",
    caption: `Lag measures as of ${w.day(s.quarter.asOf)}`,
    columns: [
      { label: "Lag measure", align: "left" },
      { label: "Baseline", align: "right" },
      { label: "Start of quarter", align: "right" },
      { label: "Now", align: "right" },
      { label: "Path now", align: "right" },
      { label: "Target", align: "right" },
      { label: "Status", align: "left" },
    ],
    rows: s.lags.map((l) => {
      const status = lagOnTrack(l);
      return [
        `${l.name} (${l.direction === "LOWER_IS_BETTER" ? "lower" : "higher"} is better)`,
        w.fact(S, l.name, "Baseline", l.baseline.value, w.measure(l.baseline.value, l.unit), l.unit),
        w.fact(S, l.name, "Start of quarter", l.atStart?.value, w.measure(l.atStart?.value, l.unit), l.unit),
        w.measure(l.atEnd?.value, l.unit),
        w.measure(l.atEnd ? l.pathAtEnd : null, l.unit),
        `${w.measure(l.target.value, l.unit)} by ${w.day(l.target.date)}`,
        status === "green" ? "On track" : status === "red" ? "Off track" : "No data yet",
      ];
    }),
  });
  for (const l of s.lags.slice(0, MAX_LAG_CHARTS)) blocks.push({ kind: "chart", chart: lagChart(l, w) });
  if (s.lags.length > MAX_LAG_CHARTS) blocks.push({ kind: "paragraph", text: `Charts are drawn for the first ${MAX_LAG_CHARTS} lag measures; the table and the appendix list all ${s.lags.length}.` });
  return { id: "results", title: "Results: what moved", blocks, pageBreakBefore: true };
}

// ---- ROI ----------------------------------------------------------------------------------------

type Figure = Extract<ReportBlock, { kind: "figures" }>["items"][number];

/** A program's key figures; `only` picks some by label. Each is worded (and recorded as a fact) only when shown. */
export function roiFigures(p: ProgramRoiSnapshot, w: Writer, S = "ROI", only?: readonly string[]): Extract<ReportBlock, { kind: "figures" }> {
  const item = p.name;
  const all: [string, () => Omit<Figure, "label">][] = [
    ["Fully-loaded costs", () => ({ value: w.fact(S, item, "Costs", p.totals.costs, w.money(p.totals.costs), w.currency) })],
    ["Benefits to date", () => ({ value: w.fact(S, item, "Benefits", p.totals.benefits, w.money(p.totals.benefits), w.currency), note: `${plural(p.benefitMonths, "month")} counted` })],
    ["Net benefit", () => ({ value: w.fact(S, item, "Net benefit", p.totals.netBenefit, w.money(p.totals.netBenefit), w.currency) })],
    ["Benefit-cost ratio (BCR)", () => ({ value: w.fact(S, item, "BCR", p.bcr, w.bcr(p.bcr)), note: "benefits ÷ costs" })],
    ["Return on investment (ROI)", () => ({ value: w.fact(S, item, "ROI %", p.roiPercent, w.pct(p.roiPercent), "%"), note: "(benefits − costs) ÷ costs × 100" })],
    ["Payback", () => ({ value: p.paybackMonths == null ? "Not yet" : `${w.fact(S, item, "Payback (months)", p.paybackMonths, w.num(p.paybackMonths, 1))} months` })],
    ["P10", () => ({ value: w.fact(S, item, "P10 ROI %", p.range?.p10, w.pct(p.range?.p10 ?? null), "%"), note: "pessimistic" })],
    ["P50", () => ({ value: w.fact(S, item, "P50 ROI %", p.range?.p50, w.pct(p.range?.p50 ?? null), "%"), note: "median" })],
    ["P90", () => ({ value: w.fact(S, item, "P90 ROI %", p.range?.p90, w.pct(p.range?.p90 ?? null), "%"), note: "optimistic" })],
  ];
  return { kind: "figures", items: all.filter(([label]) => !only || only.includes(label)).map(([label, figure]) => ({ label, ...figure() })) };
}

export function roiSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "ROI";
  if (!s.programs.length) {
    return {
      id: "roi",
      title: "Return on investment",
      blocks: [{ kind: "paragraph", text: `No ROI program had started by ${w.day(s.quarter.asOf)}, so no investment or return is reported. Create a program (Programs) with its costs and benefit lines to add one.` }],
      pageBreakBefore: true,
    };
  }
  const blocks: ReportBlock[] = [];
  for (const p of s.programs) {
    const teams = `Participants: ${p.participants.length ? listText(p.participants) : "none"}${p.controls.length ? `; control group: ${listText(p.controls)}` : "; no control group"}.`;
    blocks.push({ kind: "paragraph", text: `${p.name}, started ${w.day(p.startDate)}. ${teams} Benefits are counted for ${plural(p.benefitMonths, "full month")} since the start.` });
    blocks.push(roiFigures(p, w));
    blocks.push({
      kind: "table",
      caption: `${p.name}: benefits by line`,
      columns: [
        { label: "Benefit", align: "left" },
        { label: "Isolation method", align: "left" },
        { label: "Margin", align: "right" },
        { label: "Confidence", align: "right" },
        { label: "Attributed to date", align: "right" },
      ],
      rows: p.lines.map((l) => [
        l.lagName ? `${l.name} (${l.lagName})` : l.name,
        l.kind === "MANUAL" ? "manual value with its evidence" : methodLabel(l.usedMethod),
        w.share(l.margin),
        w.fact(S, `${p.name} · ${l.name}`, "Confidence", l.confidence * 100, w.share(l.confidence), "%"),
        w.fact(S, `${p.name} · ${l.name}`, "Attributed benefit", l.attributed, w.money(l.attributed), w.currency),
      ]),
      note: "Attributed = value × margin × confidence; isolation is inside the value (the improvement the program may claim).",
    });
    blocks.push({ kind: "bullets", items: p.lines.map((l) => `${l.name}: ${l.formula}. ${l.isolationNote}${l.evidence ? ` Evidence: ${l.evidence}` : ""}`) });
    blocks.push({
      kind: "table",
      caption: `${p.name}: fully-loaded costs by category`,
      columns: [
        { label: "Category", align: "left" },
        { label: "Amount", align: "right" },
        { label: "Share", align: "right" },
      ],
      rows: [
        ...p.costs.map((c) => [c.label, w.fact(S, `${p.name} · ${c.label}`, "Cost", c.amount, w.money(c.amount), w.currency), w.share(p.totals.costs ? c.amount / p.totals.costs : null)]),
        ["Total", w.money(p.totals.costs), w.share(p.totals.costs ? 1 : null)],
      ],
      note: p.costsExcluded > 0 ? `${w.fact(S, p.name, "Costs dated after the as-of day (not counted)", p.costsExcluded, w.money(p.costsExcluded), w.currency)} of costs dated after ${w.day(s.quarter.asOf)} are not counted in this report.` : undefined,
    });
    const range = p.range ? `${w.num(p.range.draws, 0)} draws (seed ${p.range.seed}) give P10 ${w.pct(p.range.p10)}, P50 ${w.pct(p.range.p50)} and P90 ${w.pct(p.range.p90)}.` : "No range: it needs costs and at least one benefit line.";
    blocks.push({
      kind: "paragraph",
      text: `${range} ${p.breakEvenMonth ? `Cumulative benefits passed cumulative costs in ${w.month(p.breakEvenMonth)}.` : "Cumulative benefits have not yet caught up with the costs."} Projected four quarters ahead, the ROI would be ${w.fact(S, p.name, "Projected ROI % in four quarters", p.projectedRoiPercent, w.pct(p.projectedRoiPercent), "%")}.`,
    });
    blocks.push({ kind: "chart", chart: roiChart(p, w) });
  }
  return { id: "roi", title: "Return on investment", blocks, pageBreakBefore: true };
}

// ---- Lead → lag findings ---------------------------------------------------------------------------

export function predictiveSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "Lead → lag";
  const blocks: ReportBlock[] = [];
  const d = s.drivers;
  const count = (k: string) => d.filter((x) => x.kind === k).length;
  if (!d.length) {
    blocks.push({ kind: "paragraph", text: "No lead measure is declared as a driver of a lag measure in this scope, so nothing was tested. Name each lag measure's drivers (Measures) to test them." });
  } else {
    const parts = [
      count("predictive") ? `${count("predictive")} proved predictive` : "",
      count("weak") ? `${count("weak")} show weak evidence` : "",
      count("none") ? `${count("none")} show no evidence` : "",
      count("opposite") ? `${count("opposite")} moved in the unwanted direction` : "",
      count("insufficient") ? `${count("insufficient")} lack the data to test` : "",
    ].filter(Boolean);
    blocks.push({
      kind: "paragraph",
      text: `Of ${plural(d.length, "declared lead → lag pair")}, ${listText(parts)}. Each test regresses the lag's week-to-week change on the lead's change 0 to 8 weeks earlier over up to 52 weeks; a finding is an association in past data, not proof of cause.`,
    });
    blocks.push({ kind: "bullets", items: d.map((x) => `${x.leadName} → ${x.lagName}: ${x.text}`) });
    blocks.push({
      kind: "table",
      caption: "Lead → lag tests",
      columns: [
        { label: "Lead measure", align: "left" },
        { label: "Lag measure", align: "left" },
        { label: "Finding", align: "left" },
        { label: "Weeks later", align: "right" },
        { label: "n", align: "right" },
        { label: "p", align: "right" },
      ],
      rows: d.map((x) => {
        const item = `${x.leadName} → ${x.lagName}`;
        return [
          x.leadName,
          x.lagName,
          FINDING[x.kind] ?? x.kind,
          w.fact(S, item, "Best lag (weeks)", x.k, x.k == null ? DASH : w.num(x.k, 0)),
          w.fact(S, item, "n", x.n, w.num(x.n, 0)),
          w.fact(S, item, "p", x.p, x.p == null ? DASH : x.p < 0.001 ? "< 0.001" : w.num(x.p, 3)),
        ];
      }),
    });
  }
  const untested = s.lags.filter((l) => !d.some((x) => x.lagMeasureId === l.lagMeasureId));
  if (untested.length) blocks.push({ kind: "paragraph", text: `No driver is declared for ${listText(untested.map((l) => l.name))}: nothing was tested for ${untested.length === 1 ? "it" : "them"}.` });
  return { id: "predictive", title: "Do the lead measures predict the results?", blocks };
}

const FINDING: Record<string, string> = {
  predictive: "Predictive",
  opposite: "Unwanted direction",
  weak: "Weak evidence",
  none: "No evidence",
  insufficient: "Not enough data yet",
};

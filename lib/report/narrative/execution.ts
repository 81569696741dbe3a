// Execution, what the teams did: lead attainment and the weekly cadence (check-ins held,
// commitments kept) per team, the lead measures against their targets, the biggest movers and
// the weekly attainment chart. Beyond MAX_TEAM_DETAIL teams the measures table sums per measure,
// so a report on hundreds of teams stays readable; the appendix still lists every team's numbers.
import type { ReportBlock, ReportSection } from "../document";
import { cadenceTotals, overallAttainment } from "../snapshot/aggregates";
import type { ReportSnapshot, TeamExecution } from "../snapshot/types";
import { pointsText } from "./changeText";
import { leadAttainmentChart } from "./charts";
import { plural, type Writer } from "./format";

/** Per team × measure rows are listed up to this many teams; beyond, per measure (all rows in the appendix). */
const MAX_TEAM_DETAIL = 20;

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

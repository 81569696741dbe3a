// Pure: folds the person × measure × week rows of memberWeeklyTotals into the drill-down's
// table — per person and measure, the total over the range, the per-person targets summed over
// the same weeks, attainment and its status, weeks on target, and the weekly series for the
// trend. The week still under way counts in the total and the trend but not in attainment:
// judging two days of work against a full week's target would paint everyone red on Monday.
import { attainment, leadStatus, type Status, type Thresholds } from "@/lib/domain/status";
import type { IsoDate } from "@/lib/domain/calendar/weeks";
import type { MemberWeekRow } from "@/lib/queries/memberWeeklyTotals";

export type MeasureColumn = { leadMeasureId: string; name: string; unit: string };

export type MemberMeasureCell = {
  /** Everything logged in the range, the week under way included. */
  total: number;
  /** Finished weeks with a target only: what attainment compares. */
  judgedTotal: number;
  judgedTarget: number | null;
  attainment: number | null;
  status: Status;
  weeksOnTarget: number;
  weeksWithTarget: number;
  /** One value per week of the range, oldest first. */
  weekly: number[];
  targets: (number | null)[];
};

export type MemberRow = { userId: string; name: string; onTeam: boolean; cells: MemberMeasureCell[] };

export type MemberSummary = { weeks: IsoDate[]; measures: MeasureColumn[]; people: MemberRow[] };

export function summarizeMembers(
  rows: readonly MemberWeekRow[],
  opts: { thresholds: Thresholds; ongoingWeek?: IsoDate | null },
): MemberSummary {
  const weeks = [...new Set(rows.map((r) => r.weekStart))].sort();
  const weekIndex = new Map(weeks.map((w, i) => [w, i]));
  const measures = new Map<string, MeasureColumn>();
  const people = new Map<string, { userId: string; name: string; onTeam: boolean; byMeasure: Map<string, MemberWeekRow[]> }>();
  for (const r of rows) {
    if (!measures.has(r.leadMeasureId)) measures.set(r.leadMeasureId, { leadMeasureId: r.leadMeasureId, name: r.measureName, unit: r.unit });
    let p = people.get(r.userId);
    if (!p) {
      p = { userId: r.userId, name: r.personName, onTeam: r.onTeam, byMeasure: new Map() };
      people.set(r.userId, p);
    }
    const list = p.byMeasure.get(r.leadMeasureId) ?? [];
    list.push(r);
    p.byMeasure.set(r.leadMeasureId, list);
  }
  const columns = [...measures.values()].sort((a, b) => a.name.localeCompare(b.name));

  const cell = (list: readonly MemberWeekRow[]): MemberMeasureCell => {
    const weekly = weeks.map(() => 0);
    const targets: (number | null)[] = weeks.map(() => null);
    let total = 0;
    let judgedTotal = 0;
    let judgedTarget: number | null = null;
    let weeksOnTarget = 0;
    let weeksWithTarget = 0;
    for (const r of list) {
      const i = weekIndex.get(r.weekStart)!;
      weekly[i] = r.total;
      targets[i] = r.target;
      total += r.total;
      if (r.weekStart === opts.ongoingWeek) continue;
      // Attainment compares like with like: only weeks that had a target.
      if (r.target != null && r.target > 0) {
        judgedTotal += r.total;
        judgedTarget = (judgedTarget ?? 0) + r.target;
        weeksWithTarget++;
        if (leadStatus(r.total, r.target, opts.thresholds) === "green") weeksOnTarget++;
      }
    }
    return {
      total,
      judgedTotal,
      judgedTarget,
      attainment: attainment(judgedTotal, judgedTarget),
      status: leadStatus(judgedTotal, judgedTarget, opts.thresholds),
      weeksOnTarget,
      weeksWithTarget,
      weekly,
      targets,
    };
  };

  return {
    weeks,
    measures: columns,
    people: [...people.values()].map((p) => ({
      userId: p.userId,
      name: p.name,
      onTeam: p.onTeam,
      cells: columns.map((m) => cell(p.byMeasure.get(m.leadMeasureId) ?? [])),
    })),
  };
}

/** The CSV of the table: one row per person and measure, summary columns then each week. */
export function memberSummaryCsv(s: MemberSummary): { header: string[]; rows: (string | number | null)[][] } {
  const header = [
    "Person",
    "Measure",
    "Unit",
    "Total",
    "Target (finished weeks)",
    "Attainment %",
    "Weeks on target",
    "Weeks with a target",
    ...s.weeks.map((w) => `Week of ${w}`),
  ];
  const rows = s.people.flatMap((p) =>
    s.measures.map((m, i) => {
      const c = p.cells[i]!;
      return [
        p.onTeam ? p.name : `${p.name} (left the team)`,
        m.name,
        m.unit,
        round(c.total),
        c.judgedTarget == null ? null : round(c.judgedTarget),
        c.attainment == null ? null : Math.round(c.attainment * 100),
        c.weeksOnTarget,
        c.weeksWithTarget,
        ...c.weekly.map(round),
      ];
    }),
  );
  return { header, rows };
}

// Sums of halves and tenths pick up binary noise (0.1 + 0.2); a CSV should say 0.3.
const round = (n: number) => Math.round(n * 1000) / 1000;

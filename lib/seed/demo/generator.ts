// The demo's activity, generated deterministically from a seed and a day: when things happened,
// every lead entry and every lag observation. Pure: ids come in (the persistence makes them),
// rows go out; the same seed, day and ids give the same rows. Lead activity follows each team's
// story (catalogue.ts: a logistic ramp from the program start, a recent slip), and the lag
// measures follow it LAG_FROM–LAG_TO weeks later — by how far the team's activity rose above its
// habit before tracking began, and weeks with more coaching and recognition are followed by
// better results, a relationship the dashboard's lead → lag analysis can find — with noise.
// Nothing is logged before the program started: those weeks are absent, not zeros.
import { addMonths, lastDayOfMonth, monthOf } from "@/lib/domain/calendar/months";
import { addDays, daysBetween, fromUtcDate, localDay, toUtcDate, weekStart, type IsoDate } from "@/lib/domain/calendar/weeks";
import { createRng, type Rng } from "@/lib/domain/stats/random";
import { Cadence, EntrySource } from "@/lib/generated/prisma/enums";
import type { LagObservationRow, LeadEntryRow } from "../factories";
import {
  BASELINE_WEEKS_BEFORE,
  DEMO_ORG_SETTINGS,
  DEMO_PEOPLE,
  DRIVER_MEASURES,
  FULL_EFFECT_RISE,
  HISTORY_WEEKS,
  TRAINING_SHARE,
  LAG_FROM,
  LAG_TO,
  LAGS,
  MEASURES,
  personTarget,
  TEAMS,
  WEEKLY_RESPONSE,
  type LagSpec,
} from "./catalogue";

const HOUR = 3_600_000;

export type DemoDates = {
  /** The last day with data: "now" in the organization's time zone. */
  today: IsoDate;
  /** The Monday HISTORY_WEEKS weeks before the current week's. */
  programStart: IsoDate;
  /** The lag measures' baseline, BASELINE_WEEKS_BEFORE weeks before the program. */
  baselineDate: IsoDate;
  /** The lag measures' target: the end of the month about six months from now. */
  targetDate: IsoDate;
  /** When the organization, people, teams and measures were created. */
  setupAt: Date;
  /** When the lead measures were assigned to the teams. */
  assignedAt: Date;
};

export function demoDates(now: Date): DemoDates {
  const today = localDay(now, DEMO_ORG_SETTINGS.timeZone);
  const programStart = addDays(weekStart(today, DEMO_ORG_SETTINGS.weekStartsOn), -7 * HISTORY_WEEKS);
  const baselineDate = addDays(programStart, -7 * BASELINE_WEEKS_BEFORE);
  return {
    today,
    programStart,
    baselineDate,
    targetDate: lastDayOfMonth(addMonths(monthOf(today), 6)),
    setupAt: new Date(toUtcDate(baselineDate).getTime() + 9 * HOUR),
    assignedAt: new Date(toUtcDate(programStart).getTime() + 8 * HOUR),
  };
}

/** The ids of what the activity refers to, aligned with DEMO_PEOPLE, TEAMS, MEASURES and LAGS. */
export type DemoIds = {
  people: readonly string[];
  teams: readonly string[];
  leadMeasures: readonly string[];
  lagMeasures: readonly string[];
};

export type DemoActivity = {
  entries: LeadEntryRow[];
  observations: LagObservationRow[];
  /** The sum of the lead entries' values, to two decimals. */
  totalLeadValue: number;
  /** Weeks (their Monday) with at least one lead entry. */
  weeks: number;
  /** First and last days with lead entries (the program start and today when there are none). */
  from: IsoDate;
  to: IsoDate;
};

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/**
 * Lead entries for each working day of the program's weeks up to today, then the lag measures'
 * observations (organization-wide and, for some, per team) for each completed week or month
 * since the baseline. Nothing is dated after `createdBefore` (the real clock).
 */
export function generateDemoActivity(p: { seed: number; dates: DemoDates; ids: DemoIds; createdBefore: number }): DemoActivity {
  const { today, programStart, baselineDate } = p.dates;
  const { ids, createdBefore } = p;
  const rng = createRng(p.seed);
  const people = DEMO_PEOPLE.map((person, i) => ({ ...person, id: ids.people[i]! }));
  const teamMembers = people.filter((person) => person.teamIndex !== null);

  // Lead entries ------------------------------------------------------------------------------
  const attainment = (ti: number, week: number) => {
    const team = TEAMS[ti]!;
    if (week < 0) return team.habit;
    if (team.slip && week >= HISTORY_WEEKS - team.slip.weeksAgo) return team.slip.to;
    const r = team.ramp;
    return r.start + (r.end - r.start) * logistic((week - r.mid) / r.width);
  };
  // Some people log more than others; each team's factors average 1 so its ramp sets its level.
  const personFactor = new Map<string, number>();
  TEAMS.forEach((_t, ti) => {
    const team = people.filter((person) => person.teamIndex === ti);
    const raw = team.map(() => Math.min(1.4, Math.max(0.6, rng.normal(1, 0.16))));
    const mean = raw.reduce((s, x) => s + x, 0) / raw.length;
    team.forEach((person, i) => personFactor.set(person.id, raw[i]! / mean));
  });
  const teamMeasureFactor = TEAMS.map(() => MEASURES.map(() => Math.min(1.25, Math.max(0.75, rng.normal(1, 0.1)))));
  // Weekly counts vary less than Poisson (people work to a target), so the ramp stays visible.
  const count = (expected: number) => Math.max(0, Math.round(expected + rng.normal(0, 0.6 * Math.sqrt(expected))));

  const entries: LeadEntryRow[] = [];
  // What the teams actually did on the driver measures, week by week (share of target): the
  // lag measures respond to it.
  const driverIndexes = MEASURES.flatMap((m, mi) => (DRIVER_MEASURES.includes(m.name) ? [mi] : []));
  const realized = TEAMS.map(() => new Map<number, number>());
  let totalLeadValue = 0;
  const weeksWithEntries = new Set<string>();
  for (let week = 0; week <= HISTORY_WEEKS; week++) {
    const weekStartDay = addDays(programStart, 7 * week);
    const days = [0, 1, 2, 3, 4].map((d) => addDays(weekStartDay, d)).filter((d) => d <= today);
    if (days.length === 0) continue;
    const share = days.length / 5;
    for (const person of teamMembers) {
      const ti = person.teamIndex!;
      const team = TEAMS[ti]!;
      const weekMood = Math.max(0.3, rng.normal(1, 0.15));
      MEASURES.forEach((m, mi) => {
        const expected =
          personTarget(team, m) * attainment(ti, week) * personFactor.get(person.id)! * teamMeasureFactor[ti]![mi]! * weekMood * share;
        const perDay = new Map<number, number[]>();
        const add = (value: number) => {
          const d = rng.int(0, days.length - 1);
          const list = perDay.get(d) ?? [];
          list.push(value);
          perDay.set(d, list);
        };
        if (m.kind === "hours") {
          const sessions = count(expected / 1.2);
          for (let s = 0; s < sessions; s++) add(rng.pick([0.5, 1, 1, 1.5, 2]));
        } else {
          const n = count(expected);
          for (let s = 0; s < n; s++) add(1);
        }
        for (const [d, values] of [...perDay.entries()].sort((a, b) => a[0] - b[0])) {
          // Counts per day are logged as one entry; recognitions and training sessions one each.
          const logged = m.kind === "daily-count" ? [values.reduce((s, v) => s + v, 0)] : values;
          const date = toUtcDate(days[d]!);
          for (const value of logged) {
            const at = new Date(Math.min(date.getTime() + rng.int(8 * 60, 18 * 60) * 60_000, createdBefore));
            entries.push({
              teamId: ids.teams[ti]!,
              leadMeasureId: ids.leadMeasures[mi]!,
              userId: person.id,
              entryDate: date,
              value,
              source: EntrySource.SEED,
              createdById: person.id,
              createdAt: at,
              updatedAt: at,
            });
            totalLeadValue += value;
            weeksWithEntries.add(weekStartDay);
            if (driverIndexes.includes(mi)) {
              const target = personTarget(team, m) * team.people.length * driverIndexes.length;
              realized[ti]!.set(week, (realized[ti]!.get(week) ?? 0) + value / target);
            }
          }
        }
      });
    }
  }

  // Lag observations --------------------------------------------------------------------------
  // Program effect on a day, 0 (as before the program) to 1: the training's share once it has
  // taken hold (trained teams, from LAG_FROM weeks after the start), and the lead activity's: how
  // far the mean attainment 3–6 weeks earlier rose above the team's habit, in full at
  // FULL_EFFECT_RISE above it; below the habit, results slip.
  const effect = (ti: number, day: IsoDate) => {
    const team = TEAMS[ti]!;
    const week = Math.floor(daysBetween(programStart, day) / 7);
    let sum = 0;
    for (let k = LAG_FROM; k <= LAG_TO; k++) sum += attainment(ti, week - k);
    const lead = Math.min(1, Math.max(-0.5, (sum / (LAG_TO - LAG_FROM + 1) - team.habit) / FULL_EFFECT_RISE));
    const training = team.trained ? logistic((week - LAG_FROM) / 0.8) : 0;
    const smooth = TRAINING_SHARE * training + (1 - TRAINING_SHARE) * lead;
    // A busier or quieter week than the ramp shows up LAG_FROM weeks later.
    const past = week - LAG_FROM;
    const surprise = past >= 0 ? (realized[ti]!.get(past) ?? 0) - attainment(ti, past) : 0;
    return smooth + WEEKLY_RESPONSE * surprise;
  };
  const sizes = TEAMS.map((t) => t.people.length);
  const totalSize = sizes.reduce((s, n) => s + n, 0);
  const orgEffect = (day: IsoDate) => TEAMS.reduce((s, _t, ti) => s + effect(ti, day) * sizes[ti]!, 0) / totalSize;

  const value = (l: LagSpec, base: number, eff: number, r: Rng) =>
    l.name === "Average resolution time"
      ? round(base * (1 + l.gain * eff) * (1 + r.normal(0, l.noise)), l.decimals)
      : round(Math.min(100, base + l.gain * eff + r.normal(0, l.noise)), l.decimals);

  const observations: LagObservationRow[] = [];
  LAGS.forEach((l, li) => {
    const days: IsoDate[] = [];
    if (l.cadence === Cadence.WEEKLY) {
      // One value per completed week (dated its Sunday), from the baseline week on.
      for (let d = addDays(baselineDate, 6); d < today; d = addDays(d, 7)) days.push(d);
    } else {
      // One value per completed month (dated its last day) after the baseline.
      for (let month = monthOf(baselineDate); lastDayOfMonth(month) < today; month = addMonths(month, 1)) {
        const d = lastDayOfMonth(month);
        if (d >= baselineDate) days.push(d);
      }
    }
    for (const day of days) {
      const observedOn = toUtcDate(day);
      const at = new Date(Math.min(observedOn.getTime() + 20 * HOUR, createdBefore));
      observations.push({
        lagMeasureId: ids.lagMeasures[li]!,
        teamId: null,
        observedOn,
        value: value(l, l.baseline, orgEffect(day), rng),
        source: EntrySource.SEED,
        createdAt: at,
      });
      if (l.perTeam) {
        TEAMS.forEach((team, ti) =>
          observations.push({
            lagMeasureId: ids.lagMeasures[li]!,
            teamId: ids.teams[ti]!,
            observedOn,
            value: value(l, team[l.perTeam!], effect(ti, day), rng),
            source: EntrySource.SEED,
            createdAt: at,
          }),
        );
      }
    }
  });

  const entryDays = entries.map((e) => fromUtcDate(e.entryDate as Date)).sort();
  return {
    entries,
    observations,
    totalLeadValue: round(totalLeadValue, 2),
    weeks: weeksWithEntries.size,
    from: entryDays[0] ?? programStart,
    to: entryDays[entryDays.length - 1] ?? today,
  };
}

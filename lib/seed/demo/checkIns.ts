// The demo's weekly check-ins and commitments, generated like its activity (generator.ts): pure,
// the same rows for the same seed, day and ids. Each team holds its check-in on its own day
// (catalogue.ts) from the program's first week on, except the weeks it skipped, and none is
// dated after `now`. At each one the lead reviews the commitments still open — last week's, or
// older ones a skipped check-in left — as kept, partly done or not done (with a reason), more
// often kept as the team's habit firms up (or, for a struggling team, less), and everyone makes
// one or two commitments for the week, each meant to move one of the team's lead measures.
import { addDays, toUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import { createRng } from "@/lib/domain/stats/random";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CommitmentStatus } from "@/lib/generated/prisma/enums";
import type { CommitmentRow } from "../factories";
import { DEMO_PEOPLE, HISTORY_WEEKS, MEASURES, TEAMS } from "./catalogue";
import type { DemoIds } from "./generator";

export type CheckInRow = Omit<Prisma.CheckInCreateManyInput, "organizationId">;

export type CheckInHistory = { checkIns: CheckInRow[]; commitments: CommitmentRow[] };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const REASONS = [
  "Queue spike on Tuesday.",
  "Off sick for two days.",
  "Covered the phones for another team.",
  "The huddle was cancelled.",
  "Ran out of time; carried over to next week.",
  "The training session moved to next week.",
];
const DECISIONS = [
  "Pair newer colleagues with a coach for refund calls.",
  "Move the huddle to 9:15 so the late shift can join.",
  "Share one customer story at the start of every huddle.",
  "Log coaching conversations the same day, not on Friday.",
  "Ask finance for the monthly retention figures a week earlier.",
];

/** Check-ins from the program's first week to `now`, and the commitments made and reviewed at them. */
export function generateCheckInHistory(p: { seed: number; programStart: IsoDate; ids: DemoIds; now: Date }): CheckInHistory {
  const rng = createRng(p.seed + 1);
  const checkIns: CheckInRow[] = [];
  const commitments: CommitmentRow[] = [];
  TEAMS.forEach((team, ti) => {
    const teamId = p.ids.teams[ti]!;
    const members = DEMO_PEOPLE.flatMap((person, i) => (person.teamIndex === ti ? [{ ...person, id: p.ids.people[i]! }] : []));
    const leadId = members.find((m) => m.isLead)!.id;
    let open: CommitmentRow[] = [];
    for (let week = 0; week <= HISTORY_WEEKS; week++) {
      if (team.checkIn.missedWeeksAgo.includes(HISTORY_WEEKS - week)) continue;
      const weekStart = addDays(p.programStart, 7 * week);
      const heldAt = new Date(toUtcDate(addDays(weekStart, team.checkIn.day)).getTime() + team.checkIn.hour * HOUR + rng.int(25, 45) * MINUTE);
      if (heldAt > p.now) break;

      // Last week's commitments (and any a skipped check-in left open), reviewed.
      const kept = team.kept.from + ((team.kept.to - team.kept.from) * week) / HISTORY_WEEKS;
      let done = 0;
      for (const c of open) {
        const u = rng.next();
        const status = u < kept ? CommitmentStatus.DONE : u < kept + (1 - kept) / 2 ? CommitmentStatus.PARTIAL : CommitmentStatus.NOT_DONE;
        if (status === CommitmentStatus.DONE) done++;
        Object.assign(c, { status, reason: status === CommitmentStatus.DONE ? "" : rng.pick(REASONS), reviewedAt: heldAt, reviewedById: leadId });
      }
      checkIns.push({
        teamId,
        weekStart: toUtcDate(weekStart),
        heldAt,
        heldById: leadId,
        startedAt: new Date(heldAt.getTime() - rng.int(20, 35) * MINUTE),
        notes: open.length ? `Reviewed ${open.length} commitments: ${done} kept.` : "First check-in: targets and commitments agreed.",
        decisions: rng.next() < 0.3 ? [rng.pick(DECISIONS)] : [],
      });

      // This week's: one or two each, for different lead measures.
      open = members.flatMap((m) => {
        const first = rng.int(0, MEASURES.length - 1);
        const measures = rng.next() < 0.25 ? [first, (first + rng.int(1, MEASURES.length - 1)) % MEASURES.length] : [first];
        return measures.map((mi) => {
          const c: CommitmentRow = {
            teamId,
            userId: m.id,
            weekStart: toUtcDate(weekStart),
            leadMeasureId: p.ids.leadMeasures[mi]!,
            text: rng.pick(MEASURES[mi]!.commitments),
            createdById: leadId,
            createdAt: heldAt,
          };
          commitments.push(c);
          return c;
        });
      });
    }
  });
  return { checkIns, commitments };
}

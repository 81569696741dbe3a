import "server-only";
// Everything a team's page shows for one week: the scoreboard of its lead measures, the week's
// latest entries (with whether the caller may delete each), and one person's quick-entry grid
// (their own, or for a manager any member's). A team outside the caller's organization, or an
// archived one, is a 404; a team the caller is not on is a 403 unless they may see every team.
import * as clock from "@/lib/clock";
import type { TenantContext } from "@/lib/auth/tenant";
import { canLogForOthers, canWrite, requireTeamAccess } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { addDays, localDay, weekOf, type IsoDate, type Week } from "@/lib/domain/calendar/weeks";
import { notFound } from "@/lib/errors";
import { personWeekCells } from "@/lib/queries/personWeekCells";
import { teamWeekEntries, type TeamEntryRow } from "@/lib/queries/teamWeekEntries";
import { teamWeekScoreboard, type TeamWeekScoreRow } from "@/lib/queries/teamWeekScoreboard";

export type TeamPageData = {
  team: { id: string; name: string };
  isMember: boolean;
  /** The caller may log at all (viewers read the team's page and change nothing). */
  writer: boolean;
  /** The caller may log and correct for others (and pick whose grid to show). */
  manager: boolean;
  today: IsoDate;
  week: Week;
  isCurrent: boolean;
  people: { userId: string; name: string }[];
  /** Whose numbers the grid shows; null when the caller is neither on the team nor a manager. */
  gridPerson: string | null;
  scores: TeamWeekScoreRow[];
  entries: (TeamEntryRow & { canDelete: boolean })[];
  /** The days the log form offers, today first: the ones a member may still log (a manager logs earlier days in the grid). */
  logDays: IsoDate[];
  /** The week's days, and whether the caller may still change that day's numbers. */
  days: { date: IsoDate; editable: boolean }[];
  /** The grid's values by `<leadMeasureId>.<date>`. */
  gridValues: Record<string, number>;
};

export async function teamPage(
  db: Db,
  ctx: TenantContext,
  teamId: string,
  ask: { week: IsoDate | null; person: string | undefined },
  now = clock.now(),
): Promise<TeamPageData> {
  const { organizationId } = ctx;
  const team = await db.team.findUnique({
    where: { organizationId_id: { organizationId, id: teamId } },
    include: { members: { include: { membership: { select: { user: { select: { name: true } } } } } } },
  });
  if (!team || team.archivedAt) throw notFound("Team not found.");
  const isMember = team.members.some((m) => m.userId === ctx.userId);
  requireTeamAccess(ctx.role, isMember);

  const { timeZone, weekStartsOn } = ctx.organization;
  const today = localDay(now, timeZone);
  const week = weekOf(ask.week ?? today, weekStartsOn);
  const current = weekOf(today, weekStartsOn);

  const writer = canWrite(ctx.role);
  const manager = canLogForOthers(ctx.role);
  // Managers can open any member's grid to correct it (?person=<userId>).
  const people = team.members.map((m) => ({ userId: m.userId, name: m.membership.user.name })).sort((a, b) => a.name.localeCompare(b.name));
  const gridPerson = manager && people.some((p) => p.userId === ask.person) ? ask.person! : isMember && writer ? ctx.userId : null;
  const [scores, entries, gridCells] = await Promise.all([
    teamWeekScoreboard(db, { organizationId, teamId, weekStart: week.start, userId: ctx.userId }),
    teamWeekEntries(db, { organizationId, teamId, weekStart: week.start }),
    gridPerson ? personWeekCells(db, { organizationId, teamId, userId: gridPerson, weekStart: week.start }) : [],
  ]);
  // Members change their own numbers in the open week and the one before (lib/services/leadRules.ts).
  const memberEarliest = addDays(current.start, -7);
  const editable = (day: IsoDate) => writer && day <= today && (manager || day >= memberEarliest);
  return {
    team: { id: team.id, name: team.name },
    isMember,
    writer,
    manager,
    today,
    week,
    isCurrent: week.start === current.start,
    people,
    gridPerson,
    scores,
    entries: entries.map((e) => ({ ...e, canDelete: manager || (e.userId === ctx.userId && editable(e.entryDate)) })),
    logDays: Array.from({ length: 14 }, (_, i) => addDays(today, -i)).filter((day) => day >= memberEarliest && editable(day)),
    days: Array.from({ length: 7 }, (_, i) => {
      const date = addDays(week.start, i);
      return { date, editable: editable(date) };
    }),
    gridValues: Object.fromEntries(gridCells.map((c) => [`${c.leadMeasureId}.${c.entryDate}`, c.value])),
  };
}

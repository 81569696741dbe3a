import "server-only";
// What may be logged where, loaded once per request or import: the organization's active teams,
// who is on them, which measures each team tracks, and who may change which days. Checking a
// cell against these rules is pure, so a 100k-row import is validated without a query per row.
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import type { TenantContext } from "@/lib/auth/tenant";
import { canLogForOthers, canWrite } from "@/lib/auth/permissions";
import { addDays, fromUtcDate, localDay, weekStart, type IsoDate } from "@/lib/domain/calendar/weeks";

/** How far back managers may date or correct entries. */
export const MAX_BACKDATE_DAYS = 366;

export type MeasureRule = {
  id: string;
  name: string;
  aggregation: "COUNT" | "SUM";
  archived: boolean;
  activeFrom: IsoDate | null;
  activeTo: IsoDate | null;
};

export type EntryRules = {
  organizationId: string;
  today: IsoDate;
  /** Members may change their own entries from this day on (the open week and the one before). */
  memberEarliest: IsoDate;
  managerEarliest: IsoDate;
  teams: Map<string, { id: string; name: string; members: Set<string>; measures: Map<string, MeasureRule> }>;
  measures: Map<string, MeasureRule>;
  /** Lower-cased email → user id, for imports that name people by email. */
  peopleByEmail: Map<string, string>;
  members: Set<string>;
};

export async function loadEntryRules(db: Db, ctx: TenantContext, now: Date = clock.now()): Promise<EntryRules> {
  const organizationId = ctx.organizationId;
  const [teams, measures, memberships] = await Promise.all([
    db.team.findMany({
      where: { organizationId, archivedAt: null },
      select: { id: true, name: true, members: { select: { userId: true } }, measures: { select: { leadMeasureId: true } } },
    }),
    db.leadMeasure.findMany({ where: { organizationId } }),
    db.membership.findMany({ where: { organizationId }, select: { userId: true, user: { select: { email: true } } } }),
  ]);
  const measureRules = new Map<string, MeasureRule>(
    measures.map((m) => [
      m.id,
      {
        id: m.id,
        name: m.name,
        aggregation: m.aggregation,
        archived: m.archivedAt != null,
        activeFrom: m.activeFrom ? fromUtcDate(m.activeFrom) : null,
        activeTo: m.activeTo ? fromUtcDate(m.activeTo) : null,
      },
    ]),
  );
  const today = localDay(now, ctx.organization.timeZone);
  return {
    organizationId,
    today,
    memberEarliest: addDays(weekStart(today, ctx.organization.weekStartsOn), -7),
    managerEarliest: addDays(today, -MAX_BACKDATE_DAYS),
    teams: new Map(
      teams.map((t) => [
        t.id,
        {
          id: t.id,
          name: t.name,
          members: new Set(t.members.map((m) => m.userId)),
          measures: new Map(
            t.measures.flatMap((a) => {
              const rule = measureRules.get(a.leadMeasureId);
              return rule ? [[a.leadMeasureId, rule] as const] : [];
            }),
          ),
        },
      ]),
    ),
    measures: measureRules,
    peopleByEmail: new Map(memberships.map((m) => [m.user.email.toLowerCase(), m.userId])),
    members: new Set(memberships.map((m) => m.userId)),
  };
}

export type Cell = { userId: string; teamId: string; leadMeasureId: string; entryDate: IsoDate; value: number | null };

export type CellVerdict = {
  /** The team is not in the caller's organization (a 404 for single requests). */
  notFound?: string;
  /** The caller's role or team membership does not allow it (a 403 for single requests). */
  forbidden?: string;
  /** Field → message for everything else. */
  fields: Record<string, string>;
};

export function verdictOk(v: CellVerdict): boolean {
  return !v.notFound && !v.forbidden && Object.keys(v.fields).length === 0;
}

/** Every reason as one "field: message" list, for import previews and batch APIs. */
export function verdictMessages(v: CellVerdict): { field: string; message: string }[] {
  const out = Object.entries(v.fields).map(([field, message]) => ({ field, message }));
  if (v.notFound) out.unshift({ field: "teamId", message: v.notFound });
  if (v.forbidden) out.unshift({ field: "userId", message: v.forbidden });
  return out;
}

/**
 * May `ctx` set this cell? The cell's shape (uuids, ISO date, finite non-negative value) is
 * checked by the zod schemas before this; this checks it against the organization's data.
 */
export function checkCell(rules: EntryRules, ctx: TenantContext, cell: Cell): CellVerdict {
  const fields: Record<string, string> = {};
  const team = rules.teams.get(cell.teamId);
  if (!team) return { notFound: "Team not found.", fields };
  if (!canWrite(ctx.role)) return { forbidden: "Viewers can read but not change anything.", fields };
  const manager = canLogForOthers(ctx.role);
  if (!manager && !team.members.has(ctx.userId)) return { forbidden: "You are not a member of this team.", fields };
  if (!manager && cell.userId !== ctx.userId) return { forbidden: "Only managers can change someone else's entries.", fields };
  if (!team.members.has(cell.userId)) fields.userId = "This person is not a member of the team.";

  const measure = team.measures.get(cell.leadMeasureId);
  if (!measure || measure.archived) fields.leadMeasureId = "This team does not track that measure.";
  else if (measure.activeFrom && cell.entryDate < measure.activeFrom) fields.entryDate = `The measure starts on ${measure.activeFrom}.`;
  else if (measure.activeTo && cell.entryDate > measure.activeTo) fields.entryDate = `The measure ended on ${measure.activeTo}.`;
  if (measure?.aggregation === "COUNT" && cell.value != null && !Number.isInteger(cell.value)) {
    fields.value = "Enter a whole number: this measure counts occurrences.";
  }

  if (!fields.entryDate) {
    if (cell.entryDate > rules.today) fields.entryDate = "Can't be in the future.";
    else if (cell.entryDate < rules.managerEarliest) fields.entryDate = `Can't be more than a year ago (earliest ${rules.managerEarliest}).`;
    else if (!manager && cell.entryDate < rules.memberEarliest) {
      fields.entryDate = `Entries before ${rules.memberEarliest} can only be changed by a manager.`;
    }
  }
  return { fields };
}

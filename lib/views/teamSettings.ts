import "server-only";
// The teams settings pages (/settings/teams): every team of the organization with its size, its
// leads and what it tracks; and one team with its members, the people who could join it, the
// lead measures it tracks with their current targets and those it could start tracking. The
// caller has already checked that the viewer may manage teams.
import type { Db } from "@/lib/db/client";
import { isUuid } from "@/lib/schemas/ids";

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export type TeamListLine = {
  id: string;
  name: string;
  archived: boolean;
  memberCount: number;
  leads: string[];
  measures: { name: string; weeklyTarget: number; unit: string }[];
};

/** The active teams, or the archived ones; and how many of each there are (for the filter). */
export async function teamSettingsList(db: Db, organizationId: string, show: "active" | "archived") {
  const [teams, archivedCount, activeCount] = await Promise.all([
    db.team.findMany({
      where: { organizationId, archivedAt: show === "archived" ? { not: null } : null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        archivedAt: true,
        _count: { select: { members: true } },
        members: { where: { isLead: true }, select: { membership: { select: { user: { select: { name: true } } } } } },
        measures: {
          where: { leadMeasure: { archivedAt: null } },
          select: { weeklyTarget: true, leadMeasure: { select: { name: true, unit: true } } },
        },
      },
    }),
    db.team.count({ where: { organizationId, archivedAt: { not: null } } }),
    db.team.count({ where: { organizationId, archivedAt: null } }),
  ]);
  const lines: TeamListLine[] = teams.map((t) => ({
    id: t.id,
    name: t.name,
    archived: t.archivedAt != null,
    memberCount: t._count.members,
    leads: t.members.map((m) => m.membership.user.name).sort((a, b) => a.localeCompare(b)),
    measures: t.measures.map((m) => ({ name: m.leadMeasure.name, unit: m.leadMeasure.unit, weeklyTarget: m.weeklyTarget })).sort(byName),
  }));
  return { teams: lines, activeCount, archivedCount };
}

export type TeamSettingsMember = {
  userId: string;
  name: string;
  email: string;
  isLead: boolean;
  /** Deactivated or removed from the organization: still listed, can be taken off, not made lead. */
  inactive: "deactivated" | "removed" | null;
};

/** One team's settings page; null when the organization has no such team. */
export async function teamSettingsPage(db: Db, organizationId: string, teamId: string) {
  if (!isUuid(teamId)) return null;
  const team = await db.team.findUnique({
    where: { organizationId_id: { organizationId, id: teamId } },
    select: {
      id: true,
      name: true,
      archivedAt: true,
      members: {
        select: {
          userId: true,
          isLead: true,
          membership: { select: { deactivatedAt: true, removedAt: true, user: { select: { name: true, email: true } } } },
        },
      },
      measures: {
        select: {
          leadMeasureId: true,
          weeklyTarget: true,
          personWeeklyTarget: true,
          leadMeasure: { select: { name: true, unit: true, archivedAt: true } },
        },
      },
    },
  });
  if (!team) return null;
  const onTeam = new Set(team.members.map((m) => m.userId));
  const tracked = new Set(team.measures.map((m) => m.leadMeasureId));
  const [people, leadMeasures] = await Promise.all([
    db.membership.findMany({
      where: { organizationId, deactivatedAt: null, removedAt: null },
      select: { userId: true, user: { select: { name: true, email: true } } },
    }),
    db.leadMeasure.findMany({ where: { organizationId, archivedAt: null }, select: { id: true, name: true, unit: true } }),
  ]);
  const members: TeamSettingsMember[] = team.members
    .map((m) => ({
      userId: m.userId,
      name: m.membership.user.name,
      email: m.membership.user.email,
      isLead: m.isLead,
      inactive: m.membership.removedAt ? ("removed" as const) : m.membership.deactivatedAt ? ("deactivated" as const) : null,
    }))
    .sort((a, b) => byName(a, b) || a.email.localeCompare(b.email));
  return {
    team: { id: team.id, name: team.name, archived: team.archivedAt != null },
    members,
    /** Active members of the organization not on the team: the add-person picker. */
    candidates: people
      .filter((p) => !onTeam.has(p.userId))
      .map((p) => ({ userId: p.userId, name: p.user.name, email: p.user.email }))
      .sort((a, b) => byName(a, b) || a.email.localeCompare(b.email)),
    measures: team.measures
      .map((m) => ({
        leadMeasureId: m.leadMeasureId,
        name: m.leadMeasure.name,
        unit: m.leadMeasure.unit,
        archived: m.leadMeasure.archivedAt != null,
        weeklyTarget: m.weeklyTarget,
        personWeeklyTarget: m.personWeeklyTarget,
      }))
      .sort(byName),
    /** Lead measures the team could start tracking. */
    available: leadMeasures.filter((m) => !tracked.has(m.id)).sort(byName),
  };
}

export type TeamSettingsPage = NonNullable<Awaited<ReturnType<typeof teamSettingsPage>>>;

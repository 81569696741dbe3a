import "server-only";
// The measure definition pages: every lead and lag measure of an organization with its teams
// and their current targets, owners (a lag measure's: the one who answers for the goal) and
// drivers, and the teams and people its forms pick from; one measure's page adds, for a lag
// measure, its latest results.
import type { Db } from "@/lib/db/client";
import { fromUtcDate } from "@/lib/domain/calendar/weeks";
import { activeTeams } from "@/lib/queries/activeTeams";
import { lagObservationList } from "@/lib/queries/lagObservationList";
import { leadMeasureFields } from "@/lib/queries/leadMeasureFields";

export async function measureCatalog(db: Db, organizationId: string) {
  const [lead, lag, teams, members] = await Promise.all([
    db.leadMeasure.findMany({
      where: { organizationId },
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
      include: {
        teams: { include: { team: { select: { name: true } } }, orderBy: { team: { name: "asc" } } },
        owners: { include: { membership: { select: { user: { select: { name: true } } } } } },
      },
    }),
    db.lagMeasure.findMany({
      where: { organizationId },
      orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
      include: {
        team: { select: { name: true } },
        owner: { select: { user: { select: { name: true } } } },
        drivers: { include: { leadMeasure: { select: { name: true } } } },
      },
    }),
    activeTeams(db, organizationId),
    // Removed people are gone from the organization (and own no measure any more).
    db.membership.findMany({ where: { organizationId, removedAt: null }, select: { userId: true, user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } }),
  ]);
  return {
    lead: lead.map((m) => ({
      ...leadMeasureFields(m),
      teams: m.teams.map((t) => ({ teamId: t.teamId, teamName: t.team.name, weeklyTarget: t.weeklyTarget, personWeeklyTarget: t.personWeeklyTarget })),
      owners: m.owners.map((o) => ({ userId: o.userId, name: o.membership.user.name })),
    })),
    lag: lag.map((m) => ({
      id: m.id,
      name: m.name,
      description: m.description,
      kind: m.kind,
      unit: m.unit,
      direction: m.direction,
      cadence: m.cadence,
      baselineValue: m.baselineValue,
      baselineDate: fromUtcDate(m.baselineDate),
      targetValue: m.targetValue,
      targetDate: fromUtcDate(m.targetDate),
      teamId: m.teamId,
      teamName: m.team?.name ?? null,
      owner: m.ownerId && m.owner ? { userId: m.ownerId, name: m.owner.user.name } : null,
      archived: m.archivedAt != null,
      drivers: m.drivers.map((d) => ({ leadMeasureId: d.leadMeasureId, name: d.leadMeasure.name })),
    })),
    teams,
    people: members.map((m) => ({ userId: m.userId, name: m.user.name })),
  };
}

export type MeasureCatalog = Awaited<ReturnType<typeof measureCatalog>>;

/** A lead measure's page (`id` "new": an empty form); null when the organization has no such measure. */
export async function leadMeasurePage(db: Db, organizationId: string, id: string) {
  const catalog = await measureCatalog(db, organizationId);
  if (id === "new") return { catalog, measure: null };
  const measure = catalog.lead.find((m) => m.id === id);
  return measure ? { catalog, measure } : null;
}

/** A lag measure's page with its latest results (`id` "new": an empty form); null when the organization has no such measure. */
export async function lagMeasurePage(db: Db, organizationId: string, id: string) {
  const catalog = await measureCatalog(db, organizationId);
  if (id === "new") return { catalog, measure: null, observations: [] };
  const measure = catalog.lag.find((m) => m.id === id);
  if (!measure) return null;
  return { catalog, measure, observations: await lagObservationList(db, { organizationId, lagMeasureId: measure.id }) };
}

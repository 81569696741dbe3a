import "server-only";
// Every lead and lag measure of an organization, as integrations need them to push data: ids,
// units, which teams track each lead measure with the weekly target in force this week, and each
// lag measure's "from baseline to target by date" and who answers for it.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import { fromUtcDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import { leadMeasureFields } from "./leadMeasureFields";
import { targetInForceSql } from "./targetSql";

export type LeadMeasureView = {
  id: string;
  name: string;
  description: string;
  unit: string;
  aggregation: "COUNT" | "SUM";
  activeFrom: IsoDate | null;
  activeTo: IsoDate | null;
  archived: boolean;
  teams: { teamId: string; teamName: string; weeklyTarget: number; personWeeklyTarget: number | null }[];
};

export type LagMeasureView = {
  id: string;
  name: string;
  description: string;
  teamId: string | null;
  kind: string;
  unit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  cadence: string;
  baseline: { value: number; date: IsoDate };
  target: { value: number; date: IsoDate };
  ownerId: string | null;
  archived: boolean;
};

type TargetRow = { leadMeasureId: string; teamId: string; teamName: string; weeklyTarget: number; personWeeklyTarget: number | null };

export async function measuresWithCurrentTargets(
  db: Db,
  params: { organizationId: string; weekStart: IsoDate },
): Promise<{ leadMeasures: LeadMeasureView[]; lagMeasures: LagMeasureView[] }> {
  const { organizationId, weekStart } = params;
  const [lead, lag, targets] = await Promise.all([
    db.leadMeasure.findMany({ where: { organizationId }, orderBy: { name: "asc" } }),
    db.lagMeasure.findMany({ where: { organizationId }, orderBy: { name: "asc" } }),
    db.$queryRaw<TargetRow[]>(Prisma.sql`
      SELECT tlm."leadMeasureId", tlm."teamId", t.name AS "teamName",
             target."weeklyTarget", target."personWeeklyTarget"
        FROM "TeamLeadMeasure" tlm
        JOIN "Team" t ON t."organizationId" = tlm."organizationId" AND t.id = tlm."teamId"
        ${targetInForceSql(Prisma.sql`tlm`, Prisma.sql`${weekStart}::date`)}
       WHERE tlm."organizationId" = ${organizationId}::uuid
         AND t."archivedAt" IS NULL
       ORDER BY t.name`),
  ]);
  const byMeasure = new Map<string, LeadMeasureView["teams"]>();
  for (const t of targets) {
    const list = byMeasure.get(t.leadMeasureId) ?? [];
    list.push({ teamId: t.teamId, teamName: t.teamName, weeklyTarget: t.weeklyTarget, personWeeklyTarget: t.personWeeklyTarget });
    byMeasure.set(t.leadMeasureId, list);
  }
  return {
    leadMeasures: lead.map((m) => ({ ...leadMeasureFields(m), teams: byMeasure.get(m.id) ?? [] })),
    lagMeasures: lag.map((m) => ({
      id: m.id,
      name: m.name,
      description: m.description,
      teamId: m.teamId,
      kind: m.kind,
      unit: m.unit,
      direction: m.direction,
      cadence: m.cadence,
      baseline: { value: m.baselineValue, date: fromUtcDate(m.baselineDate) },
      target: { value: m.targetValue, date: fromUtcDate(m.targetDate) },
      ownerId: m.ownerId,
      archived: m.archivedAt != null,
    })),
  };
}

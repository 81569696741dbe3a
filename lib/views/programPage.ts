import "server-only";
// Everything a program's page shows: its ROI (with the what-if the URL asks for) and the
// organization's teams and measures its forms offer. Only this organization's lead measures
// can be asked about in the what-if; any other id is ignored.
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { activeLeadMeasures, type LeadMeasureOption } from "@/lib/queries/activeLeadMeasures";
import { activeTeams, type TeamOption } from "@/lib/queries/activeTeams";
import { computeProgramRoi, type ProgramRoi } from "./programRoi";

export type ProgramPageData = {
  roi: ProgramRoi;
  teams: TeamOption[];
  lagMeasures: { id: string; name: string; unit: string }[];
  leadMeasures: LeadMeasureOption[];
  /** The lead measure the what-if moves; null when the URL names none of the organization's. */
  whatIfLeadId: string | null;
};

export async function programPage(
  db: Db,
  ctx: TenantContext,
  programId: string,
  whatIf: { leadMeasureId: string | undefined; changePercent: number },
): Promise<ProgramPageData> {
  const { organizationId } = ctx;
  const [teams, lagMeasures, leadMeasures] = await Promise.all([
    activeTeams(db, organizationId),
    db.lagMeasure.findMany({ where: { organizationId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, unit: true } }),
    activeLeadMeasures(db, organizationId),
  ]);
  const whatIfLeadId = leadMeasures.find((l) => l.id === whatIf.leadMeasureId)?.id ?? null;
  const roi = await computeProgramRoi(
    db,
    ctx,
    programId,
    whatIfLeadId ? { whatIf: { leadMeasureId: whatIfLeadId, changePercent: whatIf.changePercent } } : {},
  );
  return { roi, teams, lagMeasures, leadMeasures, whatIfLeadId };
}

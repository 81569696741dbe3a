// The pages and APIs of issue #12, each with the view loader it calls (for the SQL beside it).
import { loadTenantContext } from "@/lib/auth/loadContext";
import { liveSession } from "@/lib/auth/sessions";
import type { TenantContext } from "@/lib/auth/tenant";
import type { Db } from "@/lib/db/client";
import { localDay } from "@/lib/domain/calendar/weeks";
import { parseFilters } from "@/lib/schemas/dashboardFilters";
import { lagForecast, leadLagAnalysis } from "@/lib/views/analytics";
import { loadCheckIn } from "@/lib/views/checkIn";
import { loadDashboard } from "@/lib/views/dashboard";
import { loadLagDrilldown } from "@/lib/views/lagDrilldown";
import { loadTeamDrilldown } from "@/lib/views/teamDrilldown";
import { loadTrends } from "@/lib/views/trends";
import type { Sql } from "./database";
import { MANAGER_EMAIL, OWNER_EMAIL } from "./scales";

export type OrgInfo = {
  organizationId: string;
  managerId: string;
  ownerId: string;
  team: { id: string; name: string };
  lag: { id: string; name: string };
  lead: { id: string; name: string };
};

export async function orgInfo(sql: Sql, organizationId: string): Promise<OrgInfo> {
  const one = async <T>(text: string, params: unknown[]): Promise<T> => {
    const rows = await sql.query<T>(text, params);
    if (!rows[0]) throw new Error(`The generated organization lacks: ${text}`);
    return rows[0];
  };
  const user = (email: string) => one<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  return {
    organizationId,
    managerId: (await user(MANAGER_EMAIL)).id,
    ownerId: (await user(OWNER_EMAIL)).id,
    team: await one(`SELECT id, name FROM "Team" WHERE "organizationId" = $1 ORDER BY name LIMIT 1`, [organizationId]),
    lag: await one(`SELECT id, name FROM "LagMeasure" WHERE "organizationId" = $1 AND name = 'CSAT'`, [organizationId]),
    lead: await one(`SELECT id, name FROM "LeadMeasure" WHERE "organizationId" = $1 AND name = 'Coaching conversations'`, [organizationId]),
  };
}

export type PageSpec = {
  key: string;
  label: string;
  path: string;
  /** Text the answer must contain (a page that rendered an error or the sign-in form lacks it). */
  marker: string;
  /** The data loading the route runs, as the route calls it. */
  load(db: Db, ctx: TenantContext): Promise<unknown>;
};

export function pageSpecs(info: OrgInfo): PageSpec[] {
  const today = (ctx: TenantContext) => localDay(new Date(), ctx.organization.timeZone);
  const range = (ctx: TenantContext) => parseFilters({}, today(ctx), ctx.organization.weekStartsOn);
  return [
    { key: "dashboard", label: "Dashboard", path: "/dashboard", marker: "Teams at a glance", load: (db, ctx) => loadDashboard(db, ctx.organization, {}) },
    { key: "trends", label: "Trends", path: "/dashboard/trends", marker: 'id="lag-title"', load: (db, ctx) => loadTrends(db, ctx, {}) },
    {
      key: "checkIn",
      label: "Check-in",
      path: `/teams/${info.team.id}/check-in`,
      marker: "Weekly check-in:",
      load: (db, ctx) => loadCheckIn(db, ctx, info.team.id, null),
    },
    {
      key: "teamDrilldown",
      label: "Team drill-down",
      path: `/dashboard/teams/${info.team.id}`,
      marker: "Lead measures per person",
      load: (db, ctx) => loadTeamDrilldown(db, ctx, info.team.id, range(ctx)),
    },
    {
      key: "lagDrilldown",
      label: "Lag drill-down",
      path: `/dashboard/lags/${info.lag.id}`,
      marker: "Record a result on the measure",
      load: (db, ctx) => loadLagDrilldown(db, ctx, info.lag.id, range(ctx)),
    },
    {
      key: "leadLag",
      label: "Lead→lag analytics API",
      path: `/api/v1/analytics/lead-lag?leadMeasureId=${info.lead.id}&lagMeasureId=${info.lag.id}`,
      marker: '"fits"',
      load: (db, ctx) => leadLagAnalysis(db, ctx, { leadMeasureId: info.lead.id, lagMeasureId: info.lag.id }),
    },
    {
      key: "forecast",
      label: "Forecast API",
      path: `/api/v1/analytics/forecast?lagMeasureId=${info.lag.id}`,
      marker: '"forecast"',
      load: (db, ctx) => lagForecast(db, ctx, { lagMeasureId: info.lag.id }),
    },
  ];
}

/**
 * What every request does before the route's own loading: the session row and the caller's
 * membership and organization (lib/auth/context.ts getViewer reads the same rows).
 */
export async function loadCaller(db: Db, sessionId: string, info: OrgInfo): Promise<TenantContext> {
  await liveSession(db, sessionId, info.managerId);
  const ctx = await loadTenantContext(db, info.managerId, info.organizationId);
  if (!ctx) throw new Error("The bench manager is not a member of the generated organization.");
  return ctx;
}

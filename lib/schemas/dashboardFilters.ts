// Dashboard filters live in the URL so a view can be shared and survives a reload:
// ?from=YYYY-MM-DD&to=YYYY-MM-DD&teams=<id>,<id>&lead=<leadMeasureId>&lag=<lagMeasureId>.
// Anything missing, malformed or outside the calendar range falls back to a sensible default; ids are checked against the
// organization by the page (an unknown id is dropped, never trusted).
import { isCalendarDay } from "@/lib/domain/calendar/range";
import { addDays, weekStart, type IsoDate } from "@/lib/domain/calendar/weeks";
import { isUuid } from "./ids";
import { firstParam, type SearchParams } from "./queryParams";

export const DEFAULT_WEEKS = 13;
export const MAX_WEEKS = 104;

export type DashboardFilters = {
  /** First and last week starts of the range, inclusive. */
  firstWeek: IsoDate;
  lastWeek: IsoDate;
  /** Empty = all teams. */
  teamIds: string[];
  leadMeasureId: string | null;
  lagMeasureId: string | null;
};

/** Reads the filters; `today` is the organization's local day. */
export function parseFilters(q: SearchParams, today: IsoDate, weekStartsOn: number): DashboardFilters {
  const current = weekStart(today, weekStartsOn);
  const toRaw = firstParam(q, "to");
  const fromRaw = firstParam(q, "from");
  let lastWeek = toRaw && isCalendarDay(toRaw) ? weekStart(toRaw, weekStartsOn) : current;
  if (lastWeek > current) lastWeek = current;
  let firstWeek = fromRaw && isCalendarDay(fromRaw) ? weekStart(fromRaw, weekStartsOn) : addDays(lastWeek, -7 * (DEFAULT_WEEKS - 1));
  if (firstWeek > lastWeek) firstWeek = addDays(lastWeek, -7 * (DEFAULT_WEEKS - 1));
  if (firstWeek < addDays(lastWeek, -7 * (MAX_WEEKS - 1))) firstWeek = addDays(lastWeek, -7 * (MAX_WEEKS - 1));
  const teamIds = [...new Set((firstParam(q, "teams") ?? "").split(",").filter((id) => isUuid(id)))];
  const lead = firstParam(q, "lead");
  const lag = firstParam(q, "lag");
  return {
    firstWeek,
    lastWeek,
    teamIds,
    leadMeasureId: lead && isUuid(lead) ? lead : null,
    lagMeasureId: lag && isUuid(lag) ? lag : null,
  };
}

/** The query string for filters (defaults left out, so URLs stay short). */
export function filtersToQuery(f: Partial<DashboardFilters>): string {
  const p = new URLSearchParams();
  if (f.firstWeek) p.set("from", f.firstWeek);
  if (f.lastWeek) p.set("to", f.lastWeek);
  if (f.teamIds?.length) p.set("teams", f.teamIds.join(","));
  if (f.leadMeasureId) p.set("lead", f.leadMeasureId);
  if (f.lagMeasureId) p.set("lag", f.lagMeasureId);
  return p.toString();
}

/** The week starts of the range, oldest first. */
export function weeksOf(f: Pick<DashboardFilters, "firstWeek" | "lastWeek">): IsoDate[] {
  const out: IsoDate[] = [];
  for (let w = f.firstWeek; w <= f.lastWeek; w = addDays(w, 7)) out.push(w);
  return out;
}

/** Keeps only ids that exist in the organization. */
export function knownTeams(ids: string[], teams: { id: string }[]): string[] {
  const known = new Set(teams.map((t) => t.id));
  return ids.filter((id) => known.has(id));
}

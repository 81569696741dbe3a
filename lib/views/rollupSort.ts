// Sorting and paging the roll-up table. The sort lives in the URL (?sort=<column>&dir=asc|desc) so a
// sorted view can be shared; the column name goes through this allowlist, never into a query.
import { firstParam, type SearchParams } from "@/lib/schemas/queryParams";
import type { TeamLine } from "@/lib/views/dashboard";

export const SORT_COLUMNS = ["team", "thisWeek", "trailing4", "trailing13", "lag", "checkIns", "execution"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDir = "asc" | "desc";
export type Sort = { column: SortColumn; dir: SortDir };

export const DEFAULT_SORT: Sort = { column: "team", dir: "asc" };


export function parseSort(q: SearchParams): Sort {
  const column = SORT_COLUMNS.find((c) => c === firstParam(q, "sort"));
  if (!column) return DEFAULT_SORT;
  return { column, dir: firstParam(q, "dir") === "desc" ? "desc" : "asc" };
}

type Sortable = Pick<TeamLine, "teamName" | "thisWeek" | "trailing4" | "trailing13" | "lag" | "checkIns4" | "execution">;

/** The number a column sorts by; null sorts last whichever the direction. */
function key(row: Sortable, column: Exclude<SortColumn, "team">): number | null {
  switch (column) {
    case "thisWeek":
      return row.thisWeek.attainment;
    case "trailing4":
      return row.trailing4;
    case "trailing13":
      return row.trailing13;
    case "lag": {
      const judged = row.lag.onTrack + row.lag.offTrack;
      return judged ? row.lag.onTrack / judged : null;
    }
    case "checkIns":
      return row.checkIns4.due ? row.checkIns4.held / row.checkIns4.due : null;
    case "execution":
      return row.execution.combined;
  }
}

export function sortRollup<T extends Sortable>(rows: readonly T[], sort: Sort): T[] {
  const byName = (a: T, b: T) => a.teamName.localeCompare(b.teamName);
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.column === "team") return sign * byName(a, b);
    const ka = key(a, sort.column);
    const kb = key(b, sort.column);
    if (ka == null || kb == null) return ka == null && kb == null ? byName(a, b) : ka == null ? 1 : -1;
    return sign * (ka - kb) || byName(a, b);
  });
}

/**
 * The URL query after choosing a column's header: the same column flips its direction, another
 * column starts ascending (worst first for every figure). Other parameters are kept, but the page:
 * a new order starts on its first page.
 */
export function sortQuery(q: SearchParams, current: Sort, column: SortColumn): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (k === "sort" || k === "dir" || k === "page" || v == null) continue;
    for (const item of Array.isArray(v) ? v : [v]) p.append(k, item);
  }
  p.set("sort", column);
  p.set("dir", current.column === column && current.dir === "asc" ? "desc" : "asc");
  return p.toString();
}

/** The URL query of another page of the same view (filters and sort kept). */
export function pageQuery(q: SearchParams, page: number): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (k === "page" || v == null) continue;
    for (const item of Array.isArray(v) ? v : [v]) p.append(k, item);
  }
  if (page > 1) p.set("page", String(page));
  return p.toString();
}

/**
 * Teams per page of the roll-up table. The heatmap and the weekly totals show the same page's
 * teams: a page the size of a screen or two, whatever the organization's size (500 rows and a
 * 7,000-cell heatmap are neither readable nor quick to send).
 */
export const DASHBOARD_PAGE_SIZE = 25;

export type DashboardPage = {
  /** 1-based. */
  number: number;
  pages: number;
  /** Positions (1-based) of the page's first and last team among `total`. */
  first: number;
  last: number;
  total: number;
};

/** The page asked for, kept within the pages there are (a stale link shows the last page). */
export function pageOf(total: number, asked: number, size = DASHBOARD_PAGE_SIZE): DashboardPage {
  const pages = Math.max(1, Math.ceil(total / size));
  const number = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  const first = Math.min(total, (number - 1) * size + 1);
  return { number, pages, first, last: Math.min(total, number * size), total };
}

"use client";
// The dashboard's filters: date range, teams, and the lead / lag measure where a view charts
// one. Applying them changes the URL (so the view can be shared and survives a reload).
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { DateInput } from "./DateInput";
import { useReportNavigation } from "./navigationPending";
import { filtersToQuery, type DashboardFilters } from "@/lib/schemas/dashboardFilters";

type Option = { id: string; name: string };

function MeasureSelect({ name, label, options, value }: { name: "lead" | "lag"; label: string; options: Option[]; value: string | null | undefined }) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""}>
        {options.map((m) => (
          <option key={m.id} value={m.id} title={m.name}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterBar({
  filters,
  teams,
  leadMeasures,
  lagMeasures,
}: {
  filters: DashboardFilters;
  teams: Option[];
  /** Shown when given: the view charts one lead measure. */
  leadMeasures?: Option[];
  lagMeasures?: Option[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [selected, setSelected] = useState<Set<string>>(new Set(filters.teamIds));
  // The view reloads its data for the new filters: Apply says so until it is shown.
  const [pending, startTransition] = useTransition();
  useReportNavigation(pending);

  function apply(form: FormData) {
    const teamIds = teams.filter((t) => selected.has(t.id)).map((t) => t.id);
    const query = filtersToQuery({
      firstWeek: String(form.get("from") || filters.firstWeek),
      lastWeek: String(form.get("to") || filters.lastWeek),
      teamIds: teamIds.length === teams.length ? [] : teamIds,
      leadMeasureId: (form.get("lead") as string | null) || filters.leadMeasureId,
      lagMeasureId: (form.get("lag") as string | null) || filters.lagMeasureId,
    });
    // Keep what the filters do not own (a sort order, a heatmap mode).
    const kept = new URLSearchParams(window.location.search);
    for (const k of ["from", "to", "teams", "lead", "lag"]) kept.delete(k);
    startTransition(() => router.push(`${pathname}?${[query, kept.toString()].filter(Boolean).join("&")}`));
  }

  return (
    <form
      className="card filter-bar"
      aria-label="Filters"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        apply(new FormData(e.currentTarget));
      }}
    >
      <div className="field">
        <label htmlFor="f-from">From the week of</label>
        <DateInput id="f-from" name="from" defaultValue={filters.firstWeek} />
      </div>
      <div className="field">
        <label htmlFor="f-to">To the week of</label>
        <DateInput id="f-to" name="to" defaultValue={filters.lastWeek} />
      </div>
      <fieldset className="filter-teams">
        <legend>Teams</legend>
        <div className="checks">
          {/* No team ticked means every team (the URL leaves `teams` out), so that choice has a box of its own. */}
          <label>
            <input type="checkbox" checked={selected.size === 0} onChange={() => setSelected(new Set())} />
            All teams
          </label>
          {teams.map((t) => (
            <label key={t.id}>
              <input
                type="checkbox"
                checked={selected.has(t.id)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(t.id);
                  else next.delete(t.id);
                  // Every team ticked one by one is all teams.
                  setSelected(next.size === teams.length ? new Set() : next);
                }}
              />
              {t.name}
            </label>
          ))}
        </div>
      </fieldset>
      {leadMeasures ? <MeasureSelect name="lead" label="Lead measure" options={leadMeasures} value={filters.leadMeasureId} /> : null}
      {lagMeasures ? <MeasureSelect name="lag" label="Lag measure" options={lagMeasures} value={filters.lagMeasureId} /> : null}
      <div className="row" style={{ alignItems: "end" }}>
        <button type="submit" disabled={pending}>
          {pending ? "Applying…" : "Apply"}
        </button>
      </div>
    </form>
  );
}

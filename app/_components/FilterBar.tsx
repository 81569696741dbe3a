"use client";
// The dashboard's filters: date range, teams, and the lead / lag measure where a view charts
// one. Applying them changes the URL (so the view can be shared and survives a reload).
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { filtersToQuery, type DashboardFilters } from "@/lib/schemas/dashboardFilters";

type Option = { id: string; name: string };

function MeasureSelect({ name, label, options, value }: { name: "lead" | "lag"; label: string; options: Option[]; value: string | null | undefined }) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name} defaultValue={value ?? ""}>
        {options.map((m) => (
          <option key={m.id} value={m.id}>
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
    router.push(`${pathname}?${[query, kept.toString()].filter(Boolean).join("&")}`);
  }

  return (
    <form
      className="card filter-bar"
      aria-label="Filters"
      onSubmit={(e) => {
        e.preventDefault();
        apply(new FormData(e.currentTarget));
      }}
    >
      <div className="field">
        <label htmlFor="f-from">From the week of</label>
        <input id="f-from" name="from" type="date" defaultValue={filters.firstWeek} />
      </div>
      <div className="field">
        <label htmlFor="f-to">To the week of</label>
        <input id="f-to" name="to" type="date" defaultValue={filters.lastWeek} />
      </div>
      <fieldset className="filter-teams">
        <legend>Teams {selected.size === 0 ? "(all)" : `(${selected.size})`}</legend>
        <div className="checks">
          {teams.map((t) => (
            <label key={t.id}>
              <input
                type="checkbox"
                checked={selected.has(t.id)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.target.checked) next.add(t.id);
                  else next.delete(t.id);
                  setSelected(next);
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
        <button type="submit">Apply</button>
        {selected.size > 0 ? (
          <button type="button" className="secondary" onClick={() => setSelected(new Set())}>
            All teams
          </button>
        ) : null}
      </div>
    </form>
  );
}

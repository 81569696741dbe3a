import { DateInput } from "@/app/_components/DateInput";

// A plain GET form: the browser downloads the CSV the export endpoint streams, no script needed.
export function ExportForm({ teams, today }: { teams: { id: string; name: string }[]; today: string }) {
  return (
    <form method="get" action="/api/v1/exports/lead-entries.csv" className="stack" aria-label="Export as CSV">
      <p className="muted" style={{ margin: 0 }}>
        Exported files use exactly the columns the importer reads, so you can edit one and import it back.
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor="export-from">From (optional)</label>
          <DateInput id="export-from" name="from" max={today} />
        </div>
        <div className="field">
          <label htmlFor="export-to">To (optional)</label>
          <DateInput id="export-to" name="to" max={today} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="export-team">Team</label>
        <select id="export-team" name="team" defaultValue="">
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <button type="submit">Download lead entries</button>
        <button type="submit" className="secondary" formAction="/api/v1/exports/lag-observations.csv">
          Download lag results
        </button>
      </div>
    </form>
  );
}

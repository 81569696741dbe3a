import type { ImportKind } from "@/lib/csv/options";
import type { ColumnSpec } from "@/lib/csv/columns";
import { LAG_OBSERVATION_COLUMNS } from "@/lib/csv/lagObservationColumns";
import { LEAD_ENTRY_COLUMNS } from "@/lib/csv/leadEntryColumns";
import { WideTable } from "@/app/_components/WideTable";

function Columns({ caption, columns }: { caption: string; columns: readonly ColumnSpec[] }) {
  return (
    <WideTable label={caption}>
      <table>
        <caption style={{ textAlign: "left", fontWeight: 600, padding: "0.5rem 0" }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">What it holds</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c.field}>
              <td>
                <code>{c.header}</code>
                {c.required ? "" : " (optional)"}
                {c.aliases.length > 0 && <div className="muted" style={{ fontSize: "0.8rem" }}>or {c.aliases.slice(0, 3).join(", ")}</div>}
              </td>
              <td>{c.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </WideTable>
  );
}

/** A plain link: the browser downloads the CSV the template endpoint writes, no script needed. */
function TemplateLink({ kind, what }: { kind: ImportKind; what: string }) {
  return (
    <p style={{ margin: "0.75rem 0 0" }}>
      <a href={`/api/v1/imports/${kind}/template.csv`} download>
        Download the {what} template
      </a>{" "}
      <span className="muted">(a CSV in your own team and measure names that imports as it is)</span>
    </p>
  );
}

/** The column documentation, generated from the same specs the importer reads with. */
export function ColumnDocs() {
  return (
    <>
      <TemplateLink kind="lead-entries" what="lead entries" />
      <Columns caption="Lead entries: one row per person, measure and day" columns={LEAD_ENTRY_COLUMNS} />
      <TemplateLink kind="lag-observations" what="lag results" />
      <Columns caption="Lag results: one row per measure, team and date" columns={LAG_OBSERVATION_COLUMNS} />
      <ul className="muted" style={{ fontSize: "0.9rem", paddingLeft: "1.1rem" }}>
        <li>UTF-8, with or without a byte-order mark; comma, semicolon or tab separated; the first row names the columns, in any order.</li>
        <li>Values with the separator, quotes or line breaks go in double quotes; a quote inside is doubled (&quot;&quot;).</li>
        <li>Dates are YYYY-MM-DD, or day/month/year or month/day/year when you choose that order.</li>
        <li>Numbers use a decimal dot (1,234.5), or a decimal comma (1.234,5) when you choose it.</li>
        <li>
          A row replaces what was there for the same person, measure and day (lag: measure, team and date), so importing a file twice changes nothing; the
          check says how many rows are new, replace earlier values or are unchanged before you import.
        </li>
        <li>Nothing is imported unless every row is right.</li>
      </ul>
    </>
  );
}

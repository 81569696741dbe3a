"use client";

import type { ImportPreview } from "@/lib/services/csvImport";
import type { RowProblem } from "@/lib/csv/options";
import { replacedRowLabel } from "@/lib/csv/changes";
import { formatNumber } from "@/lib/domain/format";
import styles from "./import.module.css";
import { problemsCsv } from "./importClient";
import { WideTable } from "@/app/_components/WideTable";

/** Problems shown on the page; all listed ones can be downloaded. */
const SHOWN = 200;

const colName = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `#${i + 1}`);

export function ColumnMapping({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  mapping: Record<string, number | null>;
  onChange: (field: string, index: number | null) => void;
}) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>Which column holds what</legend>
      <div className={styles.mapping}>
        {preview.columns.map((c) => (
          <div className="field" key={c.field}>
            <label htmlFor={`map-${c.field}`}>
              {c.header}
              {c.required ? "" : " (optional)"}
            </label>
            <select
              id={`map-${c.field}`}
              value={mapping[c.field] == null ? "" : String(mapping[c.field])}
              onChange={(e) => onChange(c.field, e.target.value === "" ? null : Number(e.target.value))}
            >
              <option value="">— no column —</option>
              {preview.headers.map((h, i) => (
                <option key={i} value={i}>
                  {colName(i)}: {h || "(no header)"}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function ProblemList({ problems, problemCount }: { problems: RowProblem[]; problemCount: number }) {
  if (problemCount === 0) return null;
  function download() {
    const url = URL.createObjectURL(new Blob([problemsCsv(problems)], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "import-problems.csv";
    a.click();
    URL.revokeObjectURL(url);
  }
  return (
    <div className={styles.block}>
      <h4 className={styles.h3}>
        {formatNumber(problemCount, "en-US")} problem{problemCount === 1 ? "" : "s"} to fix
      </h4>
      <WideTable label="Problems in the file" className={styles.scroll}>
        <table aria-label="Problems in the file">
          <thead>
            <tr>
              <th scope="col" className="num">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, SHOWN).map((p, i) => (
              <tr key={i}>
                <td className="num">{p.row ?? "file"}</td>
                <td>{p.column ?? "—"}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
      {(problems.length > SHOWN || problemCount > problems.length) && (
        <p className="muted">
          Showing {formatNumber(Math.min(SHOWN, problems.length), "en-US")} of {formatNumber(problemCount, "en-US")}.{" "}
          <button type="button" className="link-button" onClick={download}>
            Download {problemCount > problems.length ? `the first ${formatNumber(problems.length, "en-US")}` : "all"} as CSV
          </button>
        </p>
      )}
    </div>
  );
}

export function SampleTable({ preview }: { preview: ImportPreview }) {
  if (preview.sample.length === 0) return null;
  return (
    <div className={styles.block}>
      <h4 className={styles.h3}>First rows as they will be imported</h4>
      <WideTable label="First rows as they will be imported">
        <table aria-label="First rows as they will be imported">
          <thead>
            <tr>
              <th scope="col" className="num">Row</th>
              {preview.columns.map((c) => (
                <th scope="col" key={c.field}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((s) => (
              <tr key={s.row}>
                <td className="num">{s.row}</td>
                {preview.columns.map((c) => (
                  <td key={c.field}>{s.values[c.field]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </div>
  );
}

/** What the ready rows will do to what is there: new, replacing earlier values, or the same. */
export function ChangeSummary({ preview, locale, noun }: { preview: ImportPreview; locale: string; noun: string }) {
  if (preview.readyCount === 0) return null;
  const n = (v: number) => formatNumber(v, locale);
  const more = preview.replaces - preview.replaced.length;
  return (
    <div className={styles.block}>
      <h4 className={styles.h3}>What the import will change</h4>
      <p className={styles.counts} data-testid="import-changes">
        <span>
          <strong>{n(preview.creates)}</strong> new
        </span>
        <span>
          <strong>{n(preview.replaces)}</strong> replace earlier {noun}
        </span>
        <span>
          <strong>{n(preview.unchanged)}</strong> unchanged
        </span>
      </p>
      {preview.replaced.length > 0 && (
        <ul className={styles.replaced} aria-label="Rows that replace earlier values">
          {preview.replaced.map((r) => (
            <li key={r.row}>
              <span className="muted">Row {r.row}:</span> {replacedRowLabel(r, locale)}
            </li>
          ))}
          {more > 0 && <li className="muted">and {n(more)} more</li>}
        </ul>
      )}
    </div>
  );
}

"use client";

import { useEffect, useRef, useState } from "react";
import type { ImportPreview, Written } from "@/lib/services/csvImport";
import type { ImportKind } from "@/lib/csv/options";
import { formatNumber } from "@/lib/domain/format";
import styles from "./import.module.css";
import { ImportFailed, requestPreview, runCommit, type ImportOptions } from "./importClient";
import { ChangeSummary, ColumnMapping, ProblemList, SampleTable } from "./PreviewResult";

const KINDS: { value: ImportKind; label: string; noun: string }[] = [
  { value: "lead-entries", label: "Lead entries", noun: "entries" },
  { value: "lag-observations", label: "Lag results", noun: "results" },
];

/** Choose → check (nothing written) → fix and check again → import everything at once. */
export function ImportForm({ locale }: { locale: string }) {
  const [kind, setKind] = useState<ImportKind>("lead-entries");
  const [file, setFile] = useState<File | null>(null);
  const [dateOrder, setDateOrder] = useState("ymd");
  const [decimalMark, setDecimalMark] = useState("dot");
  const [mapping, setMapping] = useState<Record<string, number | null> | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  /** The options changed since the check: its verdict no longer applies. */
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState<"checking" | "importing" | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<Written | null>(null);
  const [error, setError] = useState<ImportFailed | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);

  // Move focus to what just appeared, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const noun = KINDS.find((k) => k.value === kind)!.noun;
  const options = (): ImportOptions | null => (file ? { kind, file, dateOrder, decimalMark, mapping } : null);

  function startOver(keepFile: boolean) {
    setPreview(null);
    setMapping(null);
    setStale(false);
    setError(null);
    setResult(null);
    if (!keepFile) setFile(null);
  }

  async function check(event: React.FormEvent) {
    event.preventDefault();
    const o = options();
    if (!o) {
      setError(new ImportFailed("Choose a CSV file to check."));
      return;
    }
    setBusy("checking");
    setError(null);
    setResult(null);
    try {
      const p = await requestPreview(o);
      setPreview(p);
      setMapping(p.mapping);
      setStale(false);
    } catch (err) {
      setPreview(null);
      setError(err instanceof ImportFailed ? err : new ImportFailed("The file could not be checked. Try again."));
    } finally {
      setBusy(null);
    }
  }

  async function commit() {
    const o = options();
    if (!o || !preview) return;
    setBusy("importing");
    setError(null);
    setProgress({ done: 0, total: preview.readyCount });
    try {
      setResult(await runCommit(o, (done, total) => setProgress({ done, total })));
      setPreview(null);
    } catch (err) {
      setError(err instanceof ImportFailed ? err : new ImportFailed("The import failed; nothing was imported."));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <form className="stack" onSubmit={check} noValidate>
      {error && (
        <div className="form-error" role="alert">
          {error.message}
        </div>
      )}
      {error && error.problemCount > 0 && <ProblemList problems={error.problems} problemCount={error.problemCount} />}
      {result && (
        <p className="form-ok" role="status" tabIndex={-1} ref={resultRef}>
          Imported {formatNumber(result.rows, locale)} row{result.rows === 1 ? "" : "s"}: {formatNumber(result.creates, locale)} new,{" "}
          {formatNumber(result.replaces, locale)} replaced earlier {noun}, {formatNumber(result.unchanged, locale)} unchanged.
        </p>
      )}

      <fieldset className={styles.fieldset}>
        <legend>What the file holds</legend>
        <div className={styles.choices}>
          {KINDS.map((k) => (
            <label key={k.value}>
              <input
                type="radio"
                name="kind"
                value={k.value}
                checked={kind === k.value}
                onChange={() => {
                  setKind(k.value);
                  startOver(true);
                }}
              />
              {k.label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="import-file">CSV file</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(e) => {
            startOver(true);
            setFile(e.target.files?.[0] ?? null);
          }}
        />
      </div>
      <div className={styles.options}>
        <div className="field">
          <label htmlFor="import-date-order">Dates not written YYYY-MM-DD are</label>
          <select
            id="import-date-order"
            value={dateOrder}
            onChange={(e) => {
              setDateOrder(e.target.value);
              if (preview) setStale(true);
            }}
          >
            <option value="ymd">refused (YYYY-MM-DD only)</option>
            <option value="dmy">day/month/year (31/12/2026)</option>
            <option value="mdy">month/day/year (12/31/2026)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-decimal">Numbers are written</label>
          <select
            id="import-decimal"
            value={decimalMark}
            onChange={(e) => {
              setDecimalMark(e.target.value);
              if (preview) setStale(true);
            }}
          >
            <option value="dot">1,234.5 (decimal dot)</option>
            <option value="comma">1.234,5 (decimal comma)</option>
          </select>
        </div>
      </div>
      <div className="row">
        <button type="submit" disabled={busy != null}>
          {busy === "checking" ? "Checking…" : preview ? "Check again" : "Check file"}
        </button>
      </div>

      {preview && (
        <section className="stack" aria-labelledby="preview-title">
          <h3 id="preview-title" tabIndex={-1} ref={previewHeading}>
            Check of {preview.fileName}
          </h3>
          <p className={styles.counts}>
            <span>
              <strong>{formatNumber(preview.rowCount, "en-US")}</strong> rows
            </span>
            <span>
              <strong>{formatNumber(preview.readyCount, "en-US")}</strong> ready
            </span>
            <span>
              <strong>{formatNumber(preview.problemCount, "en-US")}</strong> problem{preview.problemCount === 1 ? "" : "s"}
            </span>
          </p>
          {stale && <p className={styles.stale}>You changed how to read the file: check it again before importing.</p>}
          {preview.rowCount === 0 && preview.problemCount === 0 && <p className="empty">The file has a header but no rows to import.</p>}
          {preview.warnings.length > 0 && (
            <ul className={styles.warnings}>
              {preview.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {mapping && (
            <ColumnMapping
              preview={preview}
              mapping={mapping}
              onChange={(field, index) => {
                setMapping({ ...mapping, [field]: index });
                setStale(true);
              }}
            />
          )}
          <ProblemList problems={preview.problems} problemCount={preview.problemCount} />
          <ChangeSummary preview={preview} locale={locale} noun={noun} />
          <SampleTable preview={preview} />
          <p className="muted" style={{ margin: 0 }} id="import-hint">
            {preview.ready
              ? `Every row is ready. Rows replace what is there for the same ${kind === "lead-entries" ? "person, measure and day" : "measure, team and date"}.`
              : preview.problemCount > 0
                ? "Nothing is imported until every row is right: fix the file (or the columns above) and check again."
                : "There is nothing to import."}
          </p>
          <div className="row">
            <button type="button" onClick={commit} disabled={!preview.ready || stale || busy != null} aria-describedby="import-hint">
              {busy === "importing" ? "Importing…" : `Import ${formatNumber(preview.rowCount, "en-US")} row${preview.rowCount === 1 ? "" : "s"}`}
            </button>
          </div>
        </section>
      )}
      {progress && (
        <div className={styles.progress}>
          <span id="import-progress-label">
            Importing… {formatNumber(progress.done, "en-US")} of {formatNumber(progress.total, "en-US")} rows
          </span>
          <div className="bar" role="progressbar" aria-labelledby="import-progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
            <span className={styles.fill} style={{ width: `${pct}%` }} />
          </div>
        </div>
      )}
    </form>
  );
}

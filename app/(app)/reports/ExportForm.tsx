"use client";
// Export a quarterly ROI report: the organization or one program, and a quarter. The report is
// built in the background; the bar follows it and the page opens the report when it is ready.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FieldError, SelectField } from "@/app/_components/Field";
import type { ReportOptions } from "@/lib/views/reports";
import { ExportFailed, followExport, startExport, type ExportState } from "./exportClient";
import styles from "./reports.module.css";

type Scope = "organization" | "program";

type Props = {
  options: ReportOptions;
  /** Each quarter's last day counted, worded in the organization's locale. */
  asOfLabels: Record<string, string>;
  initialScope: Scope;
  initialProgramId: string | null;
};

export function ExportForm({ options, asOfLabels, initialScope, initialProgramId }: Props) {
  const router = useRouter();
  const [scope, setScope] = useState<Scope>(initialScope);
  const [programId, setProgramId] = useState(initialProgramId ?? options.programs[0]?.id ?? "");
  const [quarter, setQuarter] = useState(options.defaultQuarter ?? options.quarters[0]?.id ?? "");
  const [running, setRunning] = useState(false);
  const [state, setState] = useState<ExportState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const abort = useRef<AbortController | null>(null);

  // Leaving the page stops the polling (the export itself goes on and lands in the list).
  useEffect(() => () => abort.current?.abort(), []);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    abort.current = new AbortController();
    const { signal } = abort.current;
    setRunning(true);
    setError(null);
    setFieldErrors({});
    setState(null);
    try {
      const started = await startExport({ scope, quarter, ...(scope === "program" ? { programId } : {}) }, signal);
      setState(started);
      const last = await followExport(started, setState, signal);
      if (last.status === "succeeded" && last.reportId) {
        // The button stays disabled while the report page loads.
        router.push(`/reports/${last.reportId}`);
        return;
      }
      setError(last.error ?? "The export failed; nothing was saved. Try again.");
    } catch (err) {
      if (signal.aborted) return;
      if (err instanceof ExportFailed) {
        const { _form, ...byField } = err.fieldErrors;
        setFieldErrors(byField);
        setError(_form?.join(" ") ?? err.message);
      } else {
        setError("The server could not be reached. Check your connection and try again.");
      }
    }
    setRunning(false);
  }

  const selected = options.quarters.find((q) => q.id === quarter);
  const pct = Math.round((state?.progress ?? 0) * 100);
  const noPrograms = options.programs.length === 0;

  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Export a report">
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <fieldset className={styles.scope} aria-describedby={fieldErrors.scope ? "report-scope-error" : undefined} disabled={running}>
        <legend>Report on</legend>
        <div className="checks">
          <label>
            <input type="radio" name="scope" value="organization" checked={scope === "organization"} onChange={() => setScope("organization")} /> The whole organization
          </label>
          <label>
            <input type="radio" name="scope" value="program" checked={scope === "program"} disabled={noPrograms} onChange={() => setScope("program")} /> One ROI
            program
          </label>
        </div>
        {noPrograms ? <p className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>No ROI programs yet: create one under ROI to report on it alone.</p> : null}
        <FieldError id="report-scope-error" errors={fieldErrors.scope} />
      </fieldset>
      <div className="row" style={{ alignItems: "flex-start" }}>
        {scope === "program" ? (
          <SelectField id="report-program" label="Program" name="programId" value={programId} onChange={(e) => setProgramId(e.target.value)} errors={fieldErrors.programId} disabled={running}>
            {options.programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <SelectField
          id="report-quarter"
          label="Quarter"
          name="quarter"
          value={quarter}
          onChange={(e) => setQuarter(e.target.value)}
          errors={fieldErrors.quarter}
          hint={selected ? `Numbers up to ${asOfLabels[selected.id]}${selected.inProgress ? ", the end of the last ended week" : ""}.` : undefined}
          disabled={running}
        >
          {options.quarters.map((q) => (
            <option key={q.id} value={q.id}>
              {q.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div>
        <button type="submit" disabled={running}>
          {running ? "Exporting…" : "Export"}
        </button>
      </div>
      {running && state ? (
        <div className={styles.progress}>
          <span id="export-progress-label">Building the report: {pct}%</span>
          <progress max={100} value={pct} aria-valuenow={pct} aria-labelledby="export-progress-label" />
        </div>
      ) : null}
      {/* Always in the page, so screen readers announce each new stage. */}
      <p className={styles.stage} aria-live="polite">
        {running && state ? state.stage : ""}
      </p>
    </form>
  );
}

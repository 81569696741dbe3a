import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { mediumDateTime } from "@/lib/domain/format";
import { pageData } from "@/lib/http/page";
import { jobsView, JOBS_PAGE_SIZE, type JobItem } from "@/lib/views/jobs";
import { RowActionButton } from "@/app/_components/RowActionButton";
import { retryJobAction } from "./actions";
import { WideTable } from "@/app/_components/WideTable";

export const metadata: Metadata = { title: "Jobs" };

const BADGE: Record<JobItem["state"], string> = { created: "none", retry: "amber", active: "amber", completed: "green", cancelled: "none", failed: "red" };

function JobTable({ jobs, label, locale, timeZone }: { jobs: JobItem[]; label: string; locale: Parameters<typeof mediumDateTime>[1]; timeZone: string }) {
  return (
    <WideTable label={label}>
      <table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Enqueued</th>
            <th scope="col">Job</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id} data-testid={`job-${j.id}`}>
              <td style={{ whiteSpace: "nowrap" }}>{mediumDateTime(j.createdOn, locale, timeZone)}</td>
              <td>{j.label}</td>
              <td>
                <span className={`badge ${BADGE[j.state]}`}>{j.stateLabel}</span>
                {j.retryAt ? <span className="muted"> at {mediumDateTime(j.retryAt, locale, timeZone)}</span> : null}
                {j.error ? <span className="field-error" style={{ display: "block", overflowWrap: "anywhere" }}>{j.error}</span> : null}
              </td>
              <td>
                {j.attempts} of {j.maxAttempts}
              </td>
              <td>{j.retryable ? <RowActionButton action={retryJobAction} id={j.id} label={`Retry ${j.label} enqueued ${mediumDateTime(j.createdOn, locale, timeZone)}`} text="Retry" pendingText="Retrying…" /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </WideTable>
  );
}

/** The organization's background jobs: failed ones with their error and a Retry, then the newest. Admins only. */
export default async function JobsPage() {
  const ctx = await requirePageContext();
  const view = await pageData(jobsView(await getDb(), ctx));
  const { locale, timeZone } = ctx.organization;
  return (
    <>
      <div className="page-head">
        <h1>Jobs</h1>
        <p className="muted">
          The work Leadlag does for {ctx.organization.name} in the background — report exports, reminders and digests. A job that fails is
          tried again a few times, each later than the last; one that still fails is listed here with its error, and you may retry it.
        </p>
      </div>
      <section className="card" aria-label="Failed jobs">
        <h2>Failed</h2>
        {view.failed.length === 0 ? <p className="empty">No failed jobs.</p> : <JobTable jobs={view.failed} label="Failed jobs" locale={locale} timeZone={timeZone} />}
      </section>
      <section className="card" aria-label="Recent jobs">
        <h2>Recent</h2>
        {view.recent.length === 0 ? (
          <p className="empty">No jobs yet. A report export is one; finished jobs are kept for two weeks.</p>
        ) : (
          <>
            <JobTable jobs={view.recent} label="Recent jobs" locale={locale} timeZone={timeZone} />
            {view.recent.length === JOBS_PAGE_SIZE ? <p className="muted">Showing the newest {JOBS_PAGE_SIZE} jobs.</p> : null}
          </>
        )}
      </section>
    </>
  );
}

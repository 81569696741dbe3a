// Every team at a glance: lead attainment this week and over the trailing 4 and 13 weeks, lag
// status, check-ins held and the execution score, sortable by any column, with the
// organization's line below. Renders what lib/views/dashboard.ts computed.
import Link from "@/app/_components/Link";
import type { RollupLine, TeamLine } from "@/lib/views/dashboard";
import { formatShare } from "@/lib/domain/execution";
import { ATTAINMENT_CAP, attainmentStatus } from "@/lib/domain/risk";
import { LAG_STATUS_LABEL, type LagStatus, type Thresholds } from "@/lib/domain/status";
import type { Sort, SortColumn } from "@/lib/views/rollupSort";
import { SortButton } from "./SortButton";
import styles from "./dashboard.module.css";
import { WideTable } from "@/app/_components/WideTable";

type Props = {
  lines: TeamLine[];
  organization: RollupLine;
  sort: Sort;
  /** The URL each column's header leads to. */
  sortHrefs: Record<SortColumn, string>;
  /** Header of the range's last week: "This week (so far)" or "Week of 9 Nov". */
  thisWeekLabel: string;
  trailingEndLabel: string;
  teamHref: (teamId: string) => string;
  thresholds: Thresholds;
};

function Attainment({ share, thresholds }: { share: number | null; thresholds: Thresholds }) {
  if (share == null) return <span className="muted">no target</span>;
  return <span className={`badge ${attainmentStatus(share, thresholds)}`}>{formatShare(share)}</span>;
}

function ThisWeek({ line, thresholds }: { line: RollupLine; thresholds: Thresholds }) {
  const w = line.thisWeek;
  return (
    <>
      <Attainment share={w.attainment} thresholds={thresholds} />
      {w.measures > 0 ? (
        <span className={styles.detail}>
          {w.green} on target · {w.amber} close · {w.red} behind
        </span>
      ) : null}
    </>
  );
}

function Lags({ line }: { line: RollupLine }) {
  const { lags, onTrack, offTrack } = line.lag;
  if (lags.length === 0) return <span className="muted">no lag measures</span>;
  const status: LagStatus = offTrack > 0 ? "red" : onTrack > 0 ? "green" : "none";
  const off = lags.filter((l) => l.status === "red").map((l) => l.name);
  return (
    <>
      <span className={`badge ${status}`}>{LAG_STATUS_LABEL[status]}</span>
      <span className={styles.detail}>{off.length ? off.join(", ") : `${onTrack} of ${lags.length} on track`}</span>
    </>
  );
}

function CheckIns({ line }: { line: RollupLine }) {
  const { checkIns4: four, checkIns13: thirteen } = line;
  if (four.due === 0) return <span className="muted">none due yet</span>;
  return (
    <>
      {four.held} of {four.due}
      <span className={styles.detail}>
        {thirteen.held} of {thirteen.due} over 13 weeks
      </span>
    </>
  );
}

export function RollupTable({ lines, organization, sort, sortHrefs, thisWeekLabel, trailingEndLabel, teamHref, thresholds }: Props) {
  const columns: { key: SortColumn; label: string; num?: boolean }[] = [
    { key: "team", label: "Team" },
    { key: "thisWeek", label: thisWeekLabel },
    { key: "trailing4", label: "4 weeks", num: true },
    { key: "trailing13", label: "13 weeks", num: true },
    { key: "lag", label: "Lag measures" },
    { key: "checkIns", label: "Check-ins" },
    { key: "execution", label: "Execution", num: true },
  ];
  return (
    <WideTable label="Teams at a glance">
      <table className={styles.rollup} data-testid="rollup">
        <caption className="sr-only">Teams at a glance, sorted by {columns.find((c) => c.key === sort.column)!.label}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort.column === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.num ? "num" : undefined}
                  aria-sort={active ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  <SortButton href={sortHrefs[c.key]} label={c.label} state={active ? sort.dir : null} />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.teamId} data-testid="rollup-team">
              <th scope="row" className={styles.teamCell}>
                <Link href={teamHref(line.teamId)}>{line.teamName}</Link>
              </th>
              <td>
                <ThisWeek line={line} thresholds={thresholds} />
              </td>
              <td className="num">
                <Attainment share={line.trailing4} thresholds={thresholds} />
              </td>
              <td className="num">
                <Attainment share={line.trailing13} thresholds={thresholds} />
              </td>
              <td>
                <Lags line={line} />
              </td>
              <td>
                <CheckIns line={line} />
              </td>
              <td className="num">{formatShare(line.execution.combined)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className={styles.orgRow}>
            <th scope="row">All teams shown</th>
            <td>
              <ThisWeek line={organization} thresholds={thresholds} />
            </td>
            <td className="num">
              <Attainment share={organization.trailing4} thresholds={thresholds} />
            </td>
            <td className="num">
              <Attainment share={organization.trailing13} thresholds={thresholds} />
            </td>
            <td>
              <Lags line={organization} />
            </td>
            <td>
              <CheckIns line={organization} />
            </td>
            <td className="num muted">—</td>
          </tr>
        </tfoot>
      </table>
      <p className={`muted ${styles.note}`}>
        Attainment is the mean over a team&apos;s lead measures of actual ÷ target, each counted up to {formatShare(ATTAINMENT_CAP)} so one measure
        far over target cannot hide another behind it. The 4- and 13-week figures end with the last full week (
        {trailingEndLabel}); check-ins are those held in the last 4 full weeks. The organization&apos;s lag measures are judged
        on organization-wide values; a team with lag measures of its own is judged on those.
      </p>
    </WideTable>
  );
}

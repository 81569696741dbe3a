import { formatNumber } from "@/lib/domain/format";
import type { SourceCounts as Counts } from "@/lib/queries/lagObservationsInRange";
import styles from "../../teams/_drilldown/drilldown.module.css";
import { SOURCE_LABEL, SOURCES } from "../../teams/_drilldown/sources";

/** How many of the range's observations were typed in, imported, pushed by the API or seeded. */
export function SourceCounts({ bySource, total, locale }: { bySource: Counts; total: number; locale: string }) {
  return (
    <dl className={styles.sources} data-testid="source-counts">
      <div>
        <dt>All sources</dt>
        <dd>{formatNumber(total, locale)}</dd>
      </div>
      {SOURCES.map((s) => (
        <div key={s}>
          <dt>{SOURCE_LABEL[s]}</dt>
          <dd>{formatNumber(bySource[s], locale)}</dd>
        </div>
      ))}
    </dl>
  );
}

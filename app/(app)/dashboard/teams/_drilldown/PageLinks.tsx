import Link from "@/app/_components/Link";
import styles from "./drilldown.module.css";

/** Keyset paging: back to the newest page, or on to older rows (there is no "previous"). */
export function PageLinks({ first, next, what }: { first: string | null; next: string | null; what: string }) {
  if (!first && !next) return null;
  return (
    <nav aria-label={`Pages of ${what}`} className={styles.pager}>
      {first ? <Link href={first}>← Newest {what}</Link> : <span />}
      {next ? <Link href={next}>Older {what} →</Link> : null}
    </nav>
  );
}

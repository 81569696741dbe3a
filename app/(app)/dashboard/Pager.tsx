// Pages of the teams at a glance: previous and next, and where this page sits among all teams.
import Link from "@/app/_components/Link";
import type { DashboardPage } from "@/lib/views/rollupSort";
import styles from "./dashboard.module.css";

export function Pager({ page, hrefOf }: { page: DashboardPage; hrefOf: (page: number) => string }) {
  if (page.pages <= 1) return null;
  const step = (to: number, label: string, rel: "prev" | "next") =>
    to >= 1 && to <= page.pages ? (
      <Link href={hrefOf(to)} rel={rel}>
        {label}
      </Link>
    ) : (
      <span className="muted" aria-disabled="true">
        {label}
      </span>
    );
  return (
    <nav className={styles.pager} aria-label="Pages of teams">
      {step(page.number - 1, "← Previous", "prev")}
      <span aria-current="page">
        Teams {page.first}–{page.last} of {page.total} · page {page.number} of {page.pages}
      </span>
      {step(page.number + 1, "Next →", "next")}
    </nav>
  );
}

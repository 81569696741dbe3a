"use client";
// A sortable column's header: a button (keyboard and screen-reader friendly) that puts the sort
// in the URL. The header cell around it carries aria-sort. The view re-sorts on the server, so
// the navigation runs as a transition that the page's navigation indicator shows.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useReportNavigation } from "@/app/_components/navigationPending";
import styles from "./dashboard.module.css";

export function SortButton({ href, label, state }: { href: string; label: string; state: "asc" | "desc" | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  useReportNavigation(pending);
  return (
    <button type="button" className={styles.sortButton} onClick={() => startTransition(() => router.push(href, { scroll: false }))}>
      {label}
      <span aria-hidden="true">{state === "asc" ? "▲" : state === "desc" ? "▼" : "↕"}</span>
    </button>
  );
}

"use client";
// A sortable column's header: a button (keyboard and screen-reader friendly) that puts the sort
// in the URL. The header cell around it carries aria-sort.
import { useRouter } from "next/navigation";
import styles from "./dashboard.module.css";

export function SortButton({ href, label, state }: { href: string; label: string; state: "asc" | "desc" | null }) {
  const router = useRouter();
  return (
    <button type="button" className={styles.sortButton} onClick={() => router.push(href, { scroll: false })}>
      {label}
      <span aria-hidden="true">{state === "asc" ? "▲" : state === "desc" ? "▼" : "↕"}</span>
    </button>
  );
}

"use client";

import Link from "@/app/_components/Link";
import { usePathname } from "next/navigation";
import styles from "./settings.module.css";

export type SettingsLink = { href: string; label: string };

/** The settings sections, the current one marked; wrapping onto a second row on a phone (every section in sight, nothing sideways). */
export function SettingsNav({ links }: { links: SettingsLink[] }) {
  const pathname = usePathname();
  return (
    <nav className={styles.nav} aria-label="Settings">
      {links.map((l) => {
        const current = l.href === "/settings" ? pathname === "/settings" : pathname === l.href || pathname.startsWith(`${l.href}/`);
        return (
          <Link key={l.href} href={l.href} aria-current={current ? "page" : undefined}>
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}

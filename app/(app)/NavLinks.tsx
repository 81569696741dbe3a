"use client";

import Link from "@/app/_components/Link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * The main navigation and, beside it, the account links (`children`). On a wide screen both sit
 * in the top bar; on a phone (globals.css, ≤ 800 px) the bar is one line and a "Menu" button
 * opens them below it: it says whether it is open (aria-expanded), and the menu closes on
 * Escape (focus back on the button) and once a link has taken you to another page.
 */
export function NavLinks({ links, children }: { links: { href: string; label: string }[]; children?: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const [shownFor, setShownFor] = useState(pathname);
  // A new page closes the menu (during render, so the new page never paints under an open menu).
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <button ref={button} type="button" className="menu-button secondary" aria-expanded={open} aria-controls="app-menu" onClick={() => setOpen((o) => !o)}>
        Menu
      </button>
      <div id="app-menu" className="menu-panel" data-open={open || undefined}>
        <nav className="nav" aria-label="Main">
          {links.map((l) => {
            const current = l.href === "/" ? pathname === "/" || pathname.startsWith("/teams") : pathname.startsWith(l.href);
            return (
              <Link key={l.href} href={l.href} aria-current={current ? "page" : undefined} onClick={() => setOpen(false)}>
                {l.label}
              </Link>
            );
          })}
        </nav>
        {children}
      </div>
    </>
  );
}

"use client";
// The one sign that a page is on its way (issue #16): a thin bar across the top of the window,
// the page being left dimmed and marked busy (aria-busy on <main>), and "Loading…" said once by
// a live region outside <main> (a busy region's own announcements may be held back). Shown only
// when a navigation takes longer than SHOW_AFTER_MS, so quick ones do not flash. The bar moves
// unless the system asks for reduced motion (globals.css).
import { useEffect, useState } from "react";
import { useNavigationPending } from "./navigationPending";

/** Navigations quicker than this show nothing. */
export const SHOW_AFTER_MS = 150;

export function NavigationProgress() {
  const pending = useNavigationPending();
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setLate(true), SHOW_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setLate(false);
    };
  }, [pending]);
  const shown = pending && late;

  useEffect(() => {
    // <main> belongs to each layout (app, auth, public pages); the page being left is in the one there now.
    const main = shown ? document.getElementById("main") : null;
    if (!main) return;
    main.setAttribute("aria-busy", "true");
    return () => main.removeAttribute("aria-busy");
  }, [shown]);

  return (
    <>
      <div className="nav-progress" data-shown={shown || undefined} aria-hidden="true" />
      {/* A polite live region without role="status": a page's own status messages keep that role to themselves. */}
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="navigation-status">
        {shown ? "Loading…" : ""}
      </div>
    </>
  );
}

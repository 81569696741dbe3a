"use client";

import { useEffect, useState } from "react";
import { MY_NUMBERS_ID } from "./skipTargets";

/**
 * The first thing Tab reaches on every page. Where the page holds "My numbers this week" (a team
 * page with a grid to fill) it goes straight there, what people open the page for; elsewhere to
 * the page's content. It watches the page's content, which changes on client-side navigation.
 */
export function SkipLink() {
  const [hasGrid, setHasGrid] = useState(false);
  useEffect(() => {
    const check = () => setHasGrid(document.getElementById(MY_NUMBERS_ID) != null);
    const main = document.getElementById("main");
    const observer = new MutationObserver(check);
    if (main) observer.observe(main, { childList: true, subtree: true });
    const frame = requestAnimationFrame(check);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  return hasGrid ? (
    <a className="skip-link" href={`#${MY_NUMBERS_ID}`}>
      Skip to My numbers this week
    </a>
  ) : (
    <a className="skip-link" href="#main">
      Skip to content
    </a>
  );
}

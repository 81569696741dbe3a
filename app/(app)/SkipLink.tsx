"use client";

import { useEffect, useState } from "react";
import { MY_NUMBERS_ID } from "./skipTargets";

/** The grid's own heading ("My numbers this week", "My numbers in the week of 9 Nov", "Sam Taylor's numbers…"). */
function gridName(): string | null {
  const grid = document.getElementById(MY_NUMBERS_ID);
  if (!grid) return null;
  const heading = document.getElementById(grid.getAttribute("aria-labelledby") ?? "");
  return heading?.textContent?.trim() || "My numbers";
}

/**
 * The first thing Tab reaches on every page. Where the page holds a grid to fill (a team page) it
 * goes straight there, what people open the page for, and is named as the grid's heading names it
 * (an earlier week is not "this week"); elsewhere to the page's content. It watches the page's
 * content, which changes on client-side navigation.
 */
export function SkipLink() {
  const [grid, setGrid] = useState<string | null>(null);
  useEffect(() => {
    const check = () => setGrid(gridName());
    const main = document.getElementById("main");
    const observer = new MutationObserver(check);
    if (main) observer.observe(main, { childList: true, subtree: true });
    const frame = requestAnimationFrame(check);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  return grid ? (
    <a className="skip-link" href={`#${MY_NUMBERS_ID}`}>
      Skip to {grid}
    </a>
  ) : (
    <a className="skip-link" href="#main">
      Skip to content
    </a>
  );
}

"use client";
// The one wrapper of every table that may be wider than its box (a phone, a long report): the table
// scrolls sideways inside it with its first column kept in view (globals.css, .wide-table). While
// columns are out of sight, a shadow marks the clipped edge, a line above says the table scrolls,
// and the box joins the Tab order under its name, so a keyboard can scroll it too (axe's
// scrollable-region-focusable).
import { useEffect, useId, useRef, useState, type HTMLAttributes, type ReactNode } from "react";

type Props = {
  /** What the table holds ("Cost ledger"): the scrolling region's name. */
  label: string;
  children: ReactNode;
  className?: string;
} & Omit<HTMLAttributes<HTMLDivElement>, "className" | "children">;

export function WideTable({ label, children, className, ...rest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const [edges, setEdges] = useState({ left: false, right: false });

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const left = box.scrollLeft > 1;
      const right = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
      setEdges((e) => (e.left === left && e.right === right ? e : { left, right }));
    };
    measure();
    box.addEventListener("scroll", measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => {
      box.removeEventListener("scroll", measure);
      observer.disconnect();
    };
  }, []);

  const scrolls = edges.left || edges.right;
  return (
    <>
      {scrolls ? (
        <p className="scroll-hint" id={hintId}>
          Scroll sideways for more columns {edges.right ? "→" : "←"}
        </p>
      ) : null}
      <div className="wide-table" data-more-left={edges.left || undefined} data-more-right={edges.right || undefined}>
        <div
          ref={ref}
          className={className ? `table-wrap ${className}` : "table-wrap"}
          role={scrolls ? "region" : undefined}
          aria-label={scrolls ? `${label} (scrolls sideways)` : undefined}
          aria-describedby={scrolls ? hintId : undefined}
          tabIndex={scrolls ? 0 : undefined}
          {...rest}
        >
          {children}
        </div>
      </div>
    </>
  );
}

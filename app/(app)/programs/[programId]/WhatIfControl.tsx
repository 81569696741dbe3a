"use client";
// The what-if: choose a lead measure and move its weekly level by −50%…+50%. The page re-computes
// through the URL (?whatIfLead=&whatIfPct=), so a what-if can be bookmarked and shared; the form
// also works as a plain GET form without JavaScript.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useReportNavigation } from "@/app/_components/navigationPending";

export function WhatIfControl({ leads, leadId, percent }: { leads: { id: string; name: string }[]; leadId: string; percent: number }) {
  const router = useRouter();
  const pathname = usePathname();
  const [lead, setLead] = useState(leadId);
  const [pct, setPct] = useState(percent);
  const [pending, startTransition] = useTransition();
  useReportNavigation(pending);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  function commit(nextLead: string, nextPct: number) {
    if (timer.current) clearTimeout(timer.current);
    // Wait for the slider to settle (arrow keys repeat) before re-computing.
    timer.current = setTimeout(() => {
      const q = new URLSearchParams({ whatIfLead: nextLead, whatIfPct: String(nextPct) });
      startTransition(() => router.replace(`${pathname}?${q}`, { scroll: false }));
    }, 350);
  }

  return (
    <form method="get" className="stack" aria-label="What-if" aria-busy={pending} onSubmit={(e) => (e.preventDefault(), commit(lead, pct))}>
      <div className="row" style={{ alignItems: "flex-end" }}>
        <div className="field">
          <label htmlFor="what-if-lead">Lead measure</label>
          <select
            id="what-if-lead"
            name="whatIfLead"
            value={lead}
            onChange={(e) => {
              setLead(e.target.value);
              commit(e.target.value, pct);
            }}
          >
            {leads.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ minWidth: "min(100%, 16rem)" }}>
          <label htmlFor="what-if-pct">
            Change its weekly level: <output htmlFor="what-if-pct">{pct > 0 ? `+${pct}` : pct}%</output>
          </label>
          <input
            id="what-if-pct"
            name="whatIfPct"
            type="range"
            min={-50}
            max={50}
            step={5}
            value={pct}
            aria-valuetext={`${pct > 0 ? "+" : ""}${pct}%`}
            onChange={(e) => {
              const v = Number(e.target.value);
              setPct(v);
              commit(lead, v);
            }}
          />
        </div>
        <div>
          <button type="submit" disabled={pending}>
            {pending ? "Projecting…" : "Project"}
          </button>
        </div>
      </div>
    </form>
  );
}

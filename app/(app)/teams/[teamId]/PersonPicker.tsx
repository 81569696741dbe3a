"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useGoToWeek } from "@/app/_components/WeekNavigation";

/** Managers pick whose week to correct; the choice lives in the URL. */
export function PersonPicker({ people, selected }: { people: { userId: string; name: string }[]; selected: string }) {
  // The grid below belongs to the person being left until the new one is shown: it waits meanwhile.
  const go = useGoToWeek();
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <div className="field" style={{ minWidth: "12rem" }}>
      <label htmlFor="person">Whose week</label>
      <select
        id="person"
        defaultValue={selected}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          next.set("person", e.target.value);
          go(`${pathname}?${next}`);
        }}
      >
        {people.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.name}
          </option>
        ))}
      </select>
    </div>
  );
}

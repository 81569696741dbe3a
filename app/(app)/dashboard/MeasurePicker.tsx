"use client";

import { usePathname, useRouter } from "next/navigation";

/** Picks the charted measure; the choice lives in the URL so a view can be shared. */
export function MeasurePicker({ measures, selected }: { measures: { id: string; name: string }[]; selected: string }) {
  const router = useRouter();
  const pathname = usePathname();
  return (
    <form method="get" className="field" style={{ minWidth: "14rem" }}>
      <label htmlFor="measure">Lead measure</label>
      <select
        id="measure"
        name="measure"
        defaultValue={selected}
        onChange={(e) => router.push(`${pathname}?measure=${encodeURIComponent(e.target.value)}`)}
      >
        {measures.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">Show</button>
      </noscript>
    </form>
  );
}

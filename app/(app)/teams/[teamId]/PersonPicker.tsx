"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** Managers pick whose week to correct; the choice lives in the URL. */
export function PersonPicker({ people, selected }: { people: { userId: string; name: string }[]; selected: string }) {
  const router = useRouter();
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
          router.push(`${pathname}?${next}`);
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

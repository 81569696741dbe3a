"use client";

import { useState } from "react";
import { useFormAction } from "@/app/_components/useFormAction";
import { FormMessage } from "@/app/_components/Field";
import { useOrgLocale } from "@/app/_components/OrgLocale";
import { useWeekChanging } from "@/app/_components/WeekNavigation";
import { formatNumber } from "@/lib/domain/format";
import type { ActionState } from "@/lib/http/runAction";
import { saveWeekAction } from "./gridActions";
import { WideTable } from "@/app/_components/WideTable";

type Props = {
  /** The form's name, as its heading says it: "My numbers this week", "Sam Taylor's numbers in the week of 9 Nov". */
  label: string;
  teamId: string;
  userId: string;
  days: { date: string; label: string; editable: boolean }[];
  /** Today: the day a phone shows first (else the week's last open day, else its first). */
  today: string;
  measures: { id: string; name: string; unit: string; personWeeklyTarget: number | null }[];
  /** `${measureId}.${date}` → the day's value. */
  values: Record<string, number>;
};

/**
 * "My numbers this week": measure × day, keyboard only — type, Tab to the next day, Enter to
 * save. Only changed days are sent; clearing a day removes its entries. On a phone the grid
 * shows one day at a time, picked with the day switcher above it (globals.css): the other
 * days' cells stay in the form, so saving works the same at any width.
 */
export function WeekGrid({ label, teamId, userId, days, today, measures, values }: Props) {
  const [state, onSubmit, pending, busy] = useFormAction<ActionState>(saveWeekAction, { status: "idle" });
  const { locale } = useOrgLocale();
  // The cells wait while the page moves to another week (not while saving: the focus stays where it is).
  const changingWeek = useWeekChanging();
  const errors = state.status === "error" ? state.fieldErrors : {};
  const [shown, setShown] = useState(() => {
    const todayAt = days.findIndex((d) => d.date === today);
    return todayAt >= 0 ? todayAt : Math.max(0, days.findLastIndex((d) => d.editable));
  });
  const other = (i: number) => (i === shown ? undefined : true);
  return (
    <form onSubmit={onSubmit} aria-label={label} className="stack" aria-busy={busy}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={userId} />
      <div className="day-switcher" role="group" aria-label="Day to show">
        {days.map((d, i) => {
          const cut = d.label.indexOf(" ");
          return (
            <button key={d.date} type="button" aria-pressed={i === shown} aria-label={d.label} onClick={() => setShown(i)}>
              <span>{cut < 0 ? d.label : d.label.slice(0, cut)}</span>
              <span>{cut < 0 ? "" : d.label.slice(cut + 1)}</span>
            </button>
          );
        })}
      </div>
      <WideTable label={label}>
        <table className="week-grid">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              {days.map((d, i) => (
                <th key={d.date} scope="col" className="num" data-other-day={other(i)}>
                  {d.label}
                </th>
              ))}
              <th scope="col" className="num">
                Week
              </th>
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => {
              const total = days.reduce((sum, d) => sum + (values[`${m.id}.${d.date}`] ?? 0), 0);
              return (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name}
                    {m.personWeeklyTarget != null ? <span className="muted"> · target {formatNumber(m.personWeeklyTarget, locale)}</span> : null}
                  </th>
                  {days.map((d, i) => {
                    const name = `cell.${m.id}.${d.date}`;
                    const current = values[`${m.id}.${d.date}`];
                    const error = errors[name];
                    return (
                      <td key={d.date} className="num" data-other-day={other(i)}>
                        <input type="hidden" name={`was.${m.id}.${d.date}`} value={current ?? ""} />
                        <input
                          name={name}
                          aria-label={`${m.name}, ${d.label}`}
                          inputMode="decimal"
                          autoComplete="off"
                          defaultValue={current ?? ""}
                          disabled={!d.editable || changingWeek}
                          aria-invalid={error ? true : undefined}
                          title={error?.join(" ")}
                        />
                        {error ? <span className="field-error grid-error">{error.join(" ")}</span> : null}
                      </td>
                    );
                  })}
                  <td className="num">
                    <strong>{formatNumber(total, locale, 1)}</strong>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </WideTable>
      <FormMessage state={state} />
      <div className="row" style={{ alignItems: "center" }}>
        <button type="submit" disabled={busy}>
          {pending ? "Saving…" : "Save my week"}
        </button>
        <span className="muted" style={{ fontSize: "0.85rem" }}>
          Tab moves to the next day, Enter saves. Empty a day to remove it.
        </span>
      </div>
    </form>
  );
}

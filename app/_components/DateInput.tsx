"use client";
// A day picked with the browser's own date control (keyboard entry, a calendar, the phone's
// picker — all accessible as they come), with the chosen day written beside it as the rest of the
// app writes days ("Wed 18 Nov"). The control itself shows the day in the browser's language,
// which a page cannot change, so on its own it would be a second date format on the screen.
import { useState, type InputHTMLAttributes } from "react";
import { isIsoDate } from "@/lib/domain/calendar/weeks";
import { formatDay } from "@/lib/domain/format";
import { useOrgLocale } from "./OrgLocale";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { id: string };

export function DateInput({ id, defaultValue, onChange, "aria-describedby": describedBy, ...rest }: Props) {
  const { locale } = useOrgLocale();
  const [day, setDay] = useState(typeof defaultValue === "string" ? defaultValue : "");
  const echoId = `${id}-day`;
  return (
    <span className="date-input">
      <input
        id={id}
        type="date"
        defaultValue={defaultValue}
        aria-describedby={[describedBy, echoId].filter(Boolean).join(" ")}
        onChange={(e) => {
          setDay(e.target.value);
          onChange?.(e);
        }}
        {...rest}
      />
      <span id={echoId} className="date-echo muted" data-testid="date-echo">
        {isIsoDate(day) ? formatDay(day, locale) : ""}
      </span>
    </span>
  );
}

"use client";
// The submit button of a `<form action={…}>` form: disabled and saying what is happening
// ("Saving…") while the form's action runs, and disabled while the page moves to another week
// (the form belongs to the week being left; see WeekNavigation). Forms that submit through
// useFormAction get the same from that hook.
import { useFormStatus } from "react-dom";
import type { ButtonHTMLAttributes } from "react";
import { useWeekChanging } from "./WeekNavigation";

export function SubmitButton({
  pendingText = "Saving…",
  disabled,
  children,
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type"> & { pendingText?: string }) {
  const { pending } = useFormStatus();
  const changingWeek = useWeekChanging();
  return (
    <button type="submit" disabled={disabled || pending || changingWeek} {...rest}>
      {pending ? pendingText : children}
    </button>
  );
}

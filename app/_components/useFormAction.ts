"use client";
// Runs a server action from a form's submit event instead of `<form action>`, because React 19
// resets a form after its action completes: on a validation error the user would lose what they
// typed. With this the inputs keep their values; forms clear themselves on success when they want.
// It also says when the form must wait: `pending` while its action runs (the submit button says
// "Saving…"), `busy` while it runs or the page moves to another week (the form belongs to the week
// being left: the submit button is disabled and nothing is sent; see WeekNavigation).
import { startTransition, useActionState, type FormEvent } from "react";
import { useWeekChanging } from "./WeekNavigation";

export function useFormAction<S>(
  action: (state: Awaited<S>, form: FormData) => S | Promise<S>,
  initial: Awaited<S>,
  /** A check before sending; it may load its schema on demand (see checkLazily). */
  opts: { validate?: (form: FormData) => boolean | Promise<boolean> } = {},
) {
  const [state, dispatch, pending] = useActionState(action, initial);
  const changingWeek = useWeekChanging();
  const busy = pending || changingWeek;
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    if (opts.validate && !(await opts.validate(form))) return;
    startTransition(() => dispatch(form));
  }
  return [state, onSubmit, pending, busy] as const;
}

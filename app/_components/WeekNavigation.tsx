"use client";
// Moving from one week to another on a team page or its check-in. Until the new week is on
// screen the old one must take no input: a number or a commitment typed in that second or two
// would be saved to the week the person is leaving. The week links run the navigation as a
// transition; the forms inside read it (useFormAction, useWeekChanging) and go read-only.
import Link from "@/app/_components/Link";
import { useRouter } from "next/navigation";
import { createContext, useContext, useTransition, type ComponentProps, type ReactNode } from "react";
import { useReportNavigation } from "./navigationPending";

const Changing = createContext<{ pending: boolean; go: (href: string) => void } | null>(null);

/** Wraps the part of a page whose week links and forms belong together. Renders no markup. */
export function WeekNavigation({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (href: string) => startTransition(() => router.push(href));
  useReportNavigation(pending);
  return <Changing value={{ pending, go }}>{children}</Changing>;
}

/** A link to another week: an ordinary link (new tab, middle click), and a tracked navigation on a plain click. */
export function WeekLink({ href, onClick, ...rest }: ComponentProps<typeof Link> & { href: string }) {
  const changing = useContext(Changing);
  return (
    <Link
      href={href}
      aria-disabled={changing?.pending || undefined}
      {...rest}
      onClick={(e) => {
        onClick?.(e);
        if (!changing || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        changing.go(href);
      }}
    />
  );
}

/** Goes to another week (or another person's week) as a week link does; a plain navigation outside WeekNavigation. */
export function useGoToWeek(): (href: string) => void {
  const changing = useContext(Changing);
  const router = useRouter();
  return changing ? changing.go : (href) => router.push(href);
}

/** True from a click on a week link until the new week is shown. */
export function useWeekChanging(): boolean {
  return useContext(Changing)?.pending ?? false;
}

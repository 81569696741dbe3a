"use client";
// The SSO page's search forms. Their answer is a redirect on to the organization's identity
// provider, another origin: a form submission may only end there under a page whose CSP has no
// form-action 'self' (proxy.ts relaxes it for /sso), but after a client-side navigation to /sso
// the policy in force is the page the browser loaded first (e.g. /sign-in). So with JavaScript
// the search is a plain navigation, which form-action does not govern; without it, the form
// submits as HTML, under /sso's own policy.
import type { CSSProperties, FormEvent, ReactNode } from "react";

export function FindForm({ label, className, style, children }: { label: string; className?: string; style?: CSSProperties; children: ReactNode }) {
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string") query.append(name, value);
    // A full navigation on purpose: its answer is a redirect to another origin, not a page of ours.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`/sso?${query}`);
  };
  return (
    <form method="get" action="/sso" className={className} style={style} aria-label={label} onSubmit={onSubmit}>
      {children}
    </form>
  );
}

"use client";
// The organization's locale, currency and time zone for client components, so what they print
// (a day beside a date picker, a total under the grid) reads as the server-rendered page around
// them does, whatever language the browser is set to. The app layout provides it.
import { createContext, useContext, type ReactNode } from "react";

export type OrgLocale = { locale: string; currency: string; timeZone: string };

const Context = createContext<OrgLocale | null>(null);

export function OrgLocaleProvider({ value, children }: { value: OrgLocale; children: ReactNode }) {
  return <Context value={value}>{children}</Context>;
}

/** The organization's formats; outside an organization's pages, the runtime's own locale. */
export function useOrgLocale(): { locale: string | undefined; currency: string; timeZone: string } {
  return useContext(Context) ?? { locale: undefined, currency: "USD", timeZone: "UTC" };
}

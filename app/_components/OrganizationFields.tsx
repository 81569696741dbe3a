"use client";
// A new organization's name, calendar and money fields (sign-up, "create another organization"),
// prefilled from the browser: its time zone, and the first day of the week and currency its
// locale suggests. Every field stays editable.
import { useSyncExternalStore } from "react";
import { currencyFor, weekStartFor } from "@/lib/domain/localeDefaults";
import { LOCALE_CHOICES, WEEK_START_CHOICES } from "@/lib/schemas/formChoices";
import { SelectField, TextField } from "./Field";

type Prefs = { timeZone: string; weekStartsOn: number; currency: string; locale: string };

const SERVER: Prefs = { timeZone: "UTC", weekStartsOn: 1, currency: "USD", locale: "en-US" };
let browser: Prefs | null = null;

function browserPrefs(): Prefs {
  if (!browser) {
    const lang = navigator.language || "en-US";
    const locale =
      LOCALE_CHOICES.find((c) => c.value.toLowerCase() === lang.toLowerCase())?.value ??
      LOCALE_CHOICES.find((c) => c.value.slice(0, 2) === lang.slice(0, 2).toLowerCase())?.value ??
      "en-US";
    browser = { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC", weekStartsOn: weekStartFor(lang), currency: currencyFor(lang), locale };
  }
  return browser;
}

const noSubscription = () => () => {};

export function OrganizationFields({ timeZones, errors }: { timeZones: string[]; errors: Record<string, string[] | undefined> }) {
  // The server renders neutral defaults; the browser's own replace them once it hydrates.
  const prefs = useSyncExternalStore(noSubscription, browserPrefs, () => SERVER);
  const zones = timeZones.includes(prefs.timeZone) ? timeZones : [prefs.timeZone, ...timeZones];
  return (
    <>
      <TextField label="Organization name" name="organizationName" autoComplete="organization" errors={errors.organizationName} required />
      <fieldset key={`${prefs.timeZone}|${prefs.locale}`} className="stack" style={{ display: "grid", gap: "0.9rem" }}>
        <legend>Weeks and money</legend>
        <SelectField label="Time zone" name="timeZone" defaultValue={prefs.timeZone} errors={errors.timeZone} hint="Weeks start and end at midnight here.">
          {zones.map((z) => (
            <option key={z}>{z}</option>
          ))}
        </SelectField>
        <div className="row">
          <SelectField label="Weeks start on" name="weekStartsOn" defaultValue={String(prefs.weekStartsOn)} errors={errors.weekStartsOn}>
            {WEEK_START_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Currency"
            name="currency"
            defaultValue={prefs.currency}
            maxLength={3}
            autoCapitalize="characters"
            errors={errors.currency}
            hint="ISO code, e.g. USD, EUR"
          />
        </div>
        <SelectField label="Number and date format" name="locale" defaultValue={prefs.locale} errors={errors.locale}>
          {LOCALE_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
      </fieldset>
    </>
  );
}

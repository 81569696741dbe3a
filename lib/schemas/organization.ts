// Input of the organization settings form, shared by the browser and the server. FormData values
// are strings: numbers are parsed here. Thresholds are entered as percentages of the weekly
// target (100 = on target) and stored as shares (1.0).
import { z } from "zod";
import { LOCALE_CHOICES, WEEK_START_CHOICES } from "./formChoices";
import { numberFromText } from "./formData";
import { text } from "./text";

// Zod-free, so client forms can import them without zod (./formChoices).
export { LOCALE_CHOICES, WEEK_START_CHOICES };

/** Every IANA time zone this runtime knows, UTC first. */
export function timeZoneChoices(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code);
}

/** A canonical tag the number and date formats know: "owner" is a well-formed tag, but of no language. */
function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag && Intl.NumberFormat.supportedLocalesOf(tag).length === 1 && Intl.DateTimeFormat.supportedLocalesOf(tag).length === 1;
  } catch {
    return false;
  }
}

const percent = (label: string) =>
  z.preprocess(
    numberFromText,
    z
      .number({ error: `Enter the ${label} threshold as a number.` })
      .refine(Number.isFinite, `Enter the ${label} threshold as a number.`)
      .min(0, "Must be zero or more.")
      .max(1000, "Must be at most 1000%."),
  );

export const updateOrganizationSchema = z
  .object({
    name: text({ error: "Give the organization a name." }).trim().min(1, "Give the organization a name.").max(100, "Keep the name under 100 characters."),
    timeZone: text({ error: "Choose a time zone." }).refine(isTimeZone, "Choose a time zone from the list."),
    weekStartsOn: z.preprocess(
      (v) => (typeof v === "string" && v !== "" ? Number(v) : v),
      z.union(WEEK_START_CHOICES.map((c) => z.literal(c.value)), { error: "Choose the first day of the week." }),
    ),
    currency: text({ error: "Choose a currency." })
      .trim()
      .toUpperCase()
      .refine(isCurrency, "Use a three-letter ISO 4217 currency code, such as USD or EUR."),
    locale: text({ error: "Choose a locale." }).refine(isLocale, "Choose a locale from the list."),
    greenPercent: percent("green"),
    amberPercent: percent("amber"),
  })
  .refine((o) => o.amberPercent <= o.greenPercent, {
    message: "Amber must not be above green.",
    path: ["amberPercent"],
    // Compared as soon as both thresholds are numbers, so this shows together with other fields' messages.
    when: (payload) => !payload.issues.some((i) => i.path?.[0] === "greenPercent" || i.path?.[0] === "amberPercent"),
  });

export type UpdateOrganizationInput = z.input<typeof updateOrganizationSchema>;

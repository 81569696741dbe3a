// What a browser's locale suggests for a new organization: the first day of the week and the
// currency of its region. Pure; the sign-up form prefills its fields with these, and people change
// them when they guess wrong (a French team paid in dollars).

/** Regions whose weeks start on Sunday (CLDR firstDay "sun"), among the common ones. */
const SUNDAY = new Set(["US", "CA", "MX", "BR", "JP", "KR", "TW", "HK", "PH", "IL", "IN", "ZA", "AR", "CO", "PE", "VE", "GT", "SG", "TH", "SA", "PK"]);
/** Regions whose weeks start on Saturday. */
const SATURDAY = new Set(["AE", "EG", "QA", "KW", "BH", "OM", "JO", "IQ", "SY", "LY", "DZ", "SD", "IR", "AF"]);

const EURO = ["AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK"];
const CURRENCY: Record<string, string> = {
  ...Object.fromEntries(EURO.map((r) => [r, "EUR"])),
  US: "USD", GB: "GBP", CA: "CAD", AU: "AUD", NZ: "NZD", IN: "INR", JP: "JPY", CN: "CNY", KR: "KRW", BR: "BRL",
  MX: "MXN", CH: "CHF", SE: "SEK", NO: "NOK", DK: "DKK", PL: "PLN", CZ: "CZK", HU: "HUF", RO: "RON", ZA: "ZAR",
  SG: "SGD", HK: "HKD", IL: "ILS", AE: "AED", SA: "SAR", TR: "TRY", AR: "ARS", CO: "COP", CL: "CLP", PH: "PHP",
};

/** The region of a BCP 47 tag ("en-GB" → "GB"), or null. */
export function regionOf(tag: string): string | null {
  try {
    return new Intl.Locale(tag).maximize().region ?? null;
  } catch {
    return null;
  }
}

/** 1 = Monday, 0 = Sunday, 6 = Saturday (the choices the settings offer). */
export function weekStartFor(tag: string): 0 | 1 | 6 {
  const region = regionOf(tag);
  if (region && SUNDAY.has(region)) return 0;
  if (region && SATURDAY.has(region)) return 6;
  return 1;
}

/** The currency of the locale's region; USD when unknown. */
export function currencyFor(tag: string): string {
  const region = regionOf(tag);
  return (region && CURRENCY[region]) || "USD";
}

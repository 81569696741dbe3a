// Number formatting shared by the program page's server components (the org's locale and currency).
export type Fmt = { money(v: number): string; num(v: number, digits?: number): string; pct(v: number | null): string };

export function formatterOf(locale: string, currency: string): Fmt {
  const m = new Intl.NumberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 });
  return {
    money: (v) => m.format(v),
    num: (v, digits = 2) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(v),
    pct: (v) => (v == null ? "—" : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v)}%`),
  };
}

// Numbers and money inside the formula strings every ROI figure carries, in the organization's
// locale and currency.

// Building an Intl.NumberFormat costs far more than formatting, and the projection formats often.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}
export const numberText = (locale: string, v: number, digits = 2) => formatter(`n|${locale}|${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(v);
export const moneyText = (locale: string, currency: string, v: number) =>
  formatter(`c|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(v);

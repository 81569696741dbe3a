import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DASH,
  dayWithYear,
  formatDay,
  formatFixed,
  formatLocalePercent,
  formatMeasure,
  formatMoney,
  formatNumber,
  formatPercent,
  formatRatio,
  formatShare,
  formatSignificant,
  formatWeek,
  instantDay,
  instantDayWithYear,
  instantLabel,
  mediumDateTime,
  mediumDay,
  monthWithYear,
  numberFormat,
  numberFormats,
  shortDay,
  weeksRangeLabel,
  weekOf,
  duringWeek,
} from "./format";

const NBSP = "\u00a0";

describe("numbers in the organization's locale", () => {
  it("writes numbers with at most the decimals asked for", () => {
    expect(formatNumber(1234.5678, "en-US")).toBe("1,234.568");
    expect(formatNumber(1234.5678, "en-GB", 1)).toBe("1,234.6");
    expect(formatNumber(1234.5, "de-DE", 2)).toBe("1.234,5");
    expect(formatNumber(2, "en-US", 2)).toBe("2");
    expect(formatFixed(0.5, "en-US", 3)).toBe("0.500");
    expect(formatSignificant(0.012345, "en-US", 3)).toBe("0.0123");
  });

  it("writes money in whole units, fixed decimals or the currency's own minor units", () => {
    expect(formatMoney(1234.5, "en-GB", "GBP")).toBe("£1,235");
    expect(formatMoney(1234.5, "en-GB", "GBP", 2)).toBe("£1,234.50");
    expect(formatMoney(1234.5, "en-US", "USD", "minor")).toBe("$1,234.50");
    expect(formatMoney(1234.5, "ja-JP", "JPY", "minor")).toBe("￥1,235");
    expect(formatMoney(1234.5, "ja-JP", "JPY", 2)).toBe("￥1,234.50");
    expect(formatMoney(-1234.5, "de-DE", "EUR")).toBe(`-1.235${NBSP}€`);
  });

  it("writes percentages, shares and ratios", () => {
    expect(formatPercent(84.55, "en-US")).toBe("84.6%");
    expect(formatPercent(84.5, "de-DE")).toBe("84,5%");
    expect(formatLocalePercent(84.5, "en-US")).toBe("84.5%");
    expect(formatLocalePercent(84.5, "de-DE")).toBe(`84,5${NBSP}%`);
    expect(formatShare(2 / 3, "en-US")).toBe("67%");
    expect(formatShare(0.845, "en-US", 1)).toBe("84.5%");
    expect(formatRatio(2.345, "en-US")).toBe("2.35 : 1");
  });

  it("writes a measure's value with its unit", () => {
    expect(formatMeasure(18.25, "hours", "en-GB")).toBe("18.3 hours");
    expect(formatMeasure(84.5, "%", "en-US")).toBe("84.5%");
    expect(formatMeasure(22, "", "en-US")).toBe("22");
  });

  it("prints a dash for a missing value", () => {
    for (const text of [
      formatNumber(null, "en-US"),
      formatFixed(undefined, "en-US", 2),
      formatSignificant(null, "en-US", 3),
      formatMoney(null, "en-US", "USD"),
      formatPercent(undefined, "en-US"),
      formatLocalePercent(null, "en-US"),
      formatShare(null, "en-US"),
      formatRatio(null, "en-US"),
      formatMeasure(null, "h", "en-US"),
    ])
      expect(text).toBe(DASH);
  });

  it("prints what Intl prints, with the same options, for any value", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom("en-US", "en-GB", "de-DE", "fr-FR", "en-IN", "ja-JP"),
        fc.integer({ min: 0, max: 3 }),
        (v, locale, digits) => {
          expect(formatNumber(v, locale, digits)).toBe(v.toLocaleString(locale, { maximumFractionDigits: digits }));
          expect(formatMoney(v, locale, "EUR")).toBe(v.toLocaleString(locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }));
          expect(formatMoney(v, locale, "EUR", "minor")).toBe(new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(v));
        },
      ),
    );
  });

  it("builds each formatter once", () => {
    expect(numberFormat("en-GB", { maximumFractionDigits: 1 })).toBe(numberFormat("en-GB", { maximumFractionDigits: 1 }));
    expect(numberFormat("en-GB", { maximumFractionDigits: 1 })).not.toBe(numberFormat("en-US", { maximumFractionDigits: 1 }));
  });

  it("binds the formats of one organization", () => {
    const f = numberFormats("en-GB", "GBP");
    expect([f.money(1500), f.money(1500, 2), f.number(1.2345, 2), f.percent(12.34), f.share(0.5), f.ratio(3), f.measure(2, "h")]).toEqual([
      "£1,500",
      "£1,500.00",
      "1.23",
      "12.3%",
      "50%",
      "3 : 1",
      "2 h",
    ]);
  });
});

describe("dates in the organization's locale", () => {
  it("labels days, months and ranges of weeks", () => {
    expect(shortDay("2026-11-16", "en-GB")).toBe("16 Nov");
    expect(shortDay("2026-11-16", "en-US")).toBe("Nov 16");
    expect(dayWithYear("2026-11-16", "en-GB")).toBe("16 Nov 2026");
    expect(monthWithYear("2026-11", "en-US")).toBe("Nov 2026");
    expect(weeksRangeLabel("2026-08-24", "2026-11-16", "en-GB")).toBe("24 Aug 2026 – 22 Nov 2026");
    expect(mediumDay("2026-11-16", "en-US")).toBe("Nov 16, 2026");
    expect(formatDay("2026-11-16", "en-GB")).toBe("Mon 16 Nov");
    expect(formatWeek({ start: "2026-12-28", end: "2027-01-03" }, "en-GB")).toBe("28 Dec – 3 Jan 2027");
    expect(formatWeek({ start: "2026-11-16", end: "2026-11-22" }, "en-US")).toBe("Nov 16 – Nov 22 2026");
  });

  it("writes a month in words, never as an ISO month, in the organization's language", () => {
    expect(monthWithYear("2026-08", "en-GB")).toBe("Aug 2026");
    expect(monthWithYear("2027-01", "fr-FR")).toBe("janv. 2027");
    const f = numberFormats("de-DE", "EUR");
    expect([f.day("2026-11-16"), f.month("2026-08")]).toEqual(["16. Nov. 2026", "Aug. 2026"]);
  });

  it("writes every day the same way, whatever the year or time zone", () => {
    // A day of a week and a day of a month read alike ("Wed 18 Nov"), and so does the day an
    // instant fell on in the organization's time zone, even where UTC is already the next day.
    expect(formatDay("2026-11-18", "en-GB")).toBe("Wed 18 Nov");
    expect(instantDay("2026-11-18T10:00:00Z", "en-GB", "Europe/London")).toBe("Wed 18 Nov");
    expect(instantDay("2026-11-19T02:00:00Z", "en-US", "America/Los_Angeles")).toBe(formatDay("2026-11-18", "en-US"));
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }), fc.constantFrom("en-GB", "en-US", "de-DE", "ja-JP"), (d, locale) => {
        const day = d.toISOString().slice(0, 10);
        expect(instantDay(`${day}T12:00:00Z`, locale, "UTC")).toBe(formatDay(day, locale));
      }),
    );
  });

  it("names the week a page shows: this week, or the week of its first day", () => {
    expect(duringWeek("2026-11-16", true, "en-GB")).toBe("this week");
    expect(duringWeek("2026-11-09", false, "en-GB")).toBe("in the week of 9 Nov");
    expect(duringWeek("2026-11-09", false, "en-US")).toBe("in the week of Nov 9");
    expect(weekOf("2026-11-09", "en-GB")).toBe("Week of 9 Nov");
  });

  it("writes the day of an instant with its year when asked, in the organization's time zone", () => {
    expect(instantDayWithYear("2026-11-18T10:00:00Z", "en-GB", "Europe/London")).toBe("18 Nov 2026");
    // Half past eleven UTC on New Year's Eve is already the new year in Berlin.
    expect(instantDayWithYear("2026-12-31T23:30:00Z", "en-GB", "Europe/Berlin")).toBe("1 Jan 2027");
    expect(instantDayWithYear("2026-12-31T23:30:00Z", "en-US", "UTC")).toBe(dayWithYear("2026-12-31", "en-US"));
  });

  it("shows an instant in the organization's time zone", () => {
    const at = "2026-11-14T23:30:00Z";
    expect(instantLabel(at, "en-GB", "Europe/Berlin")).toBe("15 Nov 2026, 00:30");
    // The space before PM is a plain or a narrow no-break space, by ICU version.
    expect(mediumDateTime(new Date(at), "en-US", "America/New_York")).toMatch(/^Nov 14, 2026, 6:30\s?PM$/);
  });
});

import { describe, expect, it } from "vitest";
import { currencyFor, regionOf, weekStartFor } from "./localeDefaults";

describe("what a browser's locale suggests for a new organization", () => {
  it("starts weeks on Sunday in the US, Saturday in the Gulf, Monday in most of Europe", () => {
    expect(weekStartFor("en-US")).toBe(0);
    expect(weekStartFor("ar-AE")).toBe(6);
    expect(weekStartFor("de-DE")).toBe(1);
    expect(weekStartFor("fr")).toBe(1); // French → France
  });

  it("takes the currency of the locale's region, dollars when unknown", () => {
    expect(currencyFor("en-GB")).toBe("GBP");
    expect(currencyFor("es-ES")).toBe("EUR");
    expect(currencyFor("ja")).toBe("JPY"); // Japanese → Japan
    expect(currencyFor("not a locale")).toBe("USD");
    expect(regionOf("not a locale")).toBeNull();
  });
});

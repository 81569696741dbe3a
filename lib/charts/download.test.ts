import { describe, expect, it } from "vitest";
import { fileSlug, toCsv } from "./download";

describe("chart downloads", () => {
  it("writes the table as CSV with quoting and formula-safe text", () => {
    expect(toCsv(["week", "Tier 1, day", "note"], [["2026-11-16", 12.5, '=SUM(A1) "x"'], ["2026-11-23", null, "-3"]])).toBe(
      'week,"Tier 1, day",note\r\n2026-11-16,12.5,"\'=SUM(A1) ""x"""\r\n2026-11-23,,\'-3\r\n',
    );
  });

  it("names files after the chart", () => {
    expect(fileSlug("Customer satisfaction (CSAT): weekly means")).toBe("customer-satisfaction-csat-weekly-means");
  });
});

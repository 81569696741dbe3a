import { describe, expect, it } from "vitest";
import { attainmentChart, costChart } from "@/tests/fixtures/reportDocument";
import { renderChartPng } from "./chartImage";

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("chart image", () => {
  it("is a PNG at twice the CSS size, without an alpha channel", () => {
    const png = renderChartPng(costChart());
    expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    // IHDR: width, height, bit depth 8, colour type 2 (RGB).
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([1800, 840, 8, 2]);
  });

  it("draws the same chart to the same bytes", () => {
    expect(renderChartPng(attainmentChart()).equals(renderChartPng(attainmentChart()))).toBe(true);
  });

  it("draws different data differently", () => {
    expect(renderChartPng(attainmentChart("a", 0)).equals(renderChartPng(attainmentChart("a", 5)))).toBe(false);
  });

  it("takes another size", () => {
    const png = renderChartPng(costChart(), { width: 400, height: 200 });
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([800, 400]);
  });
});

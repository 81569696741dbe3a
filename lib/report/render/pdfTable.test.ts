import { describe, expect, it } from "vitest";
import { fitColumns } from "./pdfTable";

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("table column widths", () => {
  it("gives short columns their whole line and lets the long one wrap", () => {
    // Team, two numbers and a long note in 495 points.
    const widths = fitColumns(
      [
        { min: 30, max: 50 },
        { min: 40, max: 55 },
        { min: 40, max: 55 },
        { min: 60, max: 700 },
      ],
      495,
    );
    expect(widths.slice(0, 3)).toEqual([50, 55, 55]);
    expect(widths[3]).toBeCloseTo(335);
  });

  it("shares spare width in proportion to the content when everything fits", () => {
    expect(fitColumns([{ min: 10, max: 100 }, { min: 10, max: 300 }], 800)).toEqual([200, 600]);
  });

  it("squeezes the longest words only when even they do not fit", () => {
    const widths = fitColumns([{ min: 300, max: 400 }, { min: 300, max: 300 }], 400);
    expect(widths).toEqual([200, 200]);
  });

  it("always fills the width exactly", () => {
    for (const total of [100, 333, 495, 1000]) {
      expect(sum(fitColumns([{ min: 20, max: 80 }, { min: 5, max: 15 }, { min: 50, max: 400 }], total))).toBeCloseTo(total);
    }
  });
});

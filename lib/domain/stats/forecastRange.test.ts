import { describe, expect, it } from "vitest";
import { LAG_TEMPLATES } from "@/lib/domain/templates";
import { measureRange, scaleFor, scalesFor, UNBOUNDED } from "./forecastRange";

describe("where a lag measure's values can lie", () => {
  const of = (name: string) => measureRange(LAG_TEMPLATES.find((t) => t.name === name)!);

  it("keeps percentages within 0–100 and NPS within −100…100", () => {
    expect(of("Customer satisfaction (CSAT)")).toEqual({ low: 0, high: 100 });
    expect(of("Customer churn")).toEqual({ low: 0, high: 100 });
    expect(of("Net Promoter Score (NPS)")).toEqual({ low: -100, high: 100 });
    // The demo's NPS has no unit: its name says what it is.
    expect(measureRange({ kind: "SCORE", unit: "", name: "NPS" })).toEqual({ low: -100, high: 100 });
    expect(measureRange({ kind: "SCORE", unit: "%", name: "Share of 5-star reviews" })).toEqual({ low: 0, high: 100 });
  });

  it("keeps times, counts and money from going below zero", () => {
    expect(of("Average resolution time")).toEqual({ low: 0, high: null });
    expect(of("Revenue")).toEqual({ low: 0, high: null });
    expect(measureRange({ kind: "COUNT", unit: "complaints", name: "Complaints" })).toEqual({ low: 0, high: null });
  });

  it("leaves scores of unstated scale unbounded", () => {
    expect(of("Customer effort score")).toEqual(UNBOUNDED);
    expect(of("Employee engagement")).toEqual(UNBOUNDED);
  });
});

describe("the modelling scale", () => {
  it("maps a percentage onto the logit scale and back, even a week at exactly 100%", () => {
    const s = scaleFor({ low: 0, high: 100 }, [92, 97, 100]);
    expect(s.name).toBe("logit");
    for (const v of [0, 3.5, 50, 92, 100]) expect(s.from(s.to(v))).toBeCloseTo(v, 9);
    expect(Number.isFinite(s.to(100))).toBe(true);
    expect(s.from(1e6)).toBe(100);
    expect(s.from(-1e6)).toBe(0);
  });

  it("maps a non-negative measure onto the log scale and back, never below zero", () => {
    const s = scaleFor({ low: 0, high: null }, [0, 18, 22, 26]);
    expect(s.name).toBe("log");
    for (const v of [0, 0.5, 20, 1000]) expect(s.from(s.to(v))).toBeCloseTo(v, 9);
    expect(s.from(-1e6)).toBe(0);
  });

  it("lets a non-negative measure also be modelled as it is, cut at zero; a percentage on the logit scale only", () => {
    const [log, asIs] = scalesFor({ low: 0, high: null }, [18, 22, 26]);
    expect([log!.name, asIs!.name]).toEqual(["log", "linear"]);
    expect(asIs!.from(-3)).toBe(0);
    expect(asIs!.from(17.25)).toBe(17.25);
    expect(scalesFor({ low: 0, high: 100 }, [92, 97]).map((s) => s.name)).toEqual(["logit"]);
    expect(scalesFor(UNBOUNDED, [1, 2]).map((s) => s.name)).toEqual(["linear"]);
  });

  it("models a measure as it is when its own values contradict the stated range", () => {
    // A "percentage" recorded as 120 (say, of target) is not a share of 0–100.
    expect(scaleFor({ low: 0, high: 100 }, [80, 120]).name).toBe("linear");
    expect(scaleFor({ low: 0, high: null }, [5, -2]).name).toBe("linear");
    expect(scaleFor(UNBOUNDED, [1, 2]).name).toBe("linear");
  });
});

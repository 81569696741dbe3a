// POST /api/v1/roi/evaluate as an integration calls it, on each database: the source articles'
// worked examples come back with BCR and ROI labelled apart; every bad input is a 400 in the
// one error shape naming the field; no token or session is a 401; any valid token or member
// may call it (it reads and stores nothing).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => (await import("@/tests/helpers/sessionMock")).serverSessionOf(session.userId),
}));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

import * as evaluateRoute from "@/app/api/v1/roi/evaluate/route";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { apiOrg, call, isErrorShape, serveFrom, type ApiOrg } from "./apiFixtures";

describe.each(testDbKinds())("the ROI calculator API [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    a = await apiOrg(t.db);
  });
  beforeEach(() => {
    session.userId = null;
  });
  afterAll(async () => {
    await t?.close();
  });

  const evaluate = (body: unknown, token: string | null = a.token) =>
    call(evaluateRoute.POST, { path: "/api/v1/roi/evaluate", body, token: token ?? undefined });
  const raw = (text: string) => call(evaluateRoute.POST, { path: "/api/v1/roi/evaluate", raw: text, token: a.token });

  it("answers $400k of benefits on $100k of costs with BCR 4.0 and ROI 300%, paid back in 3 months", async () => {
    const res = await evaluate({
      currency: "USD",
      costs: [{ category: "customer service", amount: 100_000 }],
      benefits: [
        { name: "Upsells and cross-sells", value: 250_000 },
        { name: "Recovered carts", value: 50_000 },
        { name: "Customer lifetime value", value: 100_000 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      currency: "USD",
      months: 12,
      benefits: 400_000,
      costs: 100_000,
      netBenefit: 300_000,
      bcr: 4,
      roiPercent: 300,
      paybackMonths: 3,
      lines: [
        { name: "Upsells and cross-sells", value: 250_000, attributed: 250_000 },
        { name: "Recovered carts", value: 50_000, attributed: 50_000 },
        { name: "Customer lifetime value", value: 100_000, attributed: 100_000 },
      ],
    });
  });

  it("loads both cost lines: ($30k − $11k) / $11k is ROI 172.7% and BCR 2.73", async () => {
    const res = await evaluate({
      currency: "EUR",
      costs: [
        { category: "delivery", amount: 8_000 },
        { category: "technology", amount: 3_000 },
      ],
      benefits: [{ name: "Sales increase", value: 30_000 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.costs).toBe(11_000);
    expect(res.body.roiPercent).toBeCloseTo(172.727, 3);
    expect(res.body.bcr).toBeCloseTo(2.727, 3);
  });

  it("attributes value × margin × isolation × confidence × (1 + adjustment), over the months given", async () => {
    // 120,000 × 0.4 × 0.5 × 0.8 × (1 − 0.097) = 17,337.6 over 6 months → 2,889.6 a month;
    // $10,000 of costs are paid back after 10,000 / 2,889.6 = 3.46 months.
    const res = await evaluate({
      currency: "USD",
      months: 6,
      costs: [{ category: "design", amount: 10_000 }],
      benefits: [{ name: "Retention", value: 120_000, margin: 0.4, isolation: 0.5, confidence: 0.8, adjustment: -0.097 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.lines[0].attributed).toBeCloseTo(17_337.6, 6);
    expect(res.body.benefits).toBeCloseTo(17_337.6, 6);
    expect(res.body.netBenefit).toBeCloseTo(7_337.6, 6);
    expect(res.body.paybackMonths).toBeCloseTo(3.4607, 3);
  });

  it("answers a null payback when there is no benefit", async () => {
    const res = await evaluate({ currency: "USD", costs: [{ category: "x", amount: 500 }], benefits: [] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ benefits: 0, costs: 500, netBenefit: -500, bcr: 0, roiPercent: -100, paybackMonths: null, lines: [] });
  });

  it("answers a null payback when the benefits do not overtake the costs within the months given: not yet paid back at this rate", async () => {
    // $52.7k over 3 months against $100k would take 5.7 months at this rate: beyond the window, so no payback is stated.
    const res = await evaluate({ currency: "GBP", months: 3, costs: [{ category: "delivery", amount: 100_000 }], benefits: [{ name: "Retention", value: 52_700 }] });
    expect(res.status).toBe(200);
    expect(res.body.roiPercent).toBeCloseTo(-47.3, 6);
    expect(res.body.paybackMonths).toBeNull();
    // Paid back within the window: the month it happens at this rate.
    const paid = await evaluate({ currency: "GBP", months: 3, costs: [{ category: "delivery", amount: 100_000 }], benefits: [{ name: "Retention", value: 150_000 }] });
    expect(paid.body.paybackMonths).toBeCloseTo(2, 10);
  });

  it("answers 400 in the error shape, naming the field, for every bad input", async () => {
    const ok = { currency: "USD", costs: [{ category: "x", amount: 100 }], benefits: [{ name: "y", value: 150 }] };
    const cases: [unknown, string][] = [
      [{ ...ok, costs: [{ category: "x", amount: -1 }] }, "costs.0.amount"],
      [{ ...ok, costs: [] }, "costs"],
      [{ ...ok, costs: [{ category: "x", amount: 0 }] }, "costs"],
      [{ currency: "USD", benefits: [] }, "costs"],
      [{ ...ok, benefits: [{ name: "y", value: 150, isolation: 1.2 }] }, "benefits.0.isolation"],
      [{ ...ok, benefits: [{ name: "y", value: 150, margin: -0.1 }] }, "benefits.0.margin"],
      [{ ...ok, benefits: [{ name: "y", value: 150, confidence: 2 }] }, "benefits.0.confidence"],
      [{ ...ok, benefits: [{ name: "y", value: "NaN" }] }, "benefits.0.value"],
      // JSON has no NaN: JSON.stringify writes null, which is not a number either.
      [{ ...ok, benefits: [{ name: "y", value: NaN }] }, "benefits.0.value"],
      [{ ...ok, costs: [{ category: "x", amount: "100" }] }, "costs.0.amount"],
      [{ ...ok, months: 0 }, "months"],
      [{ ...ok, months: 121 }, "months"],
      [{ ...ok, months: 1.5 }, "months"],
      [{ ...ok, currency: "dollars" }, "currency"],
      [{ ...ok, currency: undefined }, "currency"],
      [{ ...ok, costs: [{ category: "", amount: 100 }] }, "costs.0.category"],
      [{ ...ok, colour: "red" }, "_form"],
    ];
    for (const [body, field] of cases) {
      const res = await evaluate(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(isErrorShape(res.body)).toBe(true);
      expect(res.body.error.code).toBe("validation_failed");
      expect(Object.keys(res.body.error.details.fieldErrors), JSON.stringify(body)).toContain(field);
    }
    expect((await raw("{not json")).status).toBe(400);
    expect((await raw("1e999")).status).toBe(400);
    expect((await raw('{"currency":"USD","costs":[{"category":"x","amount":1e999}],"benefits":[]}')).status).toBe(400);
  });

  it("answers 401 without a token or session, and for an unknown token", async () => {
    const body = { currency: "USD", costs: [{ category: "x", amount: 100 }], benefits: [] };
    for (const res of [await evaluate(body, null), await evaluate(body, "llk_nope_nope")]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    }
  });

  it("serves any valid token, whatever its scopes, and a signed-in member", async () => {
    const body = { currency: "USD", costs: [{ category: "x", amount: 100 }], benefits: [{ name: "y", value: 150 }] };
    const narrow = await a.tokenWith(["teams:read"]);
    expect((await evaluate(body, narrow)).body.roiPercent).toBeCloseTo(50, 12);
    session.userId = a.member.id;
    const res = await evaluate(body, null);
    expect(res.status).toBe(200);
    expect(res.body.bcr).toBeCloseTo(1.5, 12);
  });
});

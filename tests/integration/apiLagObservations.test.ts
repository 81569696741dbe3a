// REST API v1 lag observations: a helpdesk pushing CSAT, a BI job pushing resolution times. One
// result per measure, team and date (recording it again replaces it); batches all or nothing;
// other organizations' measures and teams unreachable.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
});

import * as batch from "@/app/api/v1/lag-observations/batch/route";
import * as single from "@/app/api/v1/lag-observations/route";
import { createLagMeasure } from "@/lib/seed/factories";
import { testDbKinds, type TestDb } from "../helpers/db";
import { call, daysAgo, isErrorShape, type ApiOrg, twoApiOrgs } from "./apiFixtures";

describe.each(testDbKinds())("REST API v1: lag observations [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;
  let csatA: string;
  let teamMeasureA: string;
  let csatB: string;

  beforeAll(async () => {
    ({ t, a, b } = await twoApiOrgs(kind));
    csatA = (await createLagMeasure(t.db, a.organizationId, { name: "CSAT" })).id;
    teamMeasureA = (await createLagMeasure(t.db, a.organizationId, { name: "Resolution hours", teamId: a.teamId, direction: "LOWER_IS_BETTER" })).id;
    csatB = (await createLagMeasure(t.db, b.organizationId, { name: "CSAT" })).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const rowsOf = (organizationId: string) =>
    t.db.lagObservation.findMany({ where: { organizationId }, select: { lagMeasureId: true, teamId: true, value: true }, orderBy: { value: "asc" } });
  const post = (body: unknown, token = a.token) => call(single.POST, { path: "/api/v1/lag-observations", token, body });
  const postBatch = (body: unknown, token = a.token) => call(batch.POST, { path: "/api/v1/lag-observations/batch", token, body });

  it("records a result, and recording the same measure, team and date again replaces it", async () => {
    const first = await post({ lagMeasureId: csatA, date: daysAgo(3), value: 81.5, note: "from Zendesk" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ replaced: false, data: { lagMeasureId: csatA, teamId: null, date: daysAgo(3), value: 81.5 } });
    const again = await post({ lagMeasureId: csatA, teamId: null, date: daysAgo(3), value: 82 });
    expect(again.status).toBe(200);
    expect(again.body.replaced).toBe(true);
    expect(await rowsOf(a.organizationId)).toEqual([{ lagMeasureId: csatA, teamId: null, value: 82 }]);
  });

  it("records a team's own measure for that team even when no team is named", async () => {
    const res = await post({ lagMeasureId: teamMeasureA, date: daysAgo(3), value: 14 });
    expect(res.status).toBe(201);
    expect(res.body.data.teamId).toBe(a.teamId);
  });

  type Bad = [string, () => unknown, number];
  const bad: Bad[] = [
    ["another organization's measure", () => ({ lagMeasureId: csatB, date: daysAgo(1), value: 80 }), 404],
    ["another organization's team", () => ({ lagMeasureId: csatA, teamId: b.teamId, date: daysAgo(1), value: 80 }), 404],
    ["a value sent as text", () => ({ lagMeasureId: csatA, date: daysAgo(1), value: "80" }), 400],
    ["a missing date", () => ({ lagMeasureId: csatA, value: 80 }), 400],
    ["a future date", () => ({ lagMeasureId: csatA, date: daysAgo(-5), value: 80 }), 400],
    ["a date in another format", () => ({ lagMeasureId: csatA, date: "03/04/2026", value: 80 }), 400],
    ["an unknown key", () => ({ lagMeasureId: csatA, date: daysAgo(1), value: 80, observedOn: daysAgo(1) }), 400],
  ];
  it.each(bad)("refuses %s and writes nothing", async (_, body, status) => {
    const before = await rowsOf(a.organizationId);
    const beforeB = await rowsOf(b.organizationId);
    const res = await post(body());
    expect(res.status).toBe(status);
    expect(isErrorShape(res.body)).toBe(true);
    expect(await rowsOf(a.organizationId)).toEqual(before);
    expect(await rowsOf(b.organizationId)).toEqual(beforeB);
  });

  it("names the API's fields in messages", async () => {
    const res = await post({ lagMeasureId: csatA, date: daysAgo(-5), value: 80 });
    expect(res.body.error.details.fieldErrors).toEqual({ date: ["Can't be in the future."] });
  });

  it("records a batch all or nothing, listing every problem by index", async () => {
    const before = await rowsOf(a.organizationId);
    const res = await postBatch({
      observations: [
        { lagMeasureId: csatA, date: daysAgo(10), value: 79 },
        { lagMeasureId: csatB, date: daysAgo(10), value: 79 },
        { lagMeasureId: csatA, date: daysAgo(-1), value: 79 },
        { lagMeasureId: csatA, date: daysAgo(11), value: null },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems.map((p: { index: number; field: string }) => [p.index, p.field])).toEqual([
      [1, "lagMeasureId"],
      [2, "date"],
      [3, "value"],
    ]);
    expect(await rowsOf(a.organizationId)).toEqual(before);

    const obs = [
      { lagMeasureId: csatA, date: daysAgo(10), value: 79 },
      { lagMeasureId: csatA, teamId: a.teamId, date: daysAgo(10), value: 77 },
      { lagMeasureId: teamMeasureA, date: daysAgo(10), value: 18 },
    ];
    const ok = await postBatch({ observations: obs });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ received: 3, written: 3, replaced: 0 });
    const again = await postBatch({ observations: obs });
    expect(again.body).toEqual({ received: 3, written: 3, replaced: 3 });
    expect((await rowsOf(a.organizationId)).length).toBe(before.length + 3);
    const sources = await t.db.lagObservation.groupBy({ by: ["source"], where: { organizationId: a.organizationId, observedOn: new Date(`${daysAgo(10)}T00:00:00Z`) }, _count: true });
    expect(sources).toEqual([{ source: "API", _count: 3 }]);
  });

  it("needs the entries:write scope", async () => {
    const token = await a.tokenWith(["entries:read", "measures:read"]);
    const res = await postBatch({ observations: [{ lagMeasureId: csatA, date: daysAgo(10), value: 1 }] }, token);
    expect(res.status).toBe(403);
    expect((await post({ lagMeasureId: csatA, date: daysAgo(10), value: 1 }, token)).status).toBe(403);
  });
});

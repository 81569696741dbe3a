// Who answers for a lag measure: a current member of the organization, set and cleared on the
// measure's form, named on its page, in the API and in the audit trail, and cleared when that
// person is removed from the organization. Another organization's people are refused by field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as measuresRoute from "@/app/api/v1/measures/route";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, createUser } from "@/lib/seed/factories";
import { saveLagMeasure } from "@/lib/services/measures";
import { removeMember } from "@/lib/services/people";
import { auditTrailPage } from "@/lib/views/auditTrail";
import { lagMeasurePage } from "@/lib/views/measureCatalog";
import { appErrorOf } from "../helpers/context";
import { testDbKinds, type TestDb } from "../helpers/db";
import { call, type ApiOrg, twoApiOrgs } from "./apiFixtures";

describe.each(testDbKinds())("the owner of a lag measure [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;

  const csat = (over: Record<string, unknown> = {}) => ({
    name: "CSAT",
    kind: "PERCENTAGE",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    cadence: "MONTHLY",
    baselineValue: "78",
    baselineDate: "2026-08-01",
    targetValue: "88",
    targetDate: "2027-06-30",
    teamId: "",
    ownerId: a.manager.id,
    driverIds: [a.leadMeasureId],
    ...over,
  });
  const pageOf = async (id: string) => (await lagMeasurePage(t.db, a.organizationId, id))!.measure!;
  const latestSentence = async () => (await auditTrailPage(t.db, a.owner, {}, 1)).entries[0]!.sentence;

  beforeAll(async () => {
    ({ t, a, b } = await twoApiOrgs(kind));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is set when the measure is created, shown on its page and in the API, and told in the audit trail", async () => {
    const m = await saveLagMeasure(t.db, a.owner, null, csat());
    expect((await pageOf(m.id)).owner).toEqual({ userId: a.manager.id, name: a.manager.name });
    expect(await latestSentence()).toBe(`Owner created the lag measure CSAT, owned by ${a.manager.name}.`);
    const res = await call(measuresRoute.GET, { path: "/api/v1/measures", token: a.token });
    expect(res.status).toBe(200);
    expect(res.body.lagMeasures.find((x: { id: string }) => x.id === m.id).ownerId).toBe(a.manager.id);
  });

  it("changes hands and is cleared on the form, each change in words", async () => {
    const m = await saveLagMeasure(t.db, a.owner, null, csat({ name: "NPS" }));
    await saveLagMeasure(t.db, a.owner, m.id, csat({ name: "NPS", ownerId: a.member.id }));
    expect((await pageOf(m.id)).owner?.name).toBe(a.member.name);
    expect(await latestSentence()).toBe(`Owner changed the lag measure NPS: owner from ${a.manager.name} to ${a.member.name}.`);
    await saveLagMeasure(t.db, a.owner, m.id, csat({ name: "NPS", ownerId: "" }));
    expect((await pageOf(m.id)).owner).toBeNull();
    expect(await latestSentence()).toBe(`Owner changed the lag measure NPS: owner from ${a.member.name} to nobody.`);
    const res = await call(measuresRoute.GET, { path: "/api/v1/measures", token: a.token });
    expect(res.body.lagMeasures.find((x: { id: string }) => x.id === m.id).ownerId).toBeNull();
  });

  it("refuses another organization's person, or someone removed, by field, and writes nothing", async () => {
    const err = await appErrorOf(saveLagMeasure(t.db, a.owner, null, csat({ name: "Retention", ownerId: b.member.id })));
    expect([err.status, err.code]).toEqual([400, "validation_failed"]); // the one validation answer, as for every field
    expect(err.details?.fieldErrors?.ownerId).toEqual(["Owners must be members of this organization."]);
    // B's manager cannot make A's people own B's measure either: the same answer, nothing about A.
    const errB = await appErrorOf(saveLagMeasure(t.db, b.owner, null, { ...csat({ name: "B's goal" }), ownerId: a.member.id, driverIds: [] }));
    expect(errB.details?.fieldErrors?.ownerId).toEqual(["Owners must be members of this organization."]);
    const junk = await appErrorOf(saveLagMeasure(t.db, a.owner, null, csat({ name: "Retention", ownerId: "someone" })));
    expect(junk.details?.fieldErrors?.ownerId).toEqual(["Choose someone from the list."]);
    const gone = await createUser(t.db, { name: "Gone Already" });
    await addMembership(t.db, a.organizationId, gone.id, Role.MEMBER);
    await removeMember(t.db, a.owner, { userId: gone.id });
    const errGone = await appErrorOf(saveLagMeasure(t.db, a.owner, null, csat({ name: "Retention", ownerId: gone.id })));
    expect(errGone.details?.fieldErrors?.ownerId).toBeDefined();
    expect(await t.db.lagMeasure.count({ where: { name: { in: ["Retention", "B's goal"] } } })).toBe(0);
  });

  it("is cleared when the owner is removed from the organization, and the trail says which goals lost them", async () => {
    const leaver = await createUser(t.db, { name: "Leaving Soon" });
    await addMembership(t.db, a.organizationId, leaver.id, Role.MANAGER);
    const m = await saveLagMeasure(t.db, a.owner, null, csat({ name: "Resolution time", ownerId: leaver.id }));
    const kept = await saveLagMeasure(t.db, a.owner, null, csat({ name: "First reply", ownerId: a.manager.id }));
    await removeMember(t.db, a.owner, { userId: leaver.id });
    expect((await pageOf(m.id)).owner).toBeNull();
    expect((await pageOf(kept.id)).owner?.name).toBe(a.manager.name);
    expect(await latestSentence()).toBe("Owner removed Leaving Soon from the organization, leaving Resolution time with no owner.");
    // The removed person is no longer offered on the form.
    const page = await lagMeasurePage(t.db, a.organizationId, m.id);
    expect(page!.catalog.people.map((p) => p.userId)).not.toContain(leaver.id);
  });
});

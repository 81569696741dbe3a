// The check-in meeting and commitments changed before it, on every database Leadlag runs on:
// the lead starts the meeting (a second start resumes it), moves through the agenda, drafts notes
// and decisions, and ending it records the check-in with its length; commitments are edited and
// deleted (and a deletion undone) until the check-in that reviews them, each change audited; the
// same through the REST API, where another organization's ids are a 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { AppError } from "@/lib/errors";
import { addMembership, createUser } from "@/lib/seed/factories";
import { createCommitments, deleteCommitment, editCommitment, markCheckInHeld, reviewCommitment } from "@/lib/services/checkIns";
import { endMeeting, moveMeetingStep, saveMeetingNotes, startMeeting } from "@/lib/services/checkInMeetings";
import * as checkInsRoute from "@/app/api/v1/teams/[teamId]/check-ins/route";
import * as commitmentsRoute from "@/app/api/v1/teams/[teamId]/commitments/route";
import * as commitmentRoute from "@/app/api/v1/commitments/[commitmentId]/route";
import { testDbKinds, type TestDb } from "../helpers/db";
import { call, daysAgo, isErrorShape, type ApiOrg, twoApiOrgs } from "./apiFixtures";

const NOW = new Date("2026-11-18T09:00:00Z"); // a Wednesday; the week starts Monday 16 Nov
const THIS_WEEK = "2026-11-16";
const LAST_WEEK = "2026-11-09";
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe.each(testDbKinds())("the check-in meeting and changing commitments [%s]", (kind) => {
  let t: TestDb;
  let a: ApiOrg;
  let b: ApiOrg;
  let lead: TenantContext; // manager@A, lead of the team
  let member: TenantContext; // member@A, on the team
  let viewer: TenantContext;
  let stranger: TenantContext; // B's owner

  const audits = (entityId: string) =>
    t.db.auditEvent.findMany({ where: { organizationId: a.organizationId, entityId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, before: true, after: true } });
  const commit = (ctx: TenantContext, userId: string, text: string, weekStart = THIS_WEEK) =>
    createCommitments(t.db, ctx, { teamId: a.teamId, weekStart, items: [{ userId, text }] }, NOW).then((c) => c[0]!);

  beforeAll(async () => {
    ({ t, a, b } = await twoApiOrgs(kind));
    const v = await createUser(t.db, { name: "Vera Viewer" });
    await addMembership(t.db, a.organizationId, v.id, "VIEWER");
    lead = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    member = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    viewer = (await loadTenantContext(t.db, v.id, a.organizationId))!;
    stranger = b.owner;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("runs a meeting from start to end: one clock on the server, the agenda's step, notes and decisions, then held with its length", async () => {
    const key = { teamId: a.teamId, weekStart: THIS_WEEK };
    const started = await startMeeting(t.db, lead, key, NOW);
    expect(started.created).toBe(true);
    expect(started.meeting).toMatchObject({ step: 0, startedAt: NOW, notes: "", decisions: [] });
    // A second start (another screen, a reload) resumes the same meeting and clock.
    const again = await startMeeting(t.db, lead, { ...key, weekStart: "2026-11-19" }, at(3));
    expect(again).toMatchObject({ created: false, meeting: { id: started.meeting.id, startedAt: NOW } });

    const moved = await moveMeetingStep(t.db, lead, { ...key, step: "2" }, at(12));
    expect(moved).toMatchObject({ step: 2, stepStartedAt: at(12) });
    expect((await rejection(moveMeetingStep(t.db, lead, { ...key, step: "4" }, at(12)))).code).toBe("validation_failed");
    await saveMeetingNotes(t.db, lead, { ...key, notes: "Refund queue blocks coaching", decisions: ["Sam pairs with Ana", "  "] }, at(20));
    expect(await t.db.checkInMeeting.findFirst({ where: { organizationId: a.organizationId } })).toMatchObject({ notes: "Refund queue blocks coaching", decisions: ["Sam pairs with Ana"] });

    const held = await endMeeting(t.db, lead, { ...key, decisions: ["Sam pairs with Ana", "Move the huddle to Tuesday"] }, at(24.4));
    expect(held).toMatchObject({ weekStart: THIS_WEEK, durationMinutes: 24, notes: "Refund queue blocks coaching", decisions: ["Sam pairs with Ana", "Move the huddle to Tuesday"] });
    const row = await t.db.checkIn.findFirstOrThrow({ where: { organizationId: a.organizationId, teamId: a.teamId } });
    expect(row).toMatchObject({ startedAt: NOW, heldAt: at(24.4), heldById: a.manager.id, decisions: held.decisions });
    expect(await t.db.checkInMeeting.count({ where: { organizationId: a.organizationId } })).toBe(0);
    expect((await audits(row.id)).map((e) => e.action)).toEqual(["check_in.hold"]);
    expect((await audits(started.meeting.id)).map((e) => e.action)).toEqual(["check_in.meeting.start"]);

    // Held: no second meeting, and ending again finds none.
    expect((await rejection(startMeeting(t.db, lead, key, at(30)))).code).toBe("conflict");
    expect((await rejection(endMeeting(t.db, lead, key, at(30)))).code).toBe("not_found");
  });

  it("lets only the lead or a manager run the meeting; another organization's team is not found", async () => {
    const key = { teamId: a.teamId, weekStart: LAST_WEEK };
    expect((await rejection(startMeeting(t.db, member, key, NOW))).code).toBe("forbidden");
    expect((await rejection(startMeeting(t.db, viewer, key, NOW))).code).toBe("forbidden");
    expect((await rejection(startMeeting(t.db, stranger, key, NOW))).code).toBe("not_found");
    expect((await rejection(startMeeting(t.db, lead, { ...key, weekStart: "2026-11-23" }, NOW))).code).toBe("validation_failed");
    expect(await t.db.checkInMeeting.count()).toBe(0);
  });

  it("edits and deletes commitments before the meeting that reviews them, audited, and undoes a deletion", async () => {
    const mine = await commit(member, a.member.id, "Call two clients");
    const edited = await editCommitment(t.db, member, { commitmentId: mine.id, text: "Call three clients", leadMeasureId: a.leadMeasureId }, NOW);
    expect(edited).toMatchObject({ text: "Call three clients", leadMeasureId: a.leadMeasureId });
    // The lead changes anyone's; the member nobody else's; a viewer nothing; another organization sees no such commitment.
    await editCommitment(t.db, lead, { commitmentId: mine.id, text: "Call four clients", leadMeasureId: "" }, NOW);
    const leads = await commit(lead, a.manager.id, "Coach Sam");
    expect((await rejection(editCommitment(t.db, member, { commitmentId: leads.id, text: "Hijacked" }, NOW))).code).toBe("forbidden");
    expect((await rejection(deleteCommitment(t.db, member, { commitmentId: leads.id }, NOW))).code).toBe("forbidden");
    expect((await rejection(editCommitment(t.db, viewer, { commitmentId: mine.id, text: "Hijacked" }, NOW))).code).toBe("forbidden");
    expect((await rejection(deleteCommitment(t.db, stranger, { commitmentId: mine.id }, NOW))).code).toBe("not_found");
    expect((await rejection(editCommitment(t.db, lead, { commitmentId: mine.id, text: "" }, NOW))).details?.fieldErrors).toHaveProperty("text");
    expect((await rejection(editCommitment(t.db, lead, { commitmentId: mine.id, text: "x", leadMeasureId: b.leadMeasureId }, NOW))).details?.fieldErrors).toHaveProperty("leadMeasureId");

    const history = await audits(mine.id);
    expect(history.map((e) => e.action)).toEqual(["commitment.create", "commitment.edit", "commitment.edit"]);
    expect(history[1]).toMatchObject({ actorId: a.member.id, before: { text: "Call two clients" }, after: { text: "Call three clients" } });
    expect(history[2]).toMatchObject({ actorId: a.manager.id, after: { text: "Call four clients", leadMeasureId: null } });

    const deleted = await deleteCommitment(t.db, lead, { commitmentId: leads.id }, NOW);
    expect(await t.db.commitment.findFirst({ where: { organizationId: a.organizationId, id: leads.id } })).toBeNull();
    expect((await audits(leads.id)).map((e) => e.action)).toEqual(["commitment.create", "commitment.delete"]);
    // Undo: the same person, week and words again, as a new commitment.
    const restored = await commit(lead, deleted.userId, deleted.text, deleted.weekStart);
    expect(restored).toMatchObject({ userId: a.manager.id, text: "Coach Sam", weekStart: THIS_WEEK, status: "OPEN" });
  });

  it("refuses to change a commitment once reviewed, or once the check-in that reviews it is held", async () => {
    const reviewed = await commit(lead, a.member.id, "Share a story", LAST_WEEK);
    const open = await commit(lead, a.manager.id, "Shadow a call", LAST_WEEK);
    await reviewCommitment(t.db, lead, { commitmentId: reviewed.id, status: "DONE" }, NOW);
    expect((await rejection(editCommitment(t.db, lead, { commitmentId: reviewed.id, text: "Rewritten" }, NOW))).code).toBe("conflict");
    // The check-in of THIS_WEEK (held in the first test) reviews LAST_WEEK's commitments.
    expect((await rejection(deleteCommitment(t.db, lead, { commitmentId: open.id }, NOW))).code).toBe("conflict");
    await markCheckInHeld(t.db, lead, { teamId: a.teamId, weekStart: THIS_WEEK }, NOW);
    expect(await t.db.commitment.count({ where: { organizationId: a.organizationId, weekStart: new Date(`${LAST_WEEK}T00:00:00Z`) } })).toBe(2);
  });

  describe("through the REST API", () => {
    const today = () => daysAgo(0);

    it("lists held check-ins with notes, decisions and commitments, a page at a time", async () => {
      const params = { teamId: a.teamId };
      const first = await call(checkInsRoute.GET, { path: `/api/v1/teams/${a.teamId}/check-ins?limit=1`, token: a.token, params });
      expect(first.status).toBe(200);
      expect(first.body.data).toHaveLength(1);
      expect(first.body.data[0]).toMatchObject({ weekStart: THIS_WEEK, durationMinutes: 24, decisions: ["Sam pairs with Ana", "Move the huddle to Tuesday"], heldBy: { userId: a.manager.id } });
      expect(first.body.data[0].made.map((c: { text: string }) => c.text)).toEqual(expect.arrayContaining(["Call four clients", "Coach Sam"]));
      expect(first.body.data[0].reviewed.map((c: { status: string }) => c.status).sort()).toEqual(["DONE", "OPEN"]);
      expect(first.body.nextCursor).toBeNull();
      const bad = await call(checkInsRoute.GET, { path: `/api/v1/teams/${a.teamId}/check-ins?limit=0`, token: a.token, params });
      expect(bad.status).toBe(400);
    });

    it("makes, lists, edits and deletes commitments; other organizations' ids are not found", async () => {
      const params = { teamId: a.teamId };
      const made = await call(commitmentsRoute.POST, {
        path: `/api/v1/teams/${a.teamId}/commitments`,
        token: a.token,
        params,
        body: { weekStart: today(), items: [{ userId: a.member.id, text: "Answer every refund ticket within a day", leadMeasureId: null }] },
      });
      expect(made.status).toBe(201);
      const id = made.body.data[0].id as string;
      const listed = await call(commitmentsRoute.GET, { path: `/api/v1/teams/${a.teamId}/commitments`, token: a.token, params });
      expect(listed.status).toBe(200);
      expect(listed.body.data.map((c: { id: string }) => c.id)).toContain(id);

      const patched = await call(commitmentRoute.PATCH, { method: "PATCH", path: `/api/v1/commitments/${id}`, token: a.token, params: { commitmentId: id }, body: { text: "Answer within half a day", leadMeasureId: a.leadMeasureId } });
      expect(patched.status).toBe(200);
      expect(patched.body.data).toMatchObject({ text: "Answer within half a day", leadMeasureId: a.leadMeasureId });
      const unknownKey = await call(commitmentRoute.PATCH, { method: "PATCH", path: `/api/v1/commitments/${id}`, token: a.token, params: { commitmentId: id }, body: { text: "x", status: "DONE" } });
      expect(unknownKey.status).toBe(400);

      // B's token: A's team and commitment do not exist for it, and nothing changes.
      for (const res of [
        await call(checkInsRoute.GET, { path: `/api/v1/teams/${a.teamId}/check-ins`, token: b.token, params }),
        await call(commitmentsRoute.GET, { path: `/api/v1/teams/${a.teamId}/commitments`, token: b.token, params }),
        await call(commitmentsRoute.POST, { path: `/api/v1/teams/${a.teamId}/commitments`, token: b.token, params, body: { weekStart: today(), items: [{ userId: a.member.id, text: "Hijacked" }] } }),
        await call(commitmentRoute.PATCH, { method: "PATCH", path: `/api/v1/commitments/${id}`, token: b.token, params: { commitmentId: id }, body: { text: "Hijacked" } }),
        await call(commitmentRoute.DELETE, { method: "DELETE", path: `/api/v1/commitments/${id}`, token: b.token, params: { commitmentId: id } }),
      ]) {
        expect(res.status).toBe(404);
        expect(isErrorShape(res.body)).toBe(true);
      }
      // A token that may only read cannot write.
      const reader = await a.tokenWith(["teams:read"]);
      expect((await call(commitmentRoute.DELETE, { method: "DELETE", path: `/api/v1/commitments/${id}`, token: reader, params: { commitmentId: id } })).status).toBe(403);

      const removed = await call(commitmentRoute.DELETE, { method: "DELETE", path: `/api/v1/commitments/${id}`, token: a.token, params: { commitmentId: id } });
      expect(removed.status).toBe(200);
      expect(removed.body.data).toMatchObject({ id, text: "Answer within half a day" });
      const gone = await call(commitmentRoute.DELETE, { method: "DELETE", path: `/api/v1/commitments/${id}`, token: a.token, params: { commitmentId: id } });
      expect(gone.status).toBe(404);
    });
  });
});

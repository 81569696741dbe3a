// People settings on every database Leadlag runs on: admins change roles, deactivate, reactivate
// and remove people, owners hand the organization over; nobody acts above their own role, the
// last owner stays (also when two owners race), another organization's people are a 404, and
// deactivation or removal ends the person's sessions. Viewers read and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import { liveSession, startSession } from "@/lib/auth/sessions";
import type { TenantContext } from "@/lib/auth/tenant";
import { Role } from "@/lib/generated/prisma/enums";
import { auditTrailPage } from "@/lib/views/auditTrail";
import { peoplePage } from "@/lib/queries/peoplePage";
import { addMembership, addTeamMember, createLagMeasure, createOrgWithTeam, createUser, type OrgWithTeam } from "@/lib/seed/factories";
import { createCommitments, markCheckInHeld, reviewCommitment } from "@/lib/services/checkIns";
import { checkImport } from "@/lib/services/csvImport";
import { recordLagObservation } from "@/lib/services/lagObservations";
import { createLeadEntry, setLeadCells } from "@/lib/services/leadEntries";
import { createLeadMeasure } from "@/lib/services/measures";
import { changeRole, deactivateMember, reactivateMember, removeMember, transferOwnership } from "@/lib/services/people";
import { saveProgram } from "@/lib/services/programs";
import { startReportExport } from "@/lib/services/reportExports";
import { createTeam } from "@/lib/services/teams";
import { peopleView } from "@/lib/views/people";
import { appErrorOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const NOW = new Date("2026-11-18T12:00:00Z");

describe.each(testDbKinds())("people settings [%s]", (kind) => {
  let t: TestDb;

  type People = OrgWithTeam & { ctx: Record<"owner" | "admin" | "manager" | "member" | "viewer", TenantContext>; ids: Record<string, string> };

  /** An organization with one person of each role; the manager, member and viewer on its team. */
  async function org(): Promise<People> {
    const o = await createOrgWithTeam(t.db);
    const ids: Record<string, string> = { manager: o.manager.id, member: o.member.id };
    for (const [name, role] of [["owner", Role.OWNER], ["admin", Role.ADMIN], ["viewer", Role.VIEWER]] as const) {
      const u = await createUser(t.db, { name: `${name[0]!.toUpperCase()}${name.slice(1)} ${o.slug.slice(-4)}` });
      await addMembership(t.db, o.organizationId, u.id, role);
      ids[name] = u.id;
    }
    await addTeamMember(t.db, o.organizationId, o.teamId, ids.viewer!, { isLead: true });
    const ctx = {} as People["ctx"];
    for (const name of ["owner", "admin", "manager", "member", "viewer"] as const) {
      ctx[name] = (await loadTenantContext(t.db, ids[name]!, o.organizationId))!;
    }
    return { ...o, ctx, ids };
  }

  const membership = (o: People, userId: string) =>
    t.db.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: o.organizationId, userId } } });
  const audits = (o: People, action: string) => t.db.auditEvent.findMany({ where: { organizationId: o.organizationId, action } });

  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("an admin makes a member a viewer, a manager, an admin, and the change is audited", async () => {
    const o = await org();
    for (const role of ["VIEWER", "MANAGER", "ADMIN", "MEMBER"] as const) {
      const r = await changeRole(t.db, o.ctx.admin, { userId: o.member.id, role });
      expect(r).toMatchObject({ role, changed: true });
      expect((await membership(o, o.member.id)).role).toBe(role);
    }
    const events = await audits(o, "membership.role.change");
    expect(events).toHaveLength(4);
    expect(events[0]).toMatchObject({ actorId: o.ids.admin, entityType: "Membership", entityId: o.member.id });
    // The audit page tells it in plain words, under the people filter.
    const trail = await auditTrailPage(t.db, o.ctx.admin, { kind: "people" });
    expect(trail.entries).toHaveLength(4);
    const adminName = (await t.db.user.findUniqueOrThrow({ where: { id: o.ids.admin! } })).name;
    expect(trail.entries.map((e) => e.sentence)).toContain(`${adminName} made ${o.member.name} a member (was admin).`);
    // The same role again changes nothing and records nothing.
    expect(await changeRole(t.db, o.ctx.admin, { userId: o.member.id, role: "MEMBER" })).toMatchObject({ changed: false });
    expect(await audits(o, "membership.role.change")).toHaveLength(4);
  });

  it("refuses bad input with field messages, and ownership as a role", async () => {
    const o = await org();
    const bad = await appErrorOf(changeRole(t.db, o.ctx.admin, { userId: "nope", role: "CEO" }));
    expect(bad.code).toBe("validation_failed");
    expect(Object.keys(bad.details?.fieldErrors ?? {}).sort()).toEqual(["role", "userId"]);
    expect((await appErrorOf(changeRole(t.db, o.ctx.owner, { userId: o.member.id, role: "OWNER" }))).code).toBe("validation_failed");
  });

  it("members, managers and viewers cannot administer people", async () => {
    const o = await org();
    for (const who of ["manager", "member", "viewer"] as const) {
      const ctx = o.ctx[who];
      for (const call of [
        () => changeRole(t.db, ctx, { userId: o.member.id, role: "VIEWER" }),
        () => deactivateMember(t.db, ctx, { userId: o.member.id }),
        () => reactivateMember(t.db, ctx, { userId: o.member.id }),
        () => removeMember(t.db, ctx, { userId: o.member.id }),
        () => transferOwnership(t.db, ctx, { userId: o.member.id }),
      ]) {
        expect((await appErrorOf(call())).code).toBe("forbidden");
      }
      await expect(peopleView(t.db, ctx, {})).rejects.toMatchObject({ code: "forbidden" });
    }
    expect((await membership(o, o.member.id)).role).toBe("MEMBER");
  });

  it("nobody acts above their own role: an admin cannot touch an owner, nor transfer ownership", async () => {
    const o = await org();
    for (const call of [
      () => changeRole(t.db, o.ctx.admin, { userId: o.ids.owner!, role: "MEMBER" }),
      () => deactivateMember(t.db, o.ctx.admin, { userId: o.ids.owner! }),
      () => removeMember(t.db, o.ctx.admin, { userId: o.ids.owner! }),
      () => transferOwnership(t.db, o.ctx.admin, { userId: o.member.id }),
    ]) {
      expect((await appErrorOf(call())).code).toBe("forbidden");
    }
    expect(await membership(o, o.ids.owner!)).toMatchObject({ role: "OWNER", deactivatedAt: null, removedAt: null });
  });

  it("another organization's member is a 404", async () => {
    const o = await org();
    const other = await org();
    for (const call of [
      () => changeRole(t.db, o.ctx.owner, { userId: other.member.id, role: "VIEWER" }),
      () => deactivateMember(t.db, o.ctx.owner, { userId: other.member.id }),
      () => reactivateMember(t.db, o.ctx.owner, { userId: other.member.id }),
      () => removeMember(t.db, o.ctx.owner, { userId: other.member.id }),
      () => transferOwnership(t.db, o.ctx.owner, { userId: other.member.id }),
    ]) {
      expect((await appErrorOf(call())).code).toBe("not_found");
    }
    expect(await membership(other, other.member.id)).toMatchObject({ role: "MEMBER", deactivatedAt: null, removedAt: null });
  });

  it("deactivation refuses the person's next request, ends their sessions, keeps their history; reactivation restores access", async () => {
    const o = await org();
    const sid = await startSession(t.db, o.member.id, "password");
    expect(await liveSession(t.db, sid, o.member.id)).not.toBeNull();
    expect(await deactivateMember(t.db, o.ctx.admin, { userId: o.member.id })).toMatchObject({ status: "deactivated", changed: true });
    expect(await liveSession(t.db, sid, o.member.id)).toBeNull();
    expect(await loadTenantContext(t.db, o.member.id, o.organizationId)).toBeNull();
    // Still on the team and listed, as deactivated.
    expect(await t.db.teamMember.count({ where: { organizationId: o.organizationId, userId: o.member.id } })).toBe(1);
    const listed = await peoplePage(t.db, { organizationId: o.organizationId, status: "deactivated", limit: 10 });
    expect(listed.data.map((p) => p.id)).toEqual([o.member.id]);
    expect((await appErrorOf(deactivateMember(t.db, o.ctx.admin, { userId: o.ids.admin! }))).code).toBe("forbidden"); // not oneself

    expect(await reactivateMember(t.db, o.ctx.admin, { userId: o.member.id })).toMatchObject({ status: "active", changed: true });
    expect((await loadTenantContext(t.db, o.member.id, o.organizationId))?.role).toBe("MEMBER");
    expect((await audits(o, "membership.deactivate")).length).toBe(1);
    expect((await audits(o, "membership.reactivate")).length).toBe(1);
  });

  it("a person who belongs to another organization keeps their session, which loses only this organization", async () => {
    const o = await org();
    const elsewhere = await org();
    await addMembership(t.db, elsewhere.organizationId, o.member.id, Role.MEMBER);
    const sid = await startSession(t.db, o.member.id, "password");
    await deactivateMember(t.db, o.ctx.admin, { userId: o.member.id });
    expect(await liveSession(t.db, sid, o.member.id)).not.toBeNull();
    expect(await loadTenantContext(t.db, o.member.id, o.organizationId)).toBeNull();
    expect(await loadTenantContext(t.db, o.member.id, elsewhere.organizationId)).not.toBeNull();
  });

  it("removal takes the person off the people list, teams and measures, ends sessions and keeps their entries", async () => {
    const o = await org();
    await t.db.leadMeasureOwner.create({ data: { organizationId: o.organizationId, leadMeasureId: o.leadMeasureId, userId: o.member.id } });
    await createLeadEntry(t.db, o.ctx.member, { teamId: o.teamId, leadMeasureId: o.leadMeasureId, entryDate: "2026-11-17", value: 2 }, NOW);
    const sid = await startSession(t.db, o.member.id, "password");

    expect(await removeMember(t.db, o.ctx.admin, { userId: o.member.id })).toMatchObject({ status: "removed", changed: true });
    expect(await liveSession(t.db, sid, o.member.id)).toBeNull();
    expect(await loadTenantContext(t.db, o.member.id, o.organizationId)).toBeNull();
    expect(await t.db.teamMember.count({ where: { organizationId: o.organizationId, userId: o.member.id } })).toBe(0);
    expect(await t.db.leadMeasureOwner.count({ where: { organizationId: o.organizationId, userId: o.member.id } })).toBe(0);
    expect(await t.db.leadEntry.count({ where: { organizationId: o.organizationId, userId: o.member.id } })).toBe(1);
    const everyone = await peoplePage(t.db, { organizationId: o.organizationId, limit: 50 });
    expect(everyone.data.map((p) => p.id)).not.toContain(o.member.id);
    const [event] = await audits(o, "membership.remove");
    expect(event?.before).toMatchObject({ teams: [{ teamId: o.teamId, isLead: false }], ownedLeadMeasureIds: [o.leadMeasureId] });
    // A removed person is no longer someone the people settings can act on.
    expect((await appErrorOf(reactivateMember(t.db, o.ctx.admin, { userId: o.member.id }))).code).toBe("not_found");
  });

  it("the last owner can never be demoted, deactivated or removed, also not by themselves", async () => {
    const o = await org();
    const owner = o.ids.owner!;
    for (const call of [
      () => changeRole(t.db, o.ctx.owner, { userId: owner, role: "ADMIN" }),
      () => removeMember(t.db, o.ctx.owner, { userId: owner }),
    ]) {
      const err = await appErrorOf(call());
      expect(err.code).toBe("conflict");
      expect(err.message).toMatch(/last owner/);
    }
    expect((await appErrorOf(deactivateMember(t.db, o.ctx.owner, { userId: owner }))).code).toBe("forbidden");
    // A deactivated second owner does not count: the active one is still the last.
    const dormant = await createUser(t.db, { name: "Dormant Owner" });
    await addMembership(t.db, o.organizationId, dormant.id, Role.OWNER);
    await t.db.membership.update({ where: { organizationId_userId: { organizationId: o.organizationId, userId: dormant.id } }, data: { deactivatedAt: NOW } });
    expect((await appErrorOf(changeRole(t.db, o.ctx.owner, { userId: owner, role: "ADMIN" }))).code).toBe("conflict");
    expect(await membership(o, owner)).toMatchObject({ role: "OWNER", deactivatedAt: null, removedAt: null });
    // With a second owner, one of them may step down.
    await transferOwnership(t.db, o.ctx.owner, { userId: o.ids.admin! });
    const newOwner = (await loadTenantContext(t.db, o.ids.admin!, o.organizationId))!;
    expect(newOwner.role).toBe("OWNER");
    expect((await membership(o, owner)).role).toBe("ADMIN");
    const err = await appErrorOf(deactivateMember(t.db, (await loadTenantContext(t.db, owner, o.organizationId))!, { userId: newOwner.userId }));
    expect(err.code).toBe("forbidden"); // the former owner is an admin now: the owner is above them
    expect((await appErrorOf(changeRole(t.db, newOwner, { userId: newOwner.userId, role: "MEMBER" }))).code).toBe("conflict");
  });

  it("two owners demoting each other at the same moment leave one owner", async () => {
    const o = await org();
    const second = await createUser(t.db, { name: "Second Owner" });
    await addMembership(t.db, o.organizationId, second.id, Role.OWNER);
    const secondCtx = (await loadTenantContext(t.db, second.id, o.organizationId))!;
    for (let round = 0; round < 3; round++) {
      const results = await Promise.allSettled([
        changeRole(t.db, o.ctx.owner, { userId: second.id, role: "ADMIN" }),
        changeRole(t.db, secondCtx, { userId: o.ids.owner!, role: "ADMIN" }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(await t.db.membership.count({ where: { organizationId: o.organizationId, role: "OWNER" } })).toBe(1);
      // Put both back for the next round.
      await t.db.membership.updateMany({ where: { organizationId: o.organizationId, userId: { in: [second.id, o.ids.owner!] } }, data: { role: "OWNER" } });
    }
    // Both stepping down at once: one of them stays.
    const results = await Promise.allSettled([
      changeRole(t.db, o.ctx.owner, { userId: o.ids.owner!, role: "ADMIN" }),
      changeRole(t.db, secondCtx, { userId: second.id, role: "ADMIN" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.membership.count({ where: { organizationId: o.organizationId, role: "OWNER" } })).toBe(1);
  });

  it("ownership goes only to an active member, only from an owner", async () => {
    const o = await org();
    await deactivateMember(t.db, o.ctx.owner, { userId: o.member.id });
    expect((await appErrorOf(transferOwnership(t.db, o.ctx.owner, { userId: o.member.id }))).code).toBe("conflict");
    expect((await appErrorOf(transferOwnership(t.db, o.ctx.owner, { userId: o.ids.owner! }))).code).toBe("validation_failed");
    const done = await transferOwnership(t.db, o.ctx.owner, { userId: o.manager.id });
    expect(done).toMatchObject({ role: "OWNER", changed: true });
    expect(await t.db.membership.count({ where: { organizationId: o.organizationId, role: "OWNER" } })).toBe(1);
    expect((await audits(o, "membership.ownership.transfer")).length).toBe(1);
    // The previous owner's stale context no longer carries ownership.
    expect((await appErrorOf(transferOwnership(t.db, o.ctx.owner, { userId: o.ids.admin! }))).code).toBe("forbidden");
  });

  it("the people page lists, searches and offers only what the caller may do", async () => {
    const o = await org();
    const admin = await peopleView(t.db, o.ctx.admin, {});
    expect(admin.people).toHaveLength(5);
    expect(admin.counts).toEqual({ active: 5, deactivated: 0 });
    const owner = admin.people.find((p) => p.id === o.ids.owner)!;
    expect(owner).toMatchObject({ roles: [], canRemove: false, canDeactivate: false });
    const member = admin.people.find((p) => p.id === o.member.id)!;
    expect(member).toMatchObject({ roles: ["ADMIN", "MANAGER", "MEMBER", "VIEWER"], canTransfer: false, teams: [{ id: o.teamId, isLead: false }] });
    const found = await peopleView(t.db, o.ctx.owner, { q: o.member.email.toUpperCase().slice(0, 12) });
    expect(found.people.map((p) => p.id)).toEqual([o.member.id]);
    expect(found.people[0]!.canTransfer).toBe(true);
  });

  it("viewers are refused on every write", async () => {
    const o = await org();
    const viewer = o.ctx.viewer;
    const lag = await createLagMeasure(t.db, o.organizationId, { teamId: o.teamId });
    const cell = { userId: viewer.userId, teamId: o.teamId, leadMeasureId: o.leadMeasureId, entryDate: "2026-11-17", value: 1 };
    const writes: [string, () => Promise<unknown>][] = [
      ["lead entry", () => createLeadEntry(t.db, viewer, cell, NOW)],
      ["lead cell", () => setLeadCells(t.db, viewer, [cell], { source: "MANUAL", now: NOW })],
      ["commitment", () => createCommitments(t.db, viewer, { teamId: o.teamId, weekStart: "2026-11-16", items: [{ userId: viewer.userId, text: "x" }] }, NOW)],
      ["commitment review", () => reviewCommitment(t.db, viewer, { commitmentId: o.teamId, status: "DONE" }, NOW)],
      ["check-in held", () => markCheckInHeld(t.db, viewer, { teamId: o.teamId, weekStart: "2026-11-16" }, NOW)],
      ["report export", () => startReportExport(t.db, viewer, { quarter: "2026-Q3" }, NOW)],
      ["program change", () => saveProgram(t.db, viewer, null, { name: "Coaching" })],
      ["CSV import", () => checkImport(t.db, viewer, "lead-entries", { bytes: new Uint8Array(), fileName: "a.csv", options: {} as never })],
      ["CSV lag import", () => checkImport(t.db, viewer, "lag-observations", { bytes: new Uint8Array(), fileName: "a.csv", options: {} as never })],
      ["lag observation", () => recordLagObservation(t.db, viewer, { lagMeasureId: lag.id, date: "2026-11-01", value: 1 }, NOW)],
      ["lead measure", () => createLeadMeasure(t.db, viewer, { name: "New" })],
      ["team", () => createTeam(t.db, viewer, { name: "New team" })],
    ];
    const before = await t.db.auditEvent.count({ where: { organizationId: o.organizationId } });
    for (const [what, write] of writes) {
      const err = await appErrorOf(write());
      expect(err.code, what).toBe("forbidden");
    }
    expect(await t.db.auditEvent.count({ where: { organizationId: o.organizationId } })).toBe(before);
    expect(await t.db.leadEntry.count({ where: { organizationId: o.organizationId } })).toBe(0);
  });
});

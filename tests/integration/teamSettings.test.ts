// The teams settings page's rules: renaming, archiving and restoring a team, adding and taking
// off people, team leads, and which lead measures a team tracks with what targets — for managers
// and above, inside their own organization, and only with its active people.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { describeAuditEvent } from "@/lib/domain/auditText";
import { Role } from "@/lib/generated/prisma/enums";
import { activeTeams } from "@/lib/queries/activeTeams";
import { teamsVisibleTo } from "@/lib/queries/teamsVisibleTo";
import { teamWeekScoreboard } from "@/lib/queries/teamWeekScoreboard";
import { addMembership, createLeadMeasure, createOrganization, createOrgWithTeam, createUser, type OrgWithTeam } from "@/lib/seed/factories";
import { addTeamMembers, removeTeamMember, setTeamLead } from "@/lib/services/teamMembers";
import { trackLeadMeasure, untrackLeadMeasure } from "@/lib/services/teamMeasures";
import { createTeam, renameTeam, setTeamArchived, setTeamMembers } from "@/lib/services/teams";
import { loadDashboard } from "@/lib/views/dashboard";
import { teamPage } from "@/lib/views/teamPage";
import { teamSettingsList, teamSettingsPage } from "@/lib/views/teamSettings";
import { appErrorOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";

const NOW = new Date("2026-11-18T12:00:00Z"); // a Wednesday; its week starts Monday 16 November

describe.each(testDbKinds())("team settings [%s]", (kind) => {
  let t: TestDb;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let managerA: TenantContext;
  let memberA: TenantContext;
  let viewerA: TenantContext;
  let managerB: TenantContext;

  /** A new person in org A with the given role (and membership state). */
  async function personInA(role: Role = Role.MEMBER, state: { deactivatedAt?: Date; removedAt?: Date } = {}) {
    const user = await createUser(t.db);
    await addMembership(t.db, a.organizationId, user.id, role);
    if (state.deactivatedAt || state.removedAt) {
      await t.db.membership.update({ where: { organizationId_userId: { organizationId: a.organizationId, userId: user.id } }, data: state });
    }
    return user;
  }
  const newTeam = async (name: string) => (await createTeam(t.db, managerA, { name })).id;
  const auditCount = (entityId: string) => t.db.auditEvent.count({ where: { organizationId: a.organizationId, entityId } });

  beforeAll(async () => {
    t = await createTestDb(kind);
    a = await createOrgWithTeam(t.db);
    b = await createOrgWithTeam(t.db);
    managerA = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    memberA = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    managerB = (await loadTenantContext(t.db, b.manager.id, b.organizationId))!;
    const viewer = await personInA(Role.VIEWER);
    viewerA = (await loadTenantContext(t.db, viewer.id, a.organizationId))!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lists no teams for a new organization (the page's empty state), and each team with its size, leads and measures", async () => {
    const fresh = await createOrganization(t.db);
    expect(await teamSettingsList(t.db, fresh.id, "active")).toEqual({ teams: [], activeCount: 0, archivedCount: 0 });
    const list = await teamSettingsList(t.db, a.organizationId, "active");
    expect(list.teams.find((x) => x.id === a.teamId)).toEqual({
      id: a.teamId,
      name: "Support Team",
      archived: false,
      memberCount: 2,
      leads: [a.manager.name],
      measures: [{ name: "Coaching conversations", unit: "conversations", weeklyTarget: 10 }],
    });
    expect(list.teams.map((x) => x.id)).not.toContain(b.teamId);
  });

  describe("renaming", () => {
    it("renames a team and audits the change", async () => {
      const id = await newTeam("Tier 1");
      expect(await renameTeam(t.db, managerA, id, { name: "  Tier One  " })).toEqual({ id, name: "Tier One" });
      expect((await t.db.team.findUniqueOrThrow({ where: { organizationId_id: { organizationId: a.organizationId, id } } })).name).toBe("Tier One");
      const event = await t.db.auditEvent.findFirst({ where: { organizationId: a.organizationId, entityId: id, action: "team.rename" } });
      expect(event).toMatchObject({ actorId: a.manager.id, before: { name: "Tier 1" }, after: { name: "Tier One" } });
    });

    it("refuses a name another team of the organization has, archived or not, with a field error", async () => {
      const id = await newTeam("Escalations");
      const archived = await newTeam("Night shift");
      await setTeamArchived(t.db, managerA, archived, true);
      for (const name of ["Support Team", "Night shift"]) {
        const err = await appErrorOf(renameTeam(t.db, managerA, id, { name }));
        expect(err.details?.fieldErrors?.name).toEqual(["A team with this name already exists."]);
      }
      const blank = await appErrorOf(renameTeam(t.db, managerA, id, { name: "   " }));
      expect(blank.details?.fieldErrors?.name).toEqual(["Give the team a name."]);
      // Another organization's team names are no obstacle.
      expect((await renameTeam(t.db, managerB, b.teamId, { name: "Escalations" })).name).toBe("Escalations");
      await renameTeam(t.db, managerB, b.teamId, { name: "Support Team" });
    });
  });

  describe("archiving", () => {
    it("hides an archived team from the dashboard and the team lists, keeps its history, and restores it", async () => {
      const id = await newTeam("Seasonal");
      await addTeamMembers(t.db, managerA, id, { userIds: [a.member.id] });
      await trackLeadMeasure(t.db, managerA, id, { leadMeasureId: a.leadMeasureId, weeklyTarget: "8" }, NOW);
      await t.db.leadEntry.create({
        data: { organizationId: a.organizationId, teamId: id, leadMeasureId: a.leadMeasureId, userId: a.member.id, entryDate: new Date("2026-11-16T00:00:00Z"), value: 3 },
      });
      const dashboardTeams = async () => (await loadDashboard(t.db, managerA.organization, {}, NOW)).rollup.map((r) => r.teamName);
      expect(await dashboardTeams()).toContain("Seasonal");

      expect(await setTeamArchived(t.db, managerA, id, true)).toMatchObject({ id, archived: true });
      expect((await activeTeams(t.db, a.organizationId)).map((x) => x.id)).not.toContain(id);
      expect((await teamsVisibleTo(t.db, managerA)).map((x) => x.id)).not.toContain(id);
      expect((await teamsVisibleTo(t.db, memberA)).map((x) => x.id)).not.toContain(id);
      expect(await dashboardTeams()).not.toContain("Seasonal");
      expect((await appErrorOf(teamPage(t.db, managerA, id, { week: null, person: undefined }, NOW))).status).toBe(404);
      expect((await teamSettingsList(t.db, a.organizationId, "active")).teams.map((x) => x.id)).not.toContain(id);
      const archivedList = await teamSettingsList(t.db, a.organizationId, "archived");
      expect(archivedList.teams.find((x) => x.id === id)).toMatchObject({ archived: true, memberCount: 1 });
      // History stays: entries, members, assignments.
      expect(await t.db.leadEntry.count({ where: { organizationId: a.organizationId, teamId: id } })).toBe(1);
      expect(await t.db.teamMember.count({ where: { organizationId: a.organizationId, teamId: id } })).toBe(1);
      expect(await t.db.teamLeadMeasure.count({ where: { organizationId: a.organizationId, teamId: id } })).toBe(1);
      // An archived team's people and measures are not changed until it is restored.
      expect((await appErrorOf(addTeamMembers(t.db, managerA, id, { userIds: [a.manager.id] }))).status).toBe(409);
      expect((await appErrorOf(trackLeadMeasure(t.db, managerA, id, { leadMeasureId: a.leadMeasureId, weeklyTarget: "9" }, NOW))).status).toBe(409);

      await setTeamArchived(t.db, managerA, id, false);
      expect((await activeTeams(t.db, a.organizationId)).map((x) => x.id)).toContain(id);
      expect(await dashboardTeams()).toContain("Seasonal");
      const actions = await t.db.auditEvent.findMany({ where: { organizationId: a.organizationId, entityId: id, action: { in: ["team.archive", "team.restore"] } } });
      expect(actions.map((e) => e.action).sort()).toEqual(["team.archive", "team.restore"]);
    });

    it("archiving twice changes nothing the second time", async () => {
      const id = await newTeam("Twice");
      await setTeamArchived(t.db, managerA, id, true);
      const before = await auditCount(id);
      await setTeamArchived(t.db, managerA, id, true);
      expect(await auditCount(id)).toBe(before);
    });
  });

  describe("members and leads", () => {
    it("adds active people, makes one a lead, and takes one off again", async () => {
      const id = await newTeam("Billing");
      const ana = await personInA();
      const ben = await personInA();
      expect(await addTeamMembers(t.db, managerA, id, { userIds: [ana.id, ben.id] })).toEqual({ added: 2 });
      expect(await addTeamMembers(t.db, managerA, id, { userIds: ana.id })).toEqual({ added: 0 }); // already on it
      await setTeamLead(t.db, managerA, id, { userId: ana.id, isLead: "true" });
      let page = (await teamSettingsPage(t.db, a.organizationId, id))!;
      expect(page.members.map((m) => [m.userId, m.isLead])).toEqual(
        expect.arrayContaining([
          [ana.id, true],
          [ben.id, false],
        ]),
      );
      expect(page.candidates.map((c) => c.userId)).not.toContain(ana.id);
      expect((await teamSettingsList(t.db, a.organizationId, "active")).teams.find((x) => x.id === id)).toMatchObject({ memberCount: 2, leads: [ana.name] });

      await setTeamLead(t.db, managerA, id, { userId: ana.id, isLead: false });
      await removeTeamMember(t.db, managerA, id, ben.id);
      page = (await teamSettingsPage(t.db, a.organizationId, id))!;
      expect(page.members.map((m) => [m.userId, m.isLead])).toEqual([[ana.id, false]]);
      expect(page.candidates.map((c) => c.userId)).toContain(ben.id);
      const actions = (await t.db.auditEvent.findMany({ where: { organizationId: a.organizationId, entityId: id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
      expect(actions).toEqual(["team.create", "team.members.add", "team.lead.set", "team.lead.unset", "team.members.remove"]);
      // The audit trail reads them in words, with the names of the time.
      const said = async (action: string) => {
        const e = await t.db.auditEvent.findFirstOrThrow({ where: { organizationId: a.organizationId, entityId: id, action } });
        return describeAuditEvent({ action, entityType: e.entityType, actor: "Priya", subject: null, before: e.before, after: e.after });
      };
      expect(await said("team.members.add")).toMatch(new RegExp(`^Priya added (${ana.name} and ${ben.name}|${ben.name} and ${ana.name}) to Billing\\.$`));
      expect(await said("team.lead.set")).toBe(`Priya made ${ana.name} a lead of Billing.`);
      expect(await said("team.members.remove")).toBe(`Priya took ${ben.name} off Billing.`);
    });

    it("never adds a deactivated or removed person, nor offers them", async () => {
      const id = await newTeam("Quality");
      const gone = await personInA(Role.MEMBER, { removedAt: NOW });
      const paused = await personInA(Role.MEMBER, { deactivatedAt: NOW });
      const fine = await personInA();
      for (const userId of [gone.id, paused.id]) {
        const err = await appErrorOf(addTeamMembers(t.db, managerA, id, { userIds: [fine.id, userId] }));
        expect(err.status).toBe(400);
        expect(err.details?.fieldErrors?.userIds).toEqual(["Only active members of this organization can join a team."]);
      }
      expect(await t.db.teamMember.count({ where: { organizationId: a.organizationId, teamId: id } })).toBe(0); // all or nothing
      const candidates = (await teamSettingsPage(t.db, a.organizationId, id))!.candidates.map((c) => c.userId);
      expect(candidates).toContain(fine.id);
      expect(candidates).not.toContain(gone.id);
      expect(candidates).not.toContain(paused.id);
      // The HR sync adds nobody inactive either.
      const sync = await appErrorOf(setTeamMembers(t.db, managerA, id, { members: [{ email: paused.email }] }));
      expect(sync.details?.unknownEmails).toEqual([paused.email]);
    });

    it("lists a person deactivated while on the team, who can be taken off but not made lead", async () => {
      const id = await newTeam("Chat");
      const later = await personInA();
      await addTeamMembers(t.db, managerA, id, { userIds: [later.id] });
      await t.db.membership.update({ where: { organizationId_userId: { organizationId: a.organizationId, userId: later.id } }, data: { deactivatedAt: NOW } });
      expect((await teamSettingsPage(t.db, a.organizationId, id))!.members).toEqual([expect.objectContaining({ userId: later.id, inactive: "deactivated" })]);
      expect((await appErrorOf(setTeamLead(t.db, managerA, id, { userId: later.id, isLead: true }))).status).toBe(400);
      await removeTeamMember(t.db, managerA, id, later.id);
      expect((await appErrorOf(removeTeamMember(t.db, managerA, id, later.id))).status).toBe(404);
      expect((await appErrorOf(setTeamLead(t.db, managerA, id, { userId: later.id, isLead: true }))).status).toBe(404);
    });
  });

  describe("tracked lead measures", () => {
    it("starts tracking a measure with its targets, dates a change from this week on, and stops tracking it", async () => {
      const id = await newTeam("Phones");
      await addTeamMembers(t.db, managerA, id, { userIds: [a.member.id] });
      const measure = await createLeadMeasure(t.db, a.organizationId, { name: "Callbacks", unit: "calls" });
      const started = await trackLeadMeasure(t.db, managerA, id, { leadMeasureId: measure.id, weeklyTarget: "20", personWeeklyTarget: "" }, NOW);
      expect(started).toEqual({ leadMeasureId: measure.id, weeklyTarget: 20, personWeeklyTarget: null, started: true });
      const target = async (weekStart: string) =>
        (await teamWeekScoreboard(t.db, { organizationId: a.organizationId, teamId: id, weekStart, userId: a.member.id })).find((r) => r.leadMeasureId === measure.id)
          ?.weeklyTarget;
      expect(await target("2026-11-02")).toBe(20);

      const changed = await trackLeadMeasure(t.db, managerA, id, { leadMeasureId: measure.id, weeklyTarget: 25, personWeeklyTarget: 5 }, NOW);
      expect(changed).toMatchObject({ weeklyTarget: 25, personWeeklyTarget: 5, started: false });
      expect(await target("2026-11-09")).toBe(20); // earlier weeks keep their target
      expect(await target("2026-11-16")).toBe(25);
      const page = (await teamSettingsPage(t.db, a.organizationId, id))!;
      expect(page.measures).toEqual([expect.objectContaining({ leadMeasureId: measure.id, weeklyTarget: 25, personWeeklyTarget: 5 })]);
      expect(page.available.map((m) => m.id)).not.toContain(measure.id);
      expect((await teamSettingsList(t.db, a.organizationId, "active")).teams.find((x) => x.id === id)?.measures).toEqual([
        { name: "Callbacks", unit: "calls", weeklyTarget: 25 },
      ]);

      await t.db.leadEntry.create({
        data: { organizationId: a.organizationId, teamId: id, leadMeasureId: measure.id, userId: a.member.id, entryDate: new Date("2026-11-16T00:00:00Z"), value: 4 },
      });
      await untrackLeadMeasure(t.db, managerA, id, measure.id);
      expect(await target("2026-11-16")).toBeUndefined();
      expect(await t.db.leadEntry.count({ where: { organizationId: a.organizationId, leadMeasureId: measure.id } })).toBe(1);
      expect((await appErrorOf(untrackLeadMeasure(t.db, managerA, id, measure.id))).status).toBe(404);
      const actions = await t.db.auditEvent.findMany({ where: { organizationId: a.organizationId, action: { startsWith: "team.measure" }, entityId: id } });
      expect(actions.map((e) => e.action).sort()).toEqual(["team.measure.track", "team.measure.untrack"]);
    });

    it("refuses bad targets field by field, and archived or foreign measures", async () => {
      const id = await newTeam("Email");
      const err = await appErrorOf(trackLeadMeasure(t.db, managerA, id, { leadMeasureId: a.leadMeasureId, weeklyTarget: "-3", personWeeklyTarget: "lots" }, NOW));
      expect(Object.keys(err.details?.fieldErrors ?? {}).sort()).toEqual(["personWeeklyTarget", "weeklyTarget"]);
      const missing = await appErrorOf(trackLeadMeasure(t.db, managerA, id, { leadMeasureId: "", weeklyTarget: "" }, NOW));
      expect(Object.keys(missing.details?.fieldErrors ?? {}).sort()).toEqual(["leadMeasureId", "weeklyTarget"]);
      const old = await createLeadMeasure(t.db, a.organizationId, { name: "Retired", archivedAt: NOW });
      for (const leadMeasureId of [old.id, b.leadMeasureId]) {
        const refused = await appErrorOf(trackLeadMeasure(t.db, managerA, id, { leadMeasureId, weeklyTarget: "1" }, NOW));
        expect(refused.details?.fieldErrors?.leadMeasureId).toEqual(["Choose one of this organization's lead measures."]);
      }
      expect(await t.db.teamLeadMeasure.count({ where: { organizationId: a.organizationId, teamId: id } })).toBe(0);
    });
  });

  describe("who may", () => {
    it("refuses members and viewers every change", async () => {
      for (const ctx of [memberA, viewerA]) {
        const refusals = [
          () => renameTeam(t.db, ctx, a.teamId, { name: "Mine now" }),
          () => setTeamArchived(t.db, ctx, a.teamId, true),
          () => addTeamMembers(t.db, ctx, a.teamId, { userIds: [ctx.userId] }),
          () => removeTeamMember(t.db, ctx, a.teamId, a.manager.id),
          () => setTeamLead(t.db, ctx, a.teamId, { userId: ctx.userId, isLead: true }),
          () => trackLeadMeasure(t.db, ctx, a.teamId, { leadMeasureId: a.leadMeasureId, weeklyTarget: "1" }, NOW),
          () => untrackLeadMeasure(t.db, ctx, a.teamId, a.leadMeasureId),
        ];
        // One at a time: each is a transaction of its own.
        for (const attempt of refusals) expect((await appErrorOf(attempt())).status).toBe(403);
      }
      const team = await t.db.team.findUniqueOrThrow({ where: { organizationId_id: { organizationId: a.organizationId, id: a.teamId } } });
      expect(team).toMatchObject({ name: "Support Team", archivedAt: null });
      expect(await t.db.teamLeadMeasure.count({ where: { organizationId: a.organizationId, teamId: a.teamId } })).toBe(1);
    });

    it("answers 404 to another organization's manager, and lets nobody borrow another organization's people", async () => {
      const attempts = [
        () => renameTeam(t.db, managerB, a.teamId, { name: "Taken over" }),
        () => setTeamArchived(t.db, managerB, a.teamId, true),
        () => addTeamMembers(t.db, managerB, a.teamId, { userIds: [b.member.id] }),
        () => removeTeamMember(t.db, managerB, a.teamId, a.member.id),
        () => setTeamLead(t.db, managerB, a.teamId, { userId: a.member.id, isLead: true }),
        () => trackLeadMeasure(t.db, managerB, a.teamId, { leadMeasureId: b.leadMeasureId, weeklyTarget: "1" }, NOW),
        () => untrackLeadMeasure(t.db, managerB, a.teamId, a.leadMeasureId),
        () => renameTeam(t.db, managerA, "not-a-uuid", { name: "Nothing" }),
      ];
      for (const attempt of attempts) expect((await appErrorOf(attempt())).status).toBe(404);
      expect(await teamSettingsPage(t.db, b.organizationId, a.teamId)).toBeNull();

      // A's manager cannot put B's people on A's team.
      const err = await appErrorOf(addTeamMembers(t.db, managerA, a.teamId, { userIds: [b.member.id] }));
      expect(err.details?.fieldErrors?.userIds).toBeDefined();
      const team = await t.db.team.findUniqueOrThrow({ where: { organizationId_id: { organizationId: a.organizationId, id: a.teamId } } });
      expect(team).toMatchObject({ name: "Support Team", archivedAt: null });
      expect(await t.db.teamMember.count({ where: { organizationId: a.organizationId, teamId: a.teamId } })).toBe(2);
      const lead = await t.db.teamMember.findFirstOrThrow({ where: { organizationId: a.organizationId, teamId: a.teamId, userId: a.member.id } });
      expect(lead.isLead).toBe(false);
    });
  });
});

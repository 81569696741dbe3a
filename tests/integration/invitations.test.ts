// Invitations: who may invite whom, what a batch does when one line is bad, the email that
// arrives (at a real SMTP server started here), and what the link does — once, for 7 days, in
// its own organization only.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { appOrigin } from "@/lib/env";
import { Role } from "@/lib/generated/prisma/enums";
import { addMembership, addTeamMember, createOrgWithTeam, createTeam, createUser, type OrgWithTeam } from "@/lib/seed/factories";
import { acceptAsNewPerson, acceptAsSignedIn } from "@/lib/services/invitationAcceptance";
import { inviteFromCsv, inviteFromList, resendInvitation, revokeInvitation } from "@/lib/services/invitations";
import { invitationByToken } from "@/lib/views/invitationByToken";
import { appErrorOf } from "../helpers/context";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtpServer";

const STRONG = "plum-orchard-violin-42";
const DAY = 86_400_000;

describe.each(testDbKinds())("invitations [%s]", (kind) => {
  let t: TestDb;
  let smtp: TestSmtpServer;
  let a: OrgWithTeam;
  let b: OrgWithTeam;
  let adminA: TenantContext;
  let managerA: TenantContext;
  let memberA: TenantContext;
  let managerB: TenantContext;
  let secondTeamA: string;
  let n = 0;
  const fresh = (who = "person") => `${who}-${++n}@invited.test`;
  const mail = () => ({ smtpUrl: smtp.url });

  /** The token of the latest invitation email to `to`. */
  function tokenMailedTo(to: string): string {
    const last = smtp.messages.filter((m) => m.to === to).at(-1);
    expect(last, `an email to ${to}`).toBeDefined();
    const link = last!.links.find((l) => l.includes("/invitations/"))!;
    return link.slice(link.lastIndexOf("/") + 1);
  }

  beforeAll(async () => {
    [t, smtp] = await Promise.all([createTestDb(kind), startSmtpServer()]);
    a = await createOrgWithTeam(t.db, { orgName: "Acme Care" });
    b = await createOrgWithTeam(t.db, { orgName: "Beta Bank" });
    const admin = await createUser(t.db, { name: "Ada Admin" });
    await addMembership(t.db, a.organizationId, admin.id, Role.ADMIN);
    adminA = (await loadTenantContext(t.db, admin.id, a.organizationId))!;
    managerA = (await loadTenantContext(t.db, a.manager.id, a.organizationId))!;
    memberA = (await loadTenantContext(t.db, a.member.id, a.organizationId))!;
    managerB = (await loadTenantContext(t.db, b.manager.id, b.organizationId))!;
    secondTeamA = (await createTeam(t.db, a.organizationId, { name: "Night Shift" })).id;
  });
  afterAll(async () => {
    await Promise.all([t?.close(), smtp?.close()]);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("invites by email: the email arrives with a single-use link, only the token's hash is stored, and it is audited", async () => {
    const to = fresh();
    const result = await inviteFromList(t.db, adminA, { emails: to, role: "MANAGER", teamIds: [a.teamId] }, mail());
    expect(result.invited).toHaveLength(1);
    expect(result.invited[0]).toMatchObject({ email: to, role: "MANAGER", teamIds: [a.teamId], status: "pending", sendCount: 1 });

    const email = await smtp.waitFor(to, { subject: /invited you to Acme Care/ });
    expect(email.subject).toBe("Ada Admin invited you to Acme Care on Leadlag");
    expect(email.text).toContain("as a manager on the team Support Team");
    const token = tokenMailedTo(to);
    expect(email.links).toContain(`${appOrigin()}/invitations/${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const row = await t.db.invitation.findFirstOrThrow({ where: { organizationId: a.organizationId, email: to } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.lastSentAt.getTime()).toBe(7 * DAY);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { organizationId: a.organizationId, entityId: row.id } });
    expect(audit).toMatchObject({ action: "invitation.create", actorId: adminA.userId });
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
  });

  it("reads a pasted list: names in angle brackets, any separator, duplicates once; members are reported, pending invitations resent", async () => {
    const [x, y, pendingOne] = [fresh(), fresh(), fresh()];
    await inviteFromList(t.db, managerA, { emails: [pendingOne] }, mail());
    const oldToken = tokenMailedTo(pendingOne);

    const pasted = `Xavier Doe <${x}>; ${y}\n${x}, ${a.member.email.toUpperCase()}\n\n"P" <${pendingOne}>`;
    const result = await inviteFromList(t.db, managerA, { emails: pasted, role: "VIEWER" }, mail());
    expect(result.invited.map((i) => i.email).sort()).toEqual([x, y].sort());
    expect(result.resent).toMatchObject([{ email: pendingOne, role: "VIEWER", sendCount: 2, status: "pending" }]);
    expect(result.alreadyMembers).toEqual([a.member.email]);
    expect(await t.db.invitation.count({ where: { organizationId: a.organizationId, email: { in: [x, pendingOne, a.member.email] } } })).toBe(2);
    expect(smtp.messages.filter((m) => m.to === a.member.email)).toHaveLength(0);

    // The resend gave a new link; the first one no longer works.
    expect(await invitationByToken(t.db, oldToken)).toEqual({ state: "unknown" });
    expect(await invitationByToken(t.db, tokenMailedTo(pendingOne))).toMatchObject({ state: "pending", role: "VIEWER" });
  });

  it("two requests inviting the same address at once make one invitation, sent twice", async () => {
    const to = fresh();
    const results = await Promise.all([inviteFromList(t.db, adminA, { emails: to }, mail()), inviteFromList(t.db, managerA, { emails: to }, mail())]);
    expect(results.map((r) => r.invited.length + r.resent.length)).toEqual([1, 1]);
    const rows = await t.db.invitation.findMany({ where: { organizationId: a.organizationId, email: to } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sendCount).toBe(2);
  });

  it("refuses a whole batch when one line is bad, naming each bad line; nothing is written or sent", async () => {
    const good = fresh();
    const before = smtp.messages.length;
    const err = await appErrorOf(inviteFromList(t.db, adminA, { emails: `${good}\nnot-an-email\nZed <zed@>` }, mail()));
    expect(err.status).toBe(400);
    expect(err.message).toBe("2 problems found; no one was invited.");
    expect(err.details?.problems).toEqual([
      { index: 1, field: "emails", message: "“not-an-email”: not-an-email is not an email address." },
      { index: 2, field: "emails", message: "“Zed <zed@>”: zed@ is not an email address." },
    ]);
    expect(err.details?.fieldErrors?.emails).toHaveLength(2);
    expect(await t.db.invitation.count({ where: { email: good } })).toBe(0);
    expect(smtp.messages.length).toBe(before);

    expect((await appErrorOf(inviteFromList(t.db, adminA, { emails: " ,\n;" }))).details?.fieldErrors).toEqual({ emails: ["Enter at least one email address."] });
  });

  it("reads a CSV file with a role and teams per row, and checks each row against the organization", async () => {
    const [p, q] = [fresh(), fresh()];
    const csv = `Email,Role,Teams\n${p},manager,Support Team|night shift\n${q},,\n`;
    const result = await inviteFromCsv(t.db, adminA, csv, { role: "MEMBER", teamIds: [a.teamId] }, mail());
    expect(result.invited).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: p, role: "MANAGER", teamIds: expect.arrayContaining([a.teamId, secondTeamA]) }),
        expect.objectContaining({ email: q, role: "MEMBER", teamIds: [a.teamId] }),
      ]),
    );

    const bad = `email,role,teams\n${fresh()},admin,Support Team\n${fresh()},boss,\n${fresh()},member,Day Shift\n`;
    const err = await appErrorOf(inviteFromCsv(t.db, managerA, bad, {}, mail()));
    expect(err.details?.fieldErrors?.file).toEqual([
      "Row 2: You cannot give the admin role.",
      'Row 3: "boss" is not a role: use admin, manager, member or viewer.',
      'Row 4: No active team is called "Day Shift".',
    ]);

    // A single column of addresses, no header, is a list; a file without an email column says so.
    const plain = await inviteFromCsv(t.db, adminA, `${fresh()}\n${fresh()}\n`, {}, mail());
    expect(plain.invited).toHaveLength(2);
    const headerless = await appErrorOf(inviteFromCsv(t.db, adminA, "name,team\nAna,Support Team\n", {}));
    expect(headerless.details?.fieldErrors?.file?.[0]).toMatch(/No column holds email/);
  });

  it("limits roles: managers invite members and viewers, admins any role but owner; members and viewers cannot invite", async () => {
    expect((await appErrorOf(inviteFromList(t.db, managerA, { emails: fresh(), role: "ADMIN" }))).status).toBe(403);
    expect((await appErrorOf(inviteFromList(t.db, managerA, { emails: fresh(), role: "MANAGER" }))).status).toBe(403);
    expect((await appErrorOf(inviteFromList(t.db, adminA, { emails: fresh(), role: "OWNER" }))).status).toBe(400);
    expect((await appErrorOf(inviteFromList(t.db, memberA, { emails: fresh() }))).status).toBe(403);
    const viewer = await createUser(t.db);
    await addMembership(t.db, a.organizationId, viewer.id, Role.VIEWER);
    const viewerA = (await loadTenantContext(t.db, viewer.id, a.organizationId))!;
    expect((await appErrorOf(inviteFromList(t.db, viewerA, { emails: fresh(), role: "VIEWER" }))).status).toBe(403);

    const admins = await inviteFromList(t.db, adminA, { emails: fresh(), role: "ADMIN" }, mail());
    expect(admins.invited[0]!.role).toBe("ADMIN");
    // …and a manager can neither resend nor revoke an admin's invitation.
    expect((await appErrorOf(resendInvitation(t.db, managerA, admins.invited[0]!.id, mail()))).status).toBe(403);
    expect((await appErrorOf(revokeInvitation(t.db, managerA, admins.invited[0]!.id))).status).toBe(403);
  });

  it("accepts only this organization's active teams", async () => {
    const archived = await createTeam(t.db, a.organizationId, { archivedAt: new Date() });
    for (const teamIds of [[b.teamId], [archived.id]]) {
      const err = await appErrorOf(inviteFromList(t.db, adminA, { emails: fresh(), teamIds }));
      expect(err.details?.fieldErrors).toEqual({ teamIds: ["Choose teams of this organization that are not archived."] });
    }
  });

  it("a new person sets a name and password and joins with the role and teams, in one go; the link then never works again", async () => {
    const to = fresh("newcomer");
    await inviteFromList(t.db, managerA, { emails: to, role: "MEMBER", teamIds: [a.teamId, secondTeamA] }, mail());
    const token = tokenMailedTo(to);
    const landing = await invitationByToken(t.db, token);
    expect(landing).toMatchObject({ state: "pending", organizationName: "Acme Care", email: to, role: "MEMBER", accountExists: false, teamNames: ["Night Shift", "Support Team"] });

    // A weak password is refused and nothing is written.
    const weak = await appErrorOf(acceptAsNewPerson(t.db, token, { name: "Nia New", password: "password1234" }));
    expect(weak.details?.fieldErrors?.password).toEqual(["This password is one of the most common: choose another."]);
    expect(await t.db.user.count({ where: { email: to } })).toBe(0);

    const joined = await acceptAsNewPerson(t.db, token, { name: "Nia New", password: STRONG });
    expect(joined).toMatchObject({ organizationId: a.organizationId, user: { name: "Nia New", email: to } });
    const ctx = await loadTenantContext(t.db, joined.user.id, a.organizationId);
    expect(ctx?.role).toBe("MEMBER");
    const teams = await t.db.teamMember.findMany({ where: { userId: joined.user.id }, select: { teamId: true, organizationId: true } });
    expect(teams.map((m) => m.teamId).sort()).toEqual([a.teamId, secondTeamA].sort());
    expect(await t.db.membership.count({ where: { userId: joined.user.id } })).toBe(1);
    const row = await t.db.invitation.findFirstOrThrow({ where: { email: to } });
    expect(row).toMatchObject({ status: "ACCEPTED", acceptedById: joined.user.id });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: row.id, action: "invitation.accept" } });
    expect(audit.actorId).toBe(joined.user.id);

    // Single use: a second acceptance (new person or signed in) is refused, and the page says so.
    expect((await appErrorOf(acceptAsNewPerson(t.db, token, { name: "Again", password: STRONG }))).message).toMatch(/already used/);
    expect((await appErrorOf(acceptAsSignedIn(t.db, token, joined.user))).status).toBe(409);
    expect(await invitationByToken(t.db, token)).toMatchObject({ state: "accepted" });
    expect(await invitationByToken(t.db, "x".repeat(43))).toEqual({ state: "unknown" });
    expect(await invitationByToken(t.db, "../../etc")).toEqual({ state: "unknown" });
  });

  it("a link works for 7 days after it was sent, no longer; resending gives a new week", async () => {
    const start = new Date("2031-03-03T09:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const to = fresh();
    const { invited } = await inviteFromList(t.db, adminA, { emails: to }, mail());
    const token = tokenMailedTo(to);
    vi.setSystemTime(start.getTime() + 7 * DAY - 1000);
    expect(await invitationByToken(t.db, token)).toMatchObject({ state: "pending" });
    vi.setSystemTime(start.getTime() + 7 * DAY);
    expect(await invitationByToken(t.db, token)).toMatchObject({ state: "expired", organizationName: "Acme Care" });
    expect((await appErrorOf(acceptAsNewPerson(t.db, token, { name: "Late", password: STRONG }))).message).toMatch(/expired/);

    const again = await resendInvitation(t.db, adminA, invited[0]!.id, mail());
    expect(again).toMatchObject({ status: "pending", sendCount: 2, expiresAt: new Date(start.getTime() + 14 * DAY).toISOString() });
    expect(await invitationByToken(t.db, token)).toEqual({ state: "unknown" });
    const joined = await acceptAsNewPerson(t.db, tokenMailedTo(to), { name: "On Time", password: STRONG });
    expect(joined.organizationId).toBe(a.organizationId);
  });

  it("revoking kills the link; another organization cannot see, resend or revoke it", async () => {
    const to = fresh();
    const { invited } = await inviteFromList(t.db, managerA, { emails: to }, mail());
    const id = invited[0]!.id;
    const token = tokenMailedTo(to);
    expect((await appErrorOf(revokeInvitation(t.db, managerB, id))).status).toBe(404);
    expect((await appErrorOf(resendInvitation(t.db, managerB, id, mail()))).status).toBe(404);
    expect((await appErrorOf(revokeInvitation(t.db, memberA, id))).status).toBe(403);

    expect(await revokeInvitation(t.db, managerA, id)).toMatchObject({ status: "revoked" });
    expect(await revokeInvitation(t.db, managerA, id)).toMatchObject({ status: "revoked" });
    expect(await invitationByToken(t.db, token)).toMatchObject({ state: "revoked" });
    expect((await appErrorOf(acceptAsNewPerson(t.db, token, { name: "Too Late", password: STRONG }))).message).toMatch(/withdrawn/);
    expect((await appErrorOf(resendInvitation(t.db, managerA, id, mail()))).status).toBe(409);
    const actions = await t.db.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((e) => e.action)).toEqual(["invitation.create", "invitation.revoke"]);
  });

  it("an invitation of A grants A only, whoever accepts it", async () => {
    // B's manager is invited to A: accepting makes them a member of A, and changes nothing in B.
    await inviteFromList(t.db, adminA, { emails: b.manager.email, role: "VIEWER", teamIds: [a.teamId] }, mail());
    const joined = await acceptAsSignedIn(t.db, tokenMailedTo(b.manager.email), { id: b.manager.id, name: b.manager.name, email: b.manager.email });
    expect(joined.organizationId).toBe(a.organizationId);
    expect((await loadTenantContext(t.db, b.manager.id, a.organizationId))?.role).toBe("VIEWER");
    expect((await loadTenantContext(t.db, b.manager.id, b.organizationId))?.role).toBe("MANAGER");
    expect(await t.db.teamMember.count({ where: { organizationId: b.organizationId, userId: b.manager.id } })).toBe(1);
    // A's team ids in an invitation row cannot pull anyone into B's teams: joining reads teams of the invitation's organization only.
    const { invited } = await inviteFromList(t.db, adminA, { emails: b.member.email }, mail());
    await t.db.invitation.update({ where: { organizationId_id: { organizationId: a.organizationId, id: invited[0]!.id } }, data: { teamIds: [b.teamId] } });
    await acceptAsSignedIn(t.db, tokenMailedTo(b.member.email), { id: b.member.id, name: b.member.name, email: b.member.email });
    expect(await t.db.teamMember.count({ where: { userId: b.member.id } })).toBe(1);
    expect((await loadTenantContext(t.db, b.member.id, a.organizationId))?.role).toBe("MEMBER");
  });

  it("an existing user joins with one click when signed in with the invited address, not with another", async () => {
    const person = await createUser(t.db, { email: fresh("existing") });
    await inviteFromList(t.db, adminA, { emails: person.email, teamIds: [secondTeamA] }, mail());
    const token = tokenMailedTo(person.email);
    expect(await invitationByToken(t.db, token)).toMatchObject({ state: "pending", accountExists: true });

    // Someone else's session cannot use it, and the link stays good.
    const other = await appErrorOf(acceptAsSignedIn(t.db, token, { id: a.member.id, name: a.member.name, email: a.member.email }));
    expect(other.status).toBe(403);
    expect(other.message).toContain(`This invitation is for ${person.email}`);
    // Nor can a new account be made for an address that has one.
    expect((await appErrorOf(acceptAsNewPerson(t.db, token, { name: "Impostor", password: STRONG }))).details?.reason).toBe("account_exists");
    expect(await invitationByToken(t.db, token)).toMatchObject({ state: "pending" });

    const joined = await acceptAsSignedIn(t.db, token, person);
    expect(joined.teamIds).toEqual([secondTeamA]);
    expect((await loadTenantContext(t.db, person.id, a.organizationId))?.role).toBe("MEMBER");
  });

  it("restores a removed member; a deactivated member must be reactivated by an admin instead", async () => {
    const removed = await createUser(t.db, { email: fresh("removed") });
    await t.db.membership.create({ data: { organizationId: a.organizationId, userId: removed.id, role: "MANAGER", removedAt: new Date() } });
    const inv = await inviteFromList(t.db, adminA, { emails: removed.email, role: "MEMBER" }, mail());
    expect(inv.invited).toHaveLength(1);
    await acceptAsSignedIn(t.db, tokenMailedTo(removed.email), removed);
    expect(await t.db.membership.findUniqueOrThrow({ where: { organizationId_userId: { organizationId: a.organizationId, userId: removed.id } } })).toMatchObject({
      removedAt: null,
      role: "MEMBER",
    });

    const deactivated = await createUser(t.db, { email: fresh("deactivated") });
    await t.db.membership.create({ data: { organizationId: a.organizationId, userId: deactivated.id, deactivatedAt: new Date() } });
    const result = await inviteFromList(t.db, adminA, { emails: deactivated.email }, mail());
    expect(result).toMatchObject({ invited: [], alreadyMembers: [deactivated.email] });
    // An invitation sent before the deactivation does not undo it.
    await t.db.invitation.create({
      data: { organizationId: a.organizationId, email: deactivated.email, tokenHash: "f".repeat(64), expiresAt: new Date(Date.now() + DAY) },
    });
    const row = await t.db.invitation.findFirstOrThrow({ where: { email: deactivated.email } });
    await resendInvitation(t.db, adminA, row.id, mail());
    const token = tokenMailedTo(deactivated.email);
    const err = await appErrorOf(acceptAsSignedIn(t.db, token, deactivated));
    expect(err.message).toMatch(/deactivated/);
    expect((await t.db.membership.findFirstOrThrow({ where: { userId: deactivated.id } })).deactivatedAt).not.toBeNull();
    expect(await invitationByToken(t.db, token)).toMatchObject({ state: "pending" });
  });

  it("someone already in the organization who accepts keeps their role and joins the teams", async () => {
    const m = await createUser(t.db, { email: fresh("member") });
    await addMembership(t.db, a.organizationId, m.id, Role.MANAGER);
    await addTeamMember(t.db, a.organizationId, a.teamId, m.id);
    // Invited while not yet a member (a race with another admin adding them).
    await t.db.invitation.create({
      data: { organizationId: a.organizationId, email: m.email, tokenHash: "e".repeat(64), teamIds: [a.teamId, secondTeamA], expiresAt: new Date(Date.now() + DAY) },
    });
    const row = await t.db.invitation.findFirstOrThrow({ where: { email: m.email } });
    await resendInvitation(t.db, adminA, row.id, mail());
    await acceptAsSignedIn(t.db, tokenMailedTo(m.email), m);
    expect((await loadTenantContext(t.db, m.id, a.organizationId))?.role).toBe("MANAGER");
    expect(await t.db.teamMember.count({ where: { userId: m.id } })).toBe(2);
  });
});

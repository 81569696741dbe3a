// Sign-up and the setup wizard: an organization and its owner created together or not at all,
// field messages, an answer that never reveals whether an email has an account, invite-only
// instances (but for their very first owner), and a wizard that remembers where it stopped.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealSignUp } from "@/lib/auth/signUpLink";
import { verifyPassword } from "@/lib/auth/password";
import { loadTenantContext } from "@/lib/auth/loadContext";
import type { TenantContext } from "@/lib/auth/tenant";
import { LEAD_TEMPLATES } from "@/lib/domain/templates";
import { addMembership, createOrganization, createUser, DEFAULT_PASSWORD } from "@/lib/seed/factories";
import { createLeadMeasure } from "@/lib/services/measures";
import { finishSetup, saveSetupStep, setupTeams } from "@/lib/services/setup";
import { setupPending, setupWizard } from "@/lib/views/setup";
import { confirmSignUp, createOrganizationFor, pendingSignUp, signUp, signUpAvailability, slugify } from "@/lib/services/signup";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { appErrorOf } from "../helpers/context";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtpServer";

const PASSWORD = "violet-harbour-lantern-42";

const form = (over: Record<string, unknown> = {}) => ({
  name: "Dana Reyes",
  email: "dana@acme-care.test",
  password: PASSWORD,
  organizationName: "Acme Care",
  timeZone: "Europe/Madrid",
  weekStartsOn: "1",
  currency: "eur",
  locale: "es-ES",
  ...over,
});

/** Everything an organization holds besides its owner and the audit of its creation. */
async function contentOf(db: TestDb["db"], organizationId: string) {
  const where = { organizationId };
  const [teams, lead, lag, entries, observations, programs] = await Promise.all([
    db.team.count({ where }),
    db.leadMeasure.count({ where }),
    db.lagMeasure.count({ where }),
    db.leadEntry.count({ where }),
    db.lagObservation.count({ where }),
    db.program.count({ where }),
  ]);
  return { teams, lead, lag, entries, observations, programs };
}

const EMPTY = { teams: 0, lead: 0, lag: 0, entries: 0, observations: 0, programs: 0 };

describe.each(testDbKinds())("signing up [%s]", (kind) => {
  let t: TestDb;
  let smtp: TestSmtpServer;
  const mail = () => ({ smtpUrl: smtp.url });

  beforeAll(async () => {
    [t, smtp] = await Promise.all([createTestDb(kind), startSmtpServer()]);
  });
  afterAll(async () => {
    await Promise.all([t?.close(), smtp?.close()]);
  });

  it("makes the very first person on an empty instance its owner at once, even when sign-up is invite-only", async () => {
    expect(await signUpAvailability(t.db, "invite-only")).toBe("first-owner");
    const result = await signUp(t.db, form({ email: "First.Owner@Acme-Care.test" }), { mode: "invite-only" }, mail());
    expect(result.kind).toBe("created");
    if (result.kind !== "created") return;
    expect(result.user.email).toBe("first.owner@acme-care.test");
    const org = await t.db.organization.findUniqueOrThrow({ where: { id: result.organizationId } });
    expect(org).toMatchObject({ name: "Acme Care", slug: "acme-care", timeZone: "Europe/Madrid", weekStartsOn: 1, currency: "EUR", locale: "es-ES" });
    // The wizard is offered, and the organization starts empty: no demo data.
    expect(org).toMatchObject({ setupStep: "teams", setupCompletedAt: null });
    expect(await contentOf(t.db, org.id)).toEqual(EMPTY);
    const membership = await t.db.membership.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(membership).toMatchObject({ userId: result.user.id, role: "OWNER" });
    const audit = await t.db.auditEvent.findMany({ where: { organizationId: org.id } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["organization.create", result.user.id]]);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: result.user.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
  });

  it("refuses invite-only sign-up once the instance has people", async () => {
    expect(await signUpAvailability(t.db, "invite-only")).toBe("invite-only");
    const before = await t.db.organization.count();
    const err = await appErrorOf(signUp(t.db, form({ email: "stranger@elsewhere.test" }), { mode: "invite-only" }, mail()));
    expect(err.status).toBe(403);
    expect(err.message).toMatch(/Ask an admin of your organization for an invitation/);
    expect(await t.db.organization.count()).toBe(before);
    expect(await t.db.user.count({ where: { email: "stranger@elsewhere.test" } })).toBe(0);
  });

  it("says what is wrong with each field, with the server's password rules", async () => {
    const fields = async (over: Record<string, unknown>) =>
      (await appErrorOf(signUp(t.db, form(over), { mode: "open" }, mail()))).details?.fieldErrors ?? {};
    expect(await fields({ password: "short-one" })).toEqual({ password: ["Use at least 12 characters."] });
    expect(await fields({ password: "password1234" })).toEqual({ password: ["This password is one of the most common: choose another."] });
    expect(await fields({ password: "reyes-rules-the-queue" })).toEqual({ password: ["Don't use your name, email or organization in your password."] });
    expect(await fields({ password: "acme-care-forever-2026" })).toEqual({ password: ["Don't use your name, email or organization in your password."] });
    expect(await fields({ email: "dana@", organizationName: "  ", name: "" })).toEqual({
      email: ["Enter an email address such as ana@example.com."],
      organizationName: ["Give your organization a name."],
      name: ["Enter your name."],
    });
    expect(Object.keys(await fields({ timeZone: "Mars/Olympus", currency: "EURO", weekStartsOn: "3" })).sort()).toEqual([
      "currency",
      "timeZone",
      "weekStartsOn",
    ]);
  });

  it("creates nothing until the email is confirmed, then the organization and its owner together, once", async () => {
    const result = await signUp(t.db, form({ email: "sam@bright-desk.test", name: "Sam Okafor", organizationName: "Bright Desk" }), { mode: "open" }, mail());
    expect(result).toEqual({ kind: "check-email", email: "sam@bright-desk.test" });
    expect(await t.db.user.count({ where: { email: "sam@bright-desk.test" } })).toBe(0);
    expect(await t.db.organization.count({ where: { name: "Bright Desk" } })).toBe(0);

    const message = await smtp.waitFor("sam@bright-desk.test", { subject: /Confirm your email/ });
    const link = message.links.find((l) => l.includes("/sign-up/confirm?token="))!;
    const token = decodeURIComponent(new URL(link).searchParams.get("token")!);
    expect(message.text).not.toContain(PASSWORD);
    expect(pendingSignUp(token)).toEqual({ name: "Sam Okafor", email: "sam@bright-desk.test", organizationName: "Bright Desk" });

    const { user, organizationId } = await confirmSignUp(t.db, token);
    expect(user).toMatchObject({ name: "Sam Okafor", email: "sam@bright-desk.test" });
    expect(await t.db.membership.findFirst({ where: { organizationId, userId: user.id } })).toMatchObject({ role: "OWNER" });
    expect(await contentOf(t.db, organizationId)).toEqual(EMPTY);

    // A link works once: the second click creates no second organization.
    const again = await appErrorOf(confirmSignUp(t.db, token));
    expect(again.message).toMatch(/already been used/);
    expect(await t.db.organization.count({ where: { name: "Bright Desk" } })).toBe(1);
  });

  it("answers an email that already has an account exactly as a new one, and tells its owner by email", async () => {
    const existing = await createUser(t.db, { email: "lee@taken.test", name: "Lee Park" });
    const orgsBefore = await t.db.organization.count();
    const answer = await signUp(t.db, form({ email: "LEE@taken.test", organizationName: "Hijack Inc" }), { mode: "open" }, mail());
    const fresh = await signUp(t.db, form({ email: "new@untaken.test", organizationName: "Hijack Inc" }), { mode: "open" }, mail());
    // The same kind of answer; the address is the one typed in, nothing more.
    expect(answer).toEqual({ kind: "check-email", email: "lee@taken.test" });
    expect(Object.keys(answer)).toEqual(Object.keys(fresh));
    expect(await t.db.organization.count()).toBe(orgsBefore);

    const message = await smtp.waitFor("lee@taken.test");
    expect(message.subject).toBe("You already have a Leadlag account");
    expect(message.text).toContain("nothing was created");
    expect(message.links.some((l) => l.endsWith("/sign-in"))).toBe(true);
    expect(message.links.some((l) => l.includes("/sign-up/confirm"))).toBe(false);
    // Their password and memberships are untouched.
    const after = await t.db.user.findUniqueOrThrow({ where: { id: existing.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(after.passwordHash!, DEFAULT_PASSWORD)).toBe(true);
    expect(await t.db.membership.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("leaves nothing behind when the transaction fails midway (the address got an account before the link was opened)", async () => {
    const token = sealSignUp({
      name: "Kim Lu",
      email: "kim@race.test",
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
      organizationName: "Race Condition Ltd",
      timeZone: "UTC",
      weekStartsOn: 1,
      currency: "USD",
      locale: "en-US",
      expiresAt: Date.now() + 3_600_000,
    });
    await createUser(t.db, { email: "kim@race.test" });
    const err = await appErrorOf(confirmSignUp(t.db, token));
    expect(err.status).toBe(409);
    // The organization row was written before the user failed: the rollback took it back.
    expect(await t.db.organization.count({ where: { name: "Race Condition Ltd" } })).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "organization.create", entityType: "Organization", after: { path: ["name"], equals: "Race Condition Ltd" } } })).toBe(0);
  });

  it("refuses an altered or expired link with a clear message", async () => {
    const pending = {
      name: "Old Link",
      email: "old@link.test",
      passwordHash: "x",
      organizationName: "Old Link Co",
      timeZone: "UTC",
      weekStartsOn: 1,
      currency: "USD",
      locale: "en-US",
    };
    const expired = sealSignUp({ ...pending, expiresAt: Date.now() - 1 });
    expect((await appErrorOf(confirmSignUp(t.db, expired))).message).toMatch(/not valid or has expired/);
    const good = sealSignUp({ ...pending, expiresAt: Date.now() + 60_000 });
    const altered = good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect((await appErrorOf(confirmSignUp(t.db, altered))).status).toBe(404);
    expect(await t.db.user.count({ where: { email: "old@link.test" } })).toBe(0);
  });

  it("gives each organization a unique slug, and lets a signed-in person create another one they own", async () => {
    expect(slugify("  Ñandú Soporte, S.A. ")).toBe("nandu-soporte-s-a");
    expect(slugify("!!!")).toBe("organization");
    const owner = await createUser(t.db, { email: "multi@orgs.test" });
    const a = await createOrganizationFor(t.db, owner, { organizationName: "Acme Care", timeZone: "UTC", weekStartsOn: "0", currency: "USD", locale: "en-US" });
    const b = await createOrganizationFor(t.db, owner, { organizationName: "Acme Care", timeZone: "UTC", weekStartsOn: "0", currency: "USD", locale: "en-US" });
    const slugs = await t.db.organization.findMany({ where: { id: { in: [a.organizationId, b.organizationId] } }, select: { slug: true } });
    // "acme-care" went to the first owner's organization in the first test.
    expect(slugs.map((s) => s.slug).sort()).toEqual(["acme-care-2", "acme-care-3"]);
    expect(await t.db.membership.count({ where: { userId: owner.id, role: "OWNER" } })).toBe(2);
    const err = await appErrorOf(createOrganizationFor(t.db, owner, { organizationName: "", timeZone: "UTC", weekStartsOn: "1", currency: "USD", locale: "en-US" }));
    expect(err.details?.fieldErrors).toEqual({ organizationName: ["Give your organization a name."] });
  });
});

describe.each(testDbKinds())("the setup wizard [%s]", (kind) => {
  let t: TestDb;
  let owner: TenantContext;
  let manager: TenantContext;

  beforeAll(async () => {
    t = await createTestDb(kind);
    const org = await createOrganization(t.db, { setupStep: "teams", setupCompletedAt: null });
    const [o, m] = await Promise.all([createUser(t.db, { email: "owner@wizard.test" }), createUser(t.db, { email: "manager@wizard.test" })]);
    await addMembership(t.db, org.id, o.id, "OWNER");
    await addMembership(t.db, org.id, m.id, "MANAGER");
    owner = (await loadTenantContext(t.db, o.id, org.id))!;
    manager = (await loadTenantContext(t.db, m.id, org.id))!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("is offered to a new organization's admins only, and starts at the teams", async () => {
    expect(await setupPending(t.db, owner.organizationId)).toBe(true);
    expect((await setupWizard(t.db, owner)).step).toBe("teams");
    expect((await appErrorOf(setupWizard(t.db, manager))).status).toBe(403);
    expect((await appErrorOf(setupTeams(t.db, manager, { names: "Sneaky" }))).status).toBe(403);
  });

  it("needs at least one team, refuses a taken name, and puts the owner on the new teams as their lead", async () => {
    expect((await appErrorOf(setupTeams(t.db, owner, { names: " \n ", joinAsLead: "on" }))).details?.fieldErrors).toEqual({
      names: ["Add at least one team."],
    });
    const created = await setupTeams(t.db, owner, { names: "Tier 1 Support\r\nBilling Care\n\nTier 1 Support", joinAsLead: "on" });
    expect(created.map((c) => c.name)).toEqual(["Tier 1 Support", "Billing Care"]);
    const leads = await t.db.teamMember.findMany({ where: { organizationId: owner.organizationId, userId: owner.userId } });
    expect(leads.map((l) => l.isLead)).toEqual([true, true]);
    expect((await appErrorOf(setupTeams(t.db, owner, { names: "tier 1 support\nEscalations" }))).details?.fieldErrors).toEqual({
      names: ["Already a team: tier 1 support."],
    });
    expect(await t.db.team.count({ where: { organizationId: owner.organizationId } })).toBe(2);
  });

  it("remembers the step it reached, so it resumes there", async () => {
    // setupTeams moved it on to the lead measures.
    const wizard = await setupWizard(t.db, owner);
    expect(wizard.step).toBe("lead");
    const template = LEAD_TEMPLATES.find((x) => x.name === "Follow-up calls")!;
    await createLeadMeasure(t.db, owner, {
      name: template.name,
      description: template.description,
      unit: template.unit,
      aggregation: template.aggregation,
      ownerIds: [],
      targets: [{ teamId: wizard.teams[0]!.id, weeklyTarget: "25", personWeeklyTarget: "5" }],
    });
    await saveSetupStep(t.db, owner, "lag");
    const resumed = await setupWizard(t.db, owner);
    expect(resumed.step).toBe("lag");
    expect(resumed.lead.map((m) => m.name)).toEqual(["Follow-up calls"]);
    expect(resumed.leadTemplates.map((x) => x.name)).not.toContain("Follow-up calls");
    expect((await appErrorOf(saveSetupStep(t.db, owner, "everything"))).status).toBe(400);
  });

  it("can be skipped; it is then no longer offered, and the skip is audited", async () => {
    const { firstTeamId } = await finishSetup(t.db, owner, "skip");
    const first = await t.db.team.findFirstOrThrow({ where: { organizationId: owner.organizationId, name: "Tier 1 Support" } });
    expect(firstTeamId).toBe(first.id);
    expect(await setupPending(t.db, owner.organizationId)).toBe(false);
    const org = await t.db.organization.findUniqueOrThrow({ where: { id: owner.organizationId } });
    expect(org.setupStep).toBe("done");
    expect(org.setupCompletedAt).not.toBeNull();
    expect(await t.db.auditEvent.count({ where: { organizationId: owner.organizationId, action: "organization.setup_skip" } })).toBe(1);
    // Finishing again changes nothing and audits nothing more.
    await finishSetup(t.db, owner, "finish");
    expect(await t.db.auditEvent.count({ where: { organizationId: owner.organizationId, action: { startsWith: "organization.setup" } } })).toBe(1);
  });
});

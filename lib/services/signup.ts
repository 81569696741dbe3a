import "server-only";
// Sign-up: a new organization with the person who signs up as its owner, created in one
// transaction (organization, user, membership, audit event: all or nothing).
//
// No answer reveals whether an email already has an account. Every sign-up gets the same answer,
// "check your email", and the address gets a message: a link that creates the organization (a new
// address) or a note that someone tried to sign up with an address that already has an account,
// with links to sign in and to reset the password (an existing one). The only exception is the
// very first person on an empty instance, who becomes its owner at once: there is no account to
// reveal, and no administrator who could read the outbox yet.
import { Prisma } from "@/lib/generated/prisma/client";
import { openSignUp, sealSignUp, type PendingSignUp } from "@/lib/auth/signUpLink";
import { hashPassword } from "@/lib/auth/password";
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { composeEmail } from "@/lib/email/message";
import { appOrigin, env } from "@/lib/env";
import { AppError, parseOrThrow } from "@/lib/errors";
import { newOrganizationSchema, signUpSchema, type NewOrganizationInput } from "@/lib/schemas/signup";
import { passwordProblem, strongPasswordSchema } from "@/lib/schemas/passwordStrength";
import { recordAudit } from "./audit";
import { sendEmail, type SendOptions } from "./email";

type Tx = Prisma.TransactionClient;
type Person = { id: string; name: string; email: string };
type OrgSettingsInput = Omit<NewOrganizationInput, "weekStartsOn"> & { weekStartsOn: number };

export type SignUpMode = "open" | "invite-only";
/** Who may sign up now: anyone, only the first owner of an empty instance, or nobody (invitations only). */
export type SignUpAvailability = "open" | "first-owner" | "invite-only";

export const SIGN_UP_LINK_HOURS = 24;

/** Words a password must not contain: the person's name (and each part of it), email, organization. */
function personalWords(v: { name: string; email: string; organizationName: string }): string[] {
  return [v.name, ...v.name.split(/\s+/), v.email, v.organizationName, ...v.organizationName.split(/\s+/)];
}

const signUpServerSchema = signUpSchema.extend({ password: strongPasswordSchema }).superRefine((v, ctx) => {
  // Length and common passwords are strongPasswordSchema's to say; this adds the personal words.
  if (passwordProblem(v.password) !== null) return;
  const problem = passwordProblem(v.password, personalWords(v));
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
});

export async function instanceIsEmpty(db: Db | Tx): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export async function signUpAvailability(db: Db, mode: SignUpMode = env().LEADLAG_SIGNUP): Promise<SignUpAvailability> {
  if (await instanceIsEmpty(db)) return "first-owner";
  return mode === "open" ? "open" : "invite-only";
}

const inviteOnly = () =>
  new AppError("forbidden", "Sign-up is by invitation on this Leadlag. Ask an admin of your organization for an invitation.");

/** "Northwind Support, Inc." → "northwind-support-inc". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return slug || "organization";
}

/** The slug, or the slug with the first free number after it. */
async function freeSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set((await tx.organization.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((o) => o.slug));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

const isUniqueViolation = (err: unknown, field?: string) =>
  err instanceof Prisma.PrismaClientKnownRequestError &&
  err.code === "P2002" &&
  (!field || JSON.stringify(err.meta ?? {}).includes(field));

/** A new organization row, offered the setup wizard (setupCompletedAt stays null). */
function createOrganizationRow(tx: Tx, input: OrgSettingsInput, slug: string) {
  return tx.organization.create({
    data: {
      name: input.organizationName,
      slug,
      timeZone: input.timeZone,
      weekStartsOn: input.weekStartsOn,
      currency: input.currency,
      locale: input.locale,
      setupStep: "teams",
    },
  });
}

/** `owner` becomes the organization's OWNER; the creation is audited as theirs. */
async function addOwner(tx: Tx, org: Awaited<ReturnType<typeof createOrganizationRow>>, owner: { id: string }): Promise<void> {
  await tx.membership.create({ data: { organizationId: org.id, userId: owner.id, role: "OWNER" } });
  await recordAudit(tx, { organizationId: org.id, userId: owner.id }, {
    action: "organization.create",
    entityType: "Organization",
    entityId: org.id,
    after: { name: org.name, slug: org.slug, timeZone: org.timeZone, weekStartsOn: org.weekStartsOn, currency: org.currency, locale: org.locale },
  });
}

/** The user and their organization, in one transaction. A unique slug that raced is retried once. */
async function createOwnerAndOrganization(
  db: Db,
  p: Omit<PendingSignUp, "expiresAt">,
  opts: { onlyIfEmpty?: boolean } = {},
): Promise<{ user: Person; organizationId: string } | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        if (opts.onlyIfEmpty) {
          // Two first visitors at once: one becomes the owner, the other signs up as anyone would.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('leadlag:first-owner'))`;
          if (!(await instanceIsEmpty(tx))) return null;
        }
        // The organization first: if the user cannot be created (the address got an account
        // meanwhile), the transaction takes the organization back with it.
        const org = await createOrganizationRow(tx, p, await freeSlug(tx, p.organizationName));
        const user = await tx.user.create({
          data: { name: p.name, email: p.email, passwordHash: p.passwordHash, passwordChangedAt: clock.now() },
          select: { id: true, name: true, email: true },
        });
        await addOwner(tx, org, user);
        return { user, organizationId: org.id };
      });
    } catch (err) {
      if (isUniqueViolation(err, "email")) {
        throw new AppError("conflict", "This sign-up link has already been used. Sign in with your email and password.");
      }
      if (isUniqueViolation(err, "slug") && attempt === 0) continue;
      throw err;
    }
  }
}

export type SignUpResult = { kind: "created"; user: Person; organizationId: string } | { kind: "check-email"; email: string };

/**
 * A visitor's sign-up. On an empty instance the first person becomes the owner at once
 * ("created"); otherwise the answer is "check-email" whether or not the address has an account.
 */
export async function signUp(db: Db, raw: unknown, opts: { mode?: SignUpMode } = {}, mail?: SendOptions): Promise<SignUpResult> {
  const input = parseOrThrow(signUpServerSchema, raw);
  const mode = opts.mode ?? env().LEADLAG_SIGNUP;
  // Hashed in every case, so an existing address takes as long to answer as a new one.
  const passwordHash = await hashPassword(input.password);
  const pending = {
    name: input.name,
    email: input.email,
    passwordHash,
    organizationName: input.organizationName,
    timeZone: input.timeZone,
    weekStartsOn: input.weekStartsOn,
    currency: input.currency,
    locale: input.locale,
  };
  if (await instanceIsEmpty(db)) {
    const created = await createOwnerAndOrganization(db, pending, { onlyIfEmpty: true });
    if (created) return { kind: "created", ...created };
  }
  if (mode === "invite-only") throw inviteOnly();

  const origin = appOrigin();
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await sendEmail(
      db,
      null,
      composeEmail({
        kind: "sign-up-existing",
        to: input.email,
        subject: "You already have a Leadlag account",
        paragraphs: [
          `Someone — probably you — tried to sign up to Leadlag with this email address to create "${input.organizationName}". This address already has an account, so nothing was created.`,
          "Sign in with your password. Once signed in, you can create another organization from the home page. Forgot your password? Choose a new one from the sign-in page.",
        ],
        action: { label: "Sign in", url: `${origin}/sign-in` },
        footer: [`Forgot your password: ${origin}/forgot-password`, "If this wasn't you, you can ignore this email: your account has not changed."],
      }),
      mail,
    );
  } else {
    const token = sealSignUp({ ...pending, expiresAt: clock.now().getTime() + SIGN_UP_LINK_HOURS * 3_600_000 });
    await sendEmail(
      db,
      null,
      composeEmail({
        kind: "sign-up-confirm",
        to: input.email,
        subject: `Confirm your email to create ${input.organizationName} on Leadlag`,
        paragraphs: [`Hello ${input.name},`, `Confirm this is your email address to create "${input.organizationName}" on Leadlag, with you as its owner.`],
        action: { label: "Confirm and create the organization", url: `${origin}/sign-up/confirm?token=${encodeURIComponent(token)}` },
        footer: [`The link works for ${SIGN_UP_LINK_HOURS} hours. If you did not sign up, ignore this email: nothing is created until the link is opened.`],
      }),
      mail,
    );
  }
  return { kind: "check-email", email: input.email };
}

const expiredLink = () => new AppError("not_found", "This sign-up link is not valid or has expired. Sign up again to get a new one.");

/** What a confirmation link would create, for the page that asks to confirm; refuses a bad or expired link. */
export function pendingSignUp(token: string): Pick<PendingSignUp, "name" | "email" | "organizationName"> {
  const p = openSignUp(token);
  if (!p || p.expiresAt <= clock.now().getTime()) throw expiredLink();
  return { name: p.name, email: p.email, organizationName: p.organizationName };
}

/** Opens a confirmation link: the user and the organization, created together. A link works once. */
export async function confirmSignUp(db: Db, token: string): Promise<{ user: Person; organizationId: string }> {
  const p = openSignUp(token);
  if (!p || p.expiresAt <= clock.now().getTime()) throw expiredLink();
  const { expiresAt: _expiresAt, ...pending } = p;
  return (await createOwnerAndOrganization(db, pending))!;
}

/** A signed-in person creates another organization, which they own. */
export async function createOrganizationFor(db: Db, owner: { id: string }, raw: unknown): Promise<{ organizationId: string }> {
  const input = parseOrThrow(newOrganizationSchema, raw);
  for (let attempt = 0; ; attempt++) {
    try {
      const org = await db.$transaction(async (tx) => {
        const created = await createOrganizationRow(tx, input, await freeSlug(tx, input.organizationName));
        await addOwner(tx, created, owner);
        return created;
      });
      return { organizationId: org.id };
    } catch (err) {
      if (isUniqueViolation(err, "slug") && attempt === 0) continue;
      throw err;
    }
  }
}

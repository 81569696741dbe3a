// Isolation: every route handler, page and server action — found in the source tree, so a new
// one without a case here fails the suite — called by someone who must not reach organization A:
// an anonymous visitor (401 / sign-in / refusal), organization B's owner and member (with an
// organization cookie forged to name A) and B's API token naming A's ids (404 — 403 for B's
// member where the role is refused first — or B's own data only), and a lower role in A (403). No answer shows any of A's
// names or ids (beyond those the caller sent), and a fingerprint of every row A owns is the same
// after each call. In-process, as Next calls them; next-auth's session lookup is the only stand-in.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789abcdef";
  // next.config.ts turns on `experimental.authInterrupts`; forbidden() checks this flag.
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});

// Whoever `signedIn.userId` names is signed in (a real UserSession row each, started once).
// The organization cookie (lib/auth/context.ts ORG_COOKIE) says `signedIn.orgCookie`: B's owner
// always sends one naming A, as a forged cookie would.
const signedIn = vi.hoisted(() => ({ userId: null as string | null, orgCookie: null as string | null, sessions: new Map<string, unknown>() }));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof import("next-auth")>()),
  getServerSession: async () => {
    const id = signedIn.userId;
    if (!id) return null;
    if (!signedIn.sessions.has(id)) signedIn.sessions.set(id, await (await import("@/tests/helpers/sessionMock")).serverSessionOf(id));
    return signedIn.sessions.get(id);
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "leadlag-org" && signedIn.orgCookie ? { name, value: signedIn.orgCookie } : undefined),
    getAll: () => [],
    has: () => false,
    set: () => {},
    delete: () => {},
  }),
  headers: async () => new Headers({ "user-agent": "isolation-suite" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// Client components rendered outside Next's router get an inert one.
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ push: () => {}, replace: () => {}, refresh: () => {}, back: () => {}, prefetch: () => {} }),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
}));

import { randomUUID } from "node:crypto";
import path from "node:path";
import { prerender } from "react-dom/static";
import type { ReactNode } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { documented, type RouteHandler } from "../helpers/apiSchemas";
import { createTestDb, testDbKinds, type TestDb } from "../helpers/db";
import { fingerprint, seedWorld, yesterday, type World } from "../helpers/isolationWorld";
import { coverageProblems, discoverActions, discoverPages, discoverRoutes, ROOT } from "../helpers/surface";
import { serveFrom } from "./apiFixtures";
import { failedJobOf, startTestJobs, stopTestJobs } from "../helpers/jobs";
import type { JobQueue } from "@/lib/jobs/queue";

/** A failed background job of each organization (Settings → Jobs), by organization id. */
const failedJob = new Map<string, string>();

const ORIGIN = "http://leadlag.test";

// ---------------------------------------------------------------------------------------------
// The cases. `a` is the organization under attack. `hostile` is what B's owner and B's token get
// for the request (404 when it names A's ids; 2xx when it only ever reaches the caller's own
// organization, whose answer must still hold nothing of A's). `lower` is the role in A that is
// refused with 403, or null with the reason every member may call it.

type Lower = { role: Role; expect?: number } | { role: null; why: string };
type Req = { path: string; params?: Record<string, string>; json?: unknown; csv?: string };
type RouteCase = { public: string } | { request: (a: World) => Req; hostile: number; lower: Lower };

const day = yesterday();
const leadCsv = (a: World) => `email,team,measure,date,value\n${a.people.MEMBER.email},${a.markers.at(-1)},Coaching conversations,${day},4\n`;
const lagCsv = (a: World) => `measure,team,date,value,note\nChurn ${a.markers.at(-1)},,${day},5,\n`;
const manager: Lower = { role: "MEMBER" };
const admin: Lower = { role: "MANAGER" };

const ROUTES: Record<string, RouteCase> = {
  "app/api/auth/[...nextauth]/route.ts GET": { public: "next-auth's own endpoints: sign-in, CSRF token, session — no organization data" },
  "app/api/auth/[...nextauth]/route.ts POST": { public: "next-auth's own endpoints: signing in and out" },
  "app/api/health/route.ts GET": { public: "liveness for load balancers: says only whether the database answers" },
  "app/api/unsubscribe/[token]/route.ts POST": { public: "RFC 8058 one-click unsubscribe: acts only for the person its signed token names" },
  "app/shared/reports/[token]/report.pdf/route.ts GET": { public: "a report's share link: the one report its secret token names, while the link works (tests/integration/reportShares.test.ts)" },
  "app/api/sso/start/route.ts GET": { public: "starts an SSO sign-in: redirects to the organization's identity provider" },
  "app/api/sso/callback/route.ts GET": { public: "the identity provider's return: signs the person in or refuses" },
  "app/api/v1/openapi.json/route.ts GET": { public: "the API's published description" },
  "app/api/v1/analytics/forecast/route.ts GET": {
    request: (a) => ({ path: `/api/v1/analytics/forecast?lagMeasureId=${a.lagMeasureId}` }),
    hostile: 404,
    lower: manager,
  },
  "app/api/v1/analytics/lead-lag/route.ts GET": {
    request: (a) => ({ path: `/api/v1/analytics/lead-lag?leadMeasureId=${a.leadMeasureId}&lagMeasureId=${a.lagMeasureId}` }),
    hostile: 404,
    lower: manager,
  },
  "app/api/v1/exports/lag-observations.csv/route.ts GET": { request: (a) => ({ path: `/api/v1/exports/lag-observations.csv?team=${a.teamId}` }), hostile: 404, lower: manager },
  // B's token or owner naming A's person: 404; a manager of A: 403 (owners and admins export the trail).
  "app/api/v1/exports/audit.csv/route.ts GET": { request: (a) => ({ path: `/api/v1/exports/audit.csv?person=${a.people.OWNER.id}` }), hostile: 404, lower: admin },
  "app/api/v1/exports/lead-entries.csv/route.ts GET": { request: (a) => ({ path: `/api/v1/exports/lead-entries.csv?team=${a.teamId}` }), hostile: 404, lower: manager },
  // A CSV names people, teams and measures: A's are unknown to B, so every row is a problem.
  "app/api/v1/imports/lag-observations/commit/route.ts POST": { request: (a) => ({ path: "/api/v1/imports/lag-observations/commit", csv: lagCsv(a) }), hostile: 400, lower: manager },
  "app/api/v1/imports/lag-observations/preview/route.ts POST": { request: (a) => ({ path: "/api/v1/imports/lag-observations/preview", csv: lagCsv(a) }), hostile: 200, lower: manager },
  "app/api/v1/imports/lead-entries/commit/route.ts POST": { request: (a) => ({ path: "/api/v1/imports/lead-entries/commit", csv: leadCsv(a) }), hostile: 400, lower: manager },
  "app/api/v1/imports/lead-entries/preview/route.ts POST": { request: (a) => ({ path: "/api/v1/imports/lead-entries/preview", csv: leadCsv(a) }), hostile: 200, lower: manager },
  // A template holds only the caller's own names: B's never show A's teams, people or measures.
  "app/api/v1/imports/lag-observations/template.csv/route.ts GET": { request: () => ({ path: "/api/v1/imports/lag-observations/template.csv" }), hostile: 200, lower: manager },
  "app/api/v1/imports/lead-entries/template.csv/route.ts GET": { request: () => ({ path: "/api/v1/imports/lead-entries/template.csv" }), hostile: 200, lower: manager },
  "app/api/v1/invitations/[invitationId]/route.ts DELETE": {
    request: (a) => ({ path: `/api/v1/invitations/${a.invitationId}`, params: { invitationId: a.invitationId } }),
    hostile: 404,
    lower: manager,
  },
  "app/api/v1/invitations/route.ts GET": { request: () => ({ path: "/api/v1/invitations" }), hostile: 200, lower: manager },
  "app/api/v1/invitations/route.ts POST": {
    request: (a) => ({ path: "/api/v1/invitations", json: { emails: ["newcomer@example.test"], teamIds: [a.teamId] } }),
    hostile: 400, // "Choose teams of this organization"
    lower: manager,
  },
  "app/api/v1/lag-observations/batch/route.ts POST": {
    request: (a) => ({ path: "/api/v1/lag-observations/batch", json: { observations: [{ lagMeasureId: a.lagMeasureId, date: day, value: 1 }] } }),
    hostile: 400, // a batch lists each item's problem: "Lag measure not found."
    lower: manager,
  },
  "app/api/v1/lag-observations/route.ts POST": {
    request: (a) => ({ path: "/api/v1/lag-observations", json: { lagMeasureId: a.lagMeasureId, teamId: a.teamId, date: day, value: 1 } }),
    hostile: 404,
    lower: manager,
  },
  "app/api/v1/lead-entries/batch/route.ts POST": {
    request: (a) => ({
      path: "/api/v1/lead-entries/batch",
      json: { entries: [{ userId: a.people.MEMBER.id, teamId: a.teamId, leadMeasureId: a.leadMeasureId, date: day, value: null }] },
    }),
    hostile: 400, // "Team not found." for the item
    lower: { role: "VIEWER" },
  },
  "app/api/v1/lead-entries/route.ts GET": {
    request: (a) => ({ path: `/api/v1/lead-entries?teamId=${a.teamId}` }), hostile: 200,
    lower: { role: null, why: "every member lists entries: only their own teams' (lib/http/endpoints/leadEntries.ts)" },
  },
  "app/api/v1/lead-entries/route.ts POST": {
    request: (a) => ({ path: "/api/v1/lead-entries", json: { userId: a.people.MEMBER.id, teamId: a.teamId, leadMeasureId: a.leadMeasureId, date: day, value: 1 } }),
    hostile: 404,
    lower: { role: "VIEWER" },
  },
  "app/api/v1/measures/route.ts GET": { request: () => ({ path: "/api/v1/measures" }), hostile: 200, lower: { role: null, why: "every member reads the measures they log" } },
  "app/api/v1/report-exports/[exportId]/route.ts GET": {
    request: (a) => ({ path: `/api/v1/report-exports/${a.exportId}`, params: { exportId: a.exportId } }),
    hostile: 404,
    lower: manager,
  },
  "app/api/v1/reports/[reportId]/[file]/route.ts GET": {
    request: (a) => ({ path: `/api/v1/reports/${a.reportId}/report.pdf`, params: { reportId: a.reportId, file: "report.pdf" } }),
    hostile: 404,
    lower: manager,
  },
  "app/api/v1/reports/[reportId]/route.ts GET": { request: (a) => ({ path: `/api/v1/reports/${a.reportId}`, params: { reportId: a.reportId } }), hostile: 404, lower: manager },
  "app/api/v1/reports/route.ts GET": { request: () => ({ path: "/api/v1/reports" }), hostile: 200, lower: manager },
  "app/api/v1/reports/route.ts POST": {
    request: (a) => ({ path: "/api/v1/reports", json: { scope: "program", programId: a.programId, quarter: "2025-Q1" } }),
    hostile: 404,
    lower: manager,
  },
  "app/api/v1/roi/evaluate/route.ts POST": {
    request: () => ({ path: "/api/v1/roi/evaluate", json: {} }),
    hostile: 400,
    lower: { role: null, why: "a stateless calculator: reads and stores nothing" },
  },
  "app/api/v1/teams/[teamId]/members/route.ts GET": {
    request: (a) => ({ path: `/api/v1/teams/${a.otherTeamId}/members`, params: { teamId: a.otherTeamId } }),
    hostile: 404,
    lower: manager, // the member is not on that team
  },
  "app/api/v1/teams/[teamId]/members/route.ts PUT": {
    request: (a) => ({ path: `/api/v1/teams/${a.teamId}/members`, params: { teamId: a.teamId }, json: { members: [] } }),
    hostile: 404,
    lower: manager,
  },
  "app/api/v1/teams/[teamId]/check-ins/route.ts GET": {
    request: (a) => ({ path: `/api/v1/teams/${a.otherTeamId}/check-ins`, params: { teamId: a.otherTeamId } }),
    hostile: 404,
    lower: manager, // the member is not on that team
  },
  "app/api/v1/teams/[teamId]/commitments/route.ts GET": {
    request: (a) => ({ path: `/api/v1/teams/${a.otherTeamId}/commitments`, params: { teamId: a.otherTeamId } }),
    hostile: 404,
    lower: manager, // the member is not on that team
  },
  "app/api/v1/teams/[teamId]/commitments/route.ts POST": {
    request: (a) => ({ path: `/api/v1/teams/${a.teamId}/commitments`, params: { teamId: a.teamId }, json: { weekStart: day, items: [{ userId: a.people.MEMBER.id, text: "Hijacked" }] } }),
    hostile: 404,
    lower: { role: "VIEWER" },
  },
  "app/api/v1/commitments/[commitmentId]/route.ts PATCH": {
    request: (a) => ({ path: `/api/v1/commitments/${a.commitmentId}`, params: { commitmentId: a.commitmentId }, json: { text: "Hijacked" } }),
    hostile: 404,
    lower: { role: "VIEWER" },
  },
  "app/api/v1/commitments/[commitmentId]/route.ts DELETE": {
    request: (a) => ({ path: `/api/v1/commitments/${a.commitmentId}`, params: { commitmentId: a.commitmentId } }),
    hostile: 404,
    lower: { role: "VIEWER" },
  },
  "app/api/v1/teams/route.ts GET": { request: () => ({ path: "/api/v1/teams" }), hostile: 200, lower: { role: null, why: "every member sees the organization's team list" } },
  "app/api/v1/teams/route.ts POST": { request: () => ({ path: "/api/v1/teams", json: { name: `Hostile team ${randomUUID()}` } }), hostile: 201, lower: manager },
  "app/api/v1/users/route.ts GET": { request: () => ({ path: "/api/v1/users" }), hostile: 200, lower: manager },
};

// Pages: `hostile` "404" when B's owner opens A's id; "own" when the page shows the caller's own
// organization (it must render, or redirect, without anything of A's).
type PageCase =
  | { public: string }
  | { params?: (a: World) => Record<string, string>; search?: (a: World) => Record<string, string>; hostile: "404" | "own"; lower: Lower };

const PAGES: Record<string, PageCase> = {
  "app/(auth)/forgot-password/page.tsx": { public: "asks for an email address" },
  "app/(auth)/invitations/[token]/page.tsx": { public: "an invitation is opened by its secret token" },
  "app/(auth)/reset-password/[token]/page.tsx": { public: "a reset link is opened by its secret token" },
  "app/(auth)/sign-in/page.tsx": { public: "signing in" },
  "app/(auth)/sign-out/page.tsx": { public: "signing out" },
  "app/(auth)/sign-up/confirm/page.tsx": { public: "confirms a sign-up by its secret token" },
  "app/(auth)/sign-up/page.tsx": { public: "signing up" },
  "app/(auth)/sso/page.tsx": { public: "chooses an organization's SSO by email domain" },
  "app/no-organization/page.tsx": { public: "tells a signed-in person without an organization what to do; shows no organization's data" },
  "app/organizations/new/page.tsx": { public: "a form to create a new organization; shows no existing one's data" },
  "app/unsubscribe/[token]/page.tsx": { public: "an unsubscribe link is opened by its signed token; it shows only the kind of email" },
  "app/shared/reports/[token]/page.tsx": { public: "a report's share link shows the one report its secret token names, while the link works (tests/integration/reportShares.test.ts)" },
  "app/(app)/notifications/page.tsx": { hostile: "own", lower: { role: null, why: "everyone reads their own notifications" } },
  "app/(app)/notifications/view/[sendId]/page.tsx": { params: (a) => ({ sendId: a.sendId }), hostile: "404", lower: { role: "MEMBER", expect: 404 } },
  "app/(app)/account/notifications/page.tsx": { hostile: "own", lower: { role: null, why: "everyone chooses their own notifications" } },
  "app/(app)/settings/notifications/page.tsx": { hostile: "own", lower: admin },
  "app/(app)/account/page.tsx": { hostile: "own", lower: { role: null, why: "everyone manages their own account" } },
  "app/(app)/audit/page.tsx": { search: (a) => ({ person: a.people.OWNER.id, kind: "programs" }), hostile: "own", lower: manager },
  "app/(app)/dashboard/lags/[lagMeasureId]/page.tsx": { params: (a) => ({ lagMeasureId: a.lagMeasureId }), hostile: "404", lower: manager },
  "app/(app)/dashboard/page.tsx": { search: (a) => ({ teams: a.teamId, lead: a.leadMeasureId, lag: a.lagMeasureId }), hostile: "own", lower: manager },
  "app/(app)/dashboard/teams/[teamId]/page.tsx": { params: (a) => ({ teamId: a.teamId }), hostile: "404", lower: manager },
  "app/(app)/dashboard/trends/page.tsx": { search: (a) => ({ teams: a.teamId, lead: a.leadMeasureId, lag: a.lagMeasureId }), hostile: "own", lower: manager },
  "app/(app)/import/page.tsx": { hostile: "own", lower: manager },
  "app/(app)/measures/lag/[id]/page.tsx": { params: (a) => ({ id: a.lagMeasureId }), hostile: "404", lower: manager },
  "app/(app)/measures/lead/[id]/page.tsx": { params: (a) => ({ id: a.leadMeasureId }), hostile: "404", lower: manager },
  "app/(app)/measures/page.tsx": { hostile: "own", lower: manager },
  "app/(app)/page.tsx": { hostile: "own", lower: { role: null, why: "everyone's home: it leads to their own team" } },
  "app/(app)/programs/[programId]/page.tsx": { params: (a) => ({ programId: a.programId }), hostile: "404", lower: manager },
  "app/(app)/programs/new/page.tsx": { hostile: "own", lower: manager },
  "app/(app)/programs/page.tsx": { hostile: "own", lower: manager },
  "app/(app)/reports/[reportId]/page.tsx": { params: (a) => ({ reportId: a.reportId }), hostile: "404", lower: manager },
  "app/(app)/reports/page.tsx": { search: (a) => ({ scope: "program", programId: a.programId }), hostile: "own", lower: manager },
  "app/(app)/settings/invitations/page.tsx": { hostile: "own", lower: manager },
  "app/(app)/settings/outbox/[emailId]/page.tsx": { params: (a) => ({ emailId: a.emailId }), hostile: "404", lower: admin },
  "app/(app)/settings/outbox/page.tsx": { hostile: "own", lower: admin },
  "app/(app)/settings/jobs/page.tsx": { hostile: "own", lower: admin },
  "app/(app)/settings/page.tsx": { hostile: "own", lower: admin },
  "app/(app)/settings/people/page.tsx": { hostile: "own", lower: manager },
  "app/(app)/settings/sso/page.tsx": { hostile: "own", lower: admin },
  "app/(app)/settings/teams/[teamId]/page.tsx": { params: (a) => ({ teamId: a.teamId }), hostile: "404", lower: manager },
  "app/(app)/settings/teams/page.tsx": { hostile: "own", lower: manager },
  "app/(app)/setup/invite/page.tsx": { hostile: "own", lower: admin },
  "app/(app)/setup/lag/page.tsx": { hostile: "own", lower: admin },
  "app/(app)/setup/lead/page.tsx": { hostile: "own", lower: admin },
  "app/(app)/setup/page.tsx": { hostile: "own", lower: admin },
  "app/(app)/setup/teams/page.tsx": { hostile: "own", lower: admin },
  "app/(app)/teams/[teamId]/check-in/page.tsx": { params: (a) => ({ teamId: a.otherTeamId }), hostile: "404", lower: manager },
  "app/(app)/teams/[teamId]/page.tsx": { params: (a) => ({ teamId: a.otherTeamId }), hostile: "404", lower: manager },
};

// Server actions: `form` names A's ids; `hostile` "refused" when B's owner must get an error,
// "own" when the action only ever acts in the caller's organization (or on their own account).
// `quiet`: the action answers nothing (a form's plain action), so only the fingerprint speaks.
type ActionCase =
  | { public: string }
  | { args: (a: World) => Record<string, string | string[]>; hostile: "refused" | "own"; lower: Lower; token?: true; quiet?: true };

const ACTIONS: Record<string, ActionCase> = {
  "app/(auth)/forgot-password/actions.ts requestReset": { public: "asks for a reset link: the same answer whether or not the address has an account" },
  "app/(auth)/invitations/[token]/actions.ts acceptAsNewPersonAction": { public: "accepting an invitation by its secret token" },
  "app/(auth)/invitations/[token]/actions.ts joinAction": { public: "accepting an invitation by its secret token, as the invited address" },
  "app/(auth)/reset-password/[token]/actions.ts resetPasswordAction": { public: "a new password by a reset link's secret token" },
  "app/(auth)/sign-up/actions.ts signUpAction": { public: "signing up" },
  "app/(auth)/sign-up/actions.ts confirmSignUpAction": { public: "confirming a sign-up by its secret token" },
  "app/(app)/account/actions.ts changePasswordAction": {
    args: () => ({ currentPassword: "not-the-password", newPassword: "a-new-long-password-1", confirmPassword: "a-new-long-password-1" }),
    hostile: "refused",
    lower: { role: null, why: "changes the caller's own password only" },
  },
  "app/(app)/account/actions.ts endSessionAction": { args: (a) => ({ id: a.ownerSessionId }), hostile: "refused", lower: { role: "MEMBER" } },
  "app/(app)/account/actions.ts endOtherSessionsAction": { args: () => ({}), hostile: "own", lower: { role: null, why: "ends the caller's own other sessions only" } },
  "app/(app)/measures/actions.ts saveLeadMeasureAction": {
    args: (a) => ({ id: a.leadMeasureId, name: "Hijacked", unit: "x", aggregation: "SUM", activeFrom: "2025-01-06" }),
    hostile: "refused",
    lower: manager,
  },
  "app/(app)/measures/actions.ts changeTargetAction": {
    args: (a) => ({ teamId: a.teamId, leadMeasureId: a.leadMeasureId, weeklyTarget: "5", effectiveFrom: day }),
    hostile: "refused",
    lower: manager,
  },
  "app/(app)/measures/actions.ts saveLagMeasureAction": {
    args: (a) => ({
      id: a.lagMeasureId,
      name: "Hijacked",
      kind: "PERCENTAGE",
      unit: "%",
      direction: "HIGHER_IS_BETTER",
      cadence: "MONTHLY",
      baselineValue: "70",
      baselineDate: "2025-01-01",
      targetValue: "80",
      targetDate: "2025-12-31",
      // A's member as the owner: another organization's person is refused, never confirmed.
      ownerId: a.people.MEMBER.id,
    }),
    hostile: "refused",
    lower: manager,
  },
  "app/(app)/measures/actions.ts archiveMeasureAction": { args: (a) => ({ kind: "lead", id: a.leadMeasureId, archived: "true" }), hostile: "refused", lower: manager, quiet: true },
  "app/(app)/measures/actions.ts recordObservationAction": { args: (a) => ({ lagMeasureId: a.lagMeasureId, observedOn: day, value: "5" }), hostile: "refused", lower: manager },
  "app/(app)/programs/actions.ts saveProgramAction": {
    args: (a) => ({ id: a.programId, name: "Hijacked", startDate: "2025-01-06", participantTeamIds: [a.teamId] }),
    hostile: "refused",
    lower: manager,
  },
  "app/(app)/programs/actions.ts addCostAction": {
    args: (a) => ({ programId: a.programId, category: "DELIVERY", incurredOn: "2025-02-03", amount: "1" }),
    hostile: "refused",
    lower: manager,
  },
  "app/(app)/programs/actions.ts addBenefitAction": {
    args: (a) => ({ programId: a.programId, name: "Hijacked", kind: "LAG_MEASURE", lagMeasureId: a.lagMeasureId }),
    hostile: "refused",
    lower: manager,
  },
  "app/(app)/programs/actions.ts addIntangibleAction": { args: (a) => ({ programId: a.programId, name: "Hijacked" }), hostile: "refused", lower: manager },
  "app/(app)/programs/actions.ts removeLineAction": { args: (a) => ({ kind: "cost", id: a.costId }), hostile: "refused", lower: manager },
  "app/(app)/programs/actions.ts undoRemoveAction": {
    args: (a) => ({ kind: "intangible", programId: a.programId, fields: JSON.stringify({ name: "Hijacked", note: "" }) }),
    hostile: "refused",
    lower: manager,
  },
  "app/(app)/settings/actions.ts saveOrganization": { args: () => ({ name: "Renamed by its owner" }), hostile: "own", lower: admin },
  "app/(app)/settings/actions.ts createToken": { args: () => ({ name: "hostile token", scopes: ["teams:read"] }), hostile: "own", lower: admin, token: true },
  "app/(app)/settings/actions.ts revokeToken": { args: (a) => ({ id: a.tokenId }), hostile: "refused", lower: admin },
  "app/(app)/settings/invitations/actions.ts invitePeople": { args: (a) => ({ emails: "newcomer@example.test", teamIds: [a.teamId] }), hostile: "refused", lower: manager },
  "app/(app)/settings/invitations/actions.ts resendInvitationAction": { args: (a) => ({ id: a.invitationId }), hostile: "refused", lower: manager },
  "app/(app)/settings/invitations/actions.ts revokeInvitationAction": { args: (a) => ({ id: a.invitationId }), hostile: "refused", lower: manager },
  "app/(app)/settings/outbox/actions.ts resendOutboxEmail": { args: (a) => ({ id: a.emailId }), hostile: "refused", lower: admin },
  "app/(app)/settings/notifications/actions.ts saveScheduleAction": { args: () => ({ kind: "MEMBER_REMINDER", enabled: "on", day: "5", hour: "14" }), hostile: "own", lower: admin },
  "app/(app)/settings/notifications/actions.ts saveWebhookAction": {
    args: (a) => ({ teamId: a.teamId, channel: "SLACK", url: "https://hooks.example.test/hostile" }),
    hostile: "refused",
    lower: admin,
  },
  "app/(app)/notifications/actions.ts markReadAction": {
    args: (a) => ({ id: a.notificationId }),
    hostile: "refused",
    lower: { role: null, why: "marks only the caller's own notifications read" },
    quiet: true,
  },
  "app/(app)/account/notifications/actions.ts saveNotificationPreferencesAction": {
    args: () => ({ "MEMBER_REMINDER:EMAIL": "on", onLeaveUntil: "" }),
    hostile: "own",
    lower: { role: null, why: "changes the caller's own notification choices only" },
  },
  "app/(app)/reports/[reportId]/actions.ts createShareAction": { args: (a) => ({ reportId: a.reportId, days: "30" }), hostile: "refused", lower: { role: "VIEWER" } },
  "app/(app)/reports/[reportId]/actions.ts revokeShareAction": { args: (a) => ({ id: a.shareId }), hostile: "refused", lower: { role: "VIEWER" } },
  "app/unsubscribe/[token]/actions.ts unsubscribeAction": { public: "unsubscribes the person its signed token names, from one kind of email" },
  "app/(app)/settings/jobs/actions.ts retryJobAction": { args: (a) => ({ id: failedJob.get(a.organizationId)! }), hostile: "refused", lower: admin },
  "app/(app)/settings/people/actions.ts updatePerson": { args: (a) => ({ intent: "role", userId: a.people.MEMBER.id, role: "ADMIN" }), hostile: "refused", lower: manager },
  // An empty form: saving B's own SSO would reach out to an identity provider.
  "app/(app)/settings/sso/actions.ts ssoFormAction": { args: () => ({}), hostile: "own", lower: admin },
  "app/(app)/settings/teams/actions.ts createTeamAction": { args: () => ({ name: "Hostile team" }), hostile: "own", lower: manager },
  "app/(app)/settings/teams/actions.ts renameTeamAction": { args: (a) => ({ teamId: a.teamId, name: "Hijacked" }), hostile: "refused", lower: manager },
  "app/(app)/settings/teams/actions.ts archiveTeamAction": { args: (a) => ({ teamId: a.teamId, archived: "true" }), hostile: "refused", lower: manager },
  "app/(app)/settings/teams/actions.ts addMembersAction": { args: (a) => ({ teamId: a.otherTeamId, userIds: [a.people.MEMBER.id] }), hostile: "refused", lower: manager },
  "app/(app)/settings/teams/actions.ts removeMemberAction": { args: (a) => ({ teamId: a.teamId, userId: a.people.MEMBER.id }), hostile: "refused", lower: manager },
  "app/(app)/settings/teams/actions.ts setLeadAction": { args: (a) => ({ teamId: a.teamId, userId: a.people.MEMBER.id, isLead: "true" }), hostile: "refused", lower: manager },
  "app/(app)/settings/teams/actions.ts trackMeasureAction": {
    args: (a) => ({ teamId: a.otherTeamId, leadMeasureId: a.leadMeasureId, weeklyTarget: "5" }),
    hostile: "refused",
    lower: manager,
  },
  "app/(app)/settings/teams/actions.ts untrackMeasureAction": { args: (a) => ({ teamId: a.teamId, leadMeasureId: a.leadMeasureId }), hostile: "refused", lower: manager },
  "app/(app)/setup/actions.ts setupTeamsAction": { args: () => ({ names: "Hostile setup team" }), hostile: "own", lower: admin },
  "app/(app)/setup/actions.ts goToStepAction": { args: () => ({ to: "lead" }), hostile: "own", lower: admin, quiet: true },
  "app/(app)/setup/actions.ts finishSetupAction": { args: () => ({ how: "skip" }), hostile: "own", lower: admin, quiet: true },
  "app/(app)/switchOrganization.ts switchOrganizationAction": {
    args: (a) => ({ organizationId: a.organizationId }),
    hostile: "refused",
    lower: { role: null, why: "switches among the caller's own organizations" },
  },
  "app/(app)/teams/[teamId]/actions.ts logLeadEntry": {
    args: (a) => ({ userId: a.people.MEMBER.id, teamId: a.teamId, leadMeasureId: a.leadMeasureId, entryDate: day, value: "2" }),
    hostile: "refused",
    lower: { role: "VIEWER" },
  },
  "app/(app)/teams/[teamId]/check-in/actions.ts reviewCommitmentAction": { args: (a) => ({ commitmentId: a.commitmentId, status: "DONE" }), hostile: "refused", lower: manager },
  "app/(app)/teams/[teamId]/check-in/actions.ts addCommitmentsAction": {
    args: (a) => ({ teamId: a.teamId, weekStart: day, "items.0.userId": a.people.MEMBER.id, "items.0.text": "Hijacked" }),
    hostile: "refused",
    lower: { role: "VIEWER" },
  },
  "app/(app)/teams/[teamId]/check-in/actions.ts markCheckInHeldAction": { args: (a) => ({ teamId: a.teamId, weekStart: day }), hostile: "refused", lower: manager },
  "app/(app)/teams/[teamId]/check-in/actions.ts editCommitmentAction": { args: (a) => ({ commitmentId: a.commitmentId, text: "Hijacked" }), hostile: "refused", lower: { role: "VIEWER" } },
  "app/(app)/teams/[teamId]/check-in/actions.ts deleteCommitmentAction": { args: (a) => ({ commitmentId: a.commitmentId }), hostile: "refused", lower: { role: "VIEWER" } },
  "app/(app)/teams/[teamId]/check-in/actions.ts startMeetingAction": { args: (a) => ({ teamId: a.teamId, weekStart: day }), hostile: "refused", lower: manager },
  "app/(app)/teams/[teamId]/check-in/actions.ts moveMeetingStepAction": { args: (a) => ({ teamId: a.teamId, weekStart: day, step: "1" }), hostile: "refused", lower: manager },
  "app/(app)/teams/[teamId]/check-in/actions.ts saveMeetingNotesAction": {
    args: (a) => ({ teamId: a.teamId, weekStart: day, notes: "Hijacked", decisions: ["Hijacked"] }),
    hostile: "refused",
    lower: manager,
  },
  "app/(app)/teams/[teamId]/check-in/actions.ts endMeetingAction": { args: (a) => ({ teamId: a.teamId, weekStart: day }), hostile: "refused", lower: manager },
  "app/(app)/teams/[teamId]/gridActions.ts saveWeekAction": {
    args: (a) => ({ teamId: a.teamId, userId: a.people.MEMBER.id, [`cell.${a.leadMeasureId}.${day}`]: "9" }),
    hostile: "refused",
    lower: { role: "VIEWER" },
  },
  // The member may delete their own entries, not the manager's.
  "app/(app)/teams/[teamId]/gridActions.ts deleteEntryAction": { args: (a) => ({ id: a.entryId }), hostile: "refused", lower: manager },
  "app/(app)/teams/[teamId]/gridActions.ts restoreEntryAction": {
    args: (a) => ({ userId: a.people.MEMBER.id, teamId: a.teamId, leadMeasureId: a.leadMeasureId, entryDate: day, value: "2" }),
    hostile: "refused",
    lower: { role: "VIEWER" },
  },
  "app/organizations/new/actions.ts createOrganizationAction": {
    args: () => ({ name: "A fresh organization" }),
    hostile: "own",
    lower: { role: null, why: "creates a new organization for the caller; touches no existing one" },
  },
};

// ---------------------------------------------------------------------------------------------
// Calling them.

type Caller = { kind: "anonymous" } | { kind: "session"; userId: string; orgCookie?: string } | { kind: "token"; token: string };

/** Signs `userId` in (null: nobody), with an organization cookie naming `orgCookie`. */
function signIn(userId: string | null, orgCookie?: string) {
  signedIn.userId = userId;
  signedIn.orgCookie = orgCookie ?? null;
}

async function moduleOf<T>(file: string): Promise<T> {
  return (await import(/* @vite-ignore */ path.join(ROOT, file))) as T;
}

async function callRoute(key: string, c: Extract<RouteCase, { request: unknown }>, a: World, who: Caller) {
  const [file, method] = key.split(" ") as [string, string];
  const handler = (await moduleOf<Record<string, RouteHandler<Record<string, string>>>>(file))[method]!;
  const req = c.request(a);
  const headers = new Headers();
  if (who.kind === "token") headers.set("authorization", `Bearer ${who.token}`);
  // A browser's write is same-origin (lib/http/apiRoute.ts refuses others).
  if (method !== "GET") headers.set("origin", ORIGIN);
  let body: string | undefined;
  if (req.csv !== undefined) {
    headers.set("content-type", "text/csv; charset=utf-8");
    body = req.csv;
  } else if (req.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(req.json);
  }
  if (who.kind === "session") signIn(who.userId, who.orgCookie);
  else signIn(null);
  const request = new Request(`${ORIGIN}${req.path}`, { method, headers, body });
  const response = await documented(handler)(request, { params: Promise.resolve(req.params ?? {}) });
  return { status: response.status, text: await response.text(), sent: `${req.path} ${body ?? ""} ${JSON.stringify(req.params ?? {})}` };
}

type Outcome = { kind: "redirect"; to: string } | { kind: "status"; status: number } | { kind: "render"; html: string } | { kind: "answer"; value: unknown };

/** What Next would make of a thrown error: a redirect, a 404/403 page, or an error. */
function outcomeOfThrown(err: unknown): Outcome {
  const digest = (err as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", to: digest.split(";")[2]! };
  if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return { kind: "status", status: Number(digest.split(";")[1]) };
  if (err instanceof AppError) return { kind: "answer", value: { status: "error", code: err.code, message: err.message } };
  throw err;
}

/** The page's HTML, with its nested server components; an error any of them throws is thrown. */
async function html(node: ReactNode): Promise<string> {
  const errors: unknown[] = [];
  const { prelude } = await prerender(node, { onError: (e) => void errors.push(e) });
  const text = await new Response(prelude).text();
  if (errors.length > 0) throw errors[0];
  return text;
}

async function openPage(file: string, c: Pick<Extract<PageCase, { hostile: unknown }>, "params" | "search">, a: World, userId: string | null, orgCookie?: string): Promise<Outcome> {
  const Page = (await moduleOf<{ default: (props: unknown) => Promise<ReactNode> }>(file)).default;
  signIn(userId, orgCookie);
  try {
    const node = await Page({ params: Promise.resolve(c.params?.(a) ?? {}), searchParams: Promise.resolve(c.search?.(a) ?? {}) });
    return { kind: "render", html: await html(node) };
  } catch (err) {
    return outcomeOfThrown(err);
  }
}

async function runAction(key: string, c: Extract<ActionCase, { args: unknown }>, a: World, userId: string | null, orgCookie?: string): Promise<Outcome> {
  const [file, name] = key.split(" ") as [string, string];
  const action = (await moduleOf<Record<string, (...args: unknown[]) => Promise<unknown>>>(file))[name]!;
  const form = new FormData();
  for (const [k, v] of Object.entries(c.args(a))) for (const one of [v].flat()) form.append(k, one);
  signIn(userId, orgCookie);
  try {
    // Form actions take (previous state, form); a plain form's action takes the form alone.
    return { kind: "answer", value: await (c.quiet ? action(form) : action({ status: "idle" }, form)) };
  } catch (err) {
    return outcomeOfThrown(err);
  }
}

/** A's markers in an answer, leaving out what the caller sent itself. */
function leaked(a: World, answer: string, sent: string): string[] {
  return a.markers.filter((m) => answer.includes(m) && !sent.includes(m));
}

/**
 * An action's refusal: an error state that says why in words of access — not found, not a
 * member, the role it takes — so a form error on some other field cannot pass for one. ("This
 * team does not track that measure." is lib/services/measures.ts's not-found.)
 */
const REFUSAL = /not found|does not track that measure|not a member|not in this organization|of this organization|need the \w+ role|only .*can|viewers can|already ended|not your current password/i;
function refused(o: Outcome): boolean {
  if (o.kind !== "answer") return false;
  const v = o.value as { status?: string; message?: string; fieldErrors?: Record<string, string[]> } | undefined;
  const said = [v?.message ?? "", ...Object.values(v?.fieldErrors ?? {}).flat()];
  return v?.status === "error" && said.some((m) => REFUSAL.test(m));
}

// ---------------------------------------------------------------------------------------------

describe("the isolation cases cover the whole surface", () => {
  it("names an entry without a case, and a case whose entry is gone", () => {
    expect(coverageProblems(["app/api/v1/foo/route.ts POST", "app/x/page.tsx"], ["app/x/page.tsx", "app/gone/page.tsx"], "isolation")).toEqual([
      "app/api/v1/foo/route.ts POST has no isolation case",
      "app/gone/page.tsx is in the isolation cases but no longer exists",
    ]);
  });

  it("has a case for every route handler's method, page and server action, and none for one that is gone", () => {
    const problems = [
      ...coverageProblems(discoverRoutes().map((r) => r.key), Object.keys(ROUTES), "isolation"),
      ...coverageProblems(discoverPages().map((p) => p.key), Object.keys(PAGES), "isolation"),
      ...coverageProblems(discoverActions().map((x) => x.key), Object.keys(ACTIONS), "isolation"),
    ];
    expect(problems).toEqual([]);
  });
});

describe.each(testDbKinds())("isolation of organization A [%s]", (kind) => {
  let t: TestDb;
  let a: World;
  let b: World;
  let before: Record<string, string>;
  let jobs: JobQueue | undefined;

  beforeAll(async () => {
    t = await createTestDb(kind);
    serveFrom(t.db);
    a = await seedWorld(t.db, "Alpha");
    b = await seedWorld(t.db, "Bravo");
    // Each organization has a failed job on the queue (its rows are pg-boss's, not A's fingerprint).
    jobs = await startTestJobs(t);
    for (const w of [a, b]) failedJob.set(w.organizationId, await failedJobOf(jobs, w.organizationId));
    before = await fingerprint(t.db, a);
  });
  afterAll(async () => {
    signIn(null);
    signedIn.sessions.clear();
    await stopTestJobs(jobs);
    await t?.close();
  });

  /** Runs one hostile call and proves A unchanged after it. */
  async function unchanged(what: string) {
    expect(await fingerprint(t.db, a), `${what} changed organization A's rows`).toEqual(before);
  }

  it("fingerprints every row the organization owns, and sees a change to any of them", async () => {
    const counts = Object.fromEntries(Object.entries(before).map(([table, v]) => [table, Number(v.split(":")[0])]));
    expect(counts).toMatchObject({ Organization: 1, User: 5, UserSession: 1, Membership: 5, Team: 2, LeadEntry: 2, LagObservation: 1, Program: 1 });
    for (const table of ["ProgramCost", "ProgramIntangible", "Report", "ReportExport", "Commitment", "CheckIn", "Invitation", "OutboxEmail", "ApiToken"]) {
      expect(counts[table], table).toBe(1);
    }
    // On B, which no test fingerprints: renaming one team changes the digest.
    const bBefore = await fingerprint(t.db, b);
    await t.db.team.update({ where: { organizationId_id: { organizationId: b.organizationId, id: b.otherTeamId } }, data: { name: "Renamed quietly" } });
    expect(await fingerprint(t.db, b)).not.toEqual(bBefore);
  });

  const routeKeys = Object.keys(ROUTES).filter((k) => "request" in ROUTES[k]!);
  it.each(routeKeys)("route %s", async (key) => {
    const c = ROUTES[key] as Extract<RouteCase, { request: unknown }>;
    const anonymous = await callRoute(key, c, a, { kind: "anonymous" });
    expect(anonymous.status, `anonymous: ${anonymous.text}`).toBe(401);
    await unchanged(`${key} as anonymous`);

    for (const who of [
      { label: "B's owner", caller: { kind: "session", userId: b.people.OWNER.id, orgCookie: a.organizationId } as Caller },
      { label: "B's token", caller: { kind: "token", token: b.token } as Caller },
    ]) {
      const res = await callRoute(key, c, a, who.caller);
      expect(res.status, `${who.label}: ${res.text.slice(0, 300)}`).toBe(c.hostile);
      expect(leaked(a, res.text, res.sent), `${who.label} saw A's data`).toEqual([]);
      await unchanged(`${key} as ${who.label}`);
    }
    // B's member may be refused for their role before A's id is looked at: a 403 for any id.
    const member = await callRoute(key, c, a, { kind: "session", userId: b.people.MEMBER.id, orgCookie: a.organizationId });
    expect([c.hostile, 403], `B's member: ${member.text.slice(0, 300)}`).toContain(member.status);
    expect(leaked(a, member.text, member.sent), "B's member saw A's data").toEqual([]);
    await unchanged(`${key} as B's member`);

    if (c.lower.role) {
      const res = await callRoute(key, c, a, { kind: "session", userId: a.people[c.lower.role].id });
      expect(res.status, `A's ${c.lower.role}: ${res.text.slice(0, 300)}`).toBe(c.lower.expect ?? 403);
      await unchanged(`${key} as A's ${c.lower.role}`);
    }
  });

  const pageKeys = Object.keys(PAGES).filter((k) => "hostile" in PAGES[k]!);
  it.each(pageKeys)("page %s", async (key) => {
    const c = PAGES[key] as Extract<PageCase, { hostile: unknown }>;
    const sent = JSON.stringify([c.params?.(a), c.search?.(a)]);
    expect(await openPage(key, c, a, null)).toMatchObject({ kind: "redirect", to: expect.stringMatching(/^\/sign-in/) });

    const asB = await openPage(key, c, a, b.people.OWNER.id, a.organizationId);
    if (c.hostile === "404") expect(asB).toEqual({ kind: "status", status: 404 });
    else {
      expect(["render", "redirect"], JSON.stringify(asB).slice(0, 300)).toContain(asB.kind);
      expect(leaked(a, JSON.stringify(asB), sent), "B's owner saw A's data").toEqual([]);
    }
    const member = await openPage(key, c, a, b.people.MEMBER.id, a.organizationId);
    if (c.hostile === "404") expect([404, 403], JSON.stringify(member).slice(0, 300)).toContain(member.kind === "status" ? member.status : member.kind);
    expect(leaked(a, JSON.stringify(member), sent), "B's member saw A's data").toEqual([]);
    if (c.lower.role) {
      const lower = await openPage(key, c, a, a.people[c.lower.role].id);
      expect(lower, `A's ${c.lower.role}`).toEqual({ kind: "status", status: c.lower.expect ?? 403 });
    }
    await unchanged(`page ${key}`);
  });

  // Public pages are opened by a stranger with made-up tokens: whatever they show, nothing of A's.
  it.each(Object.keys(PAGES).filter((k) => "public" in PAGES[k]!))("public page %s shows nothing of A's to a stranger", async (key) => {
    const madeUp = () => ({ token: "not-a-real-token" });
    const seen = await openPage(key, { params: madeUp, search: madeUp }, a, null);
    expect(["render", "redirect", "status"]).toContain(seen.kind);
    expect(leaked(a, JSON.stringify(seen), ""), "a stranger saw A's data").toEqual([]);
    await unchanged(`public page ${key}`);
  });

  const actionKeys = Object.keys(ACTIONS).filter((k) => "args" in ACTIONS[k]!);
  it.each(actionKeys)("action %s", async (key) => {
    const c = ACTIONS[key] as Extract<ActionCase, { args: unknown }>;
    const sent = JSON.stringify(c.args(a));
    const anonymous = await runAction(key, c, a, null);
    if (!c.quiet) expect(anonymous, "anonymous").toMatchObject({ kind: "answer", value: { status: "error", message: "Sign in to continue." } });
    await unchanged(`${key} as anonymous`);

    const asB = await runAction(key, c, a, b.people.OWNER.id, a.organizationId);
    if (c.hostile === "refused" && !c.quiet) expect(refused(asB), `B's owner: ${JSON.stringify(asB).slice(0, 300)}`).toBe(true);
    expect(leaked(a, JSON.stringify(asB), sent), "B's owner saw A's data").toEqual([]);
    await unchanged(`${key} as B's owner`);
    const member = await runAction(key, c, a, b.people.MEMBER.id, a.organizationId);
    if (c.hostile === "refused" && !c.quiet) expect(refused(member), `B's member: ${JSON.stringify(member).slice(0, 300)}`).toBe(true);
    expect(leaked(a, JSON.stringify(member), sent), "B's member saw A's data").toEqual([]);
    await unchanged(`${key} as B's member`);

    if (c.lower.role) {
      const lower = await runAction(key, c, a, a.people[c.lower.role].id);
      if (!c.quiet) expect(refused(lower), `A's ${c.lower.role}: ${JSON.stringify(lower).slice(0, 300)}`).toBe(true);
      await unchanged(`${key} as A's ${c.lower.role}`);
    }
  });
});

// Every browser spec works in its own organization: a copy of the demo ("Northwind Support": the
// same teams, people, measures, activity and ROI program) under its own slug and sign-ins,
// seeded by scripts/e2e-server.ts at the fixed instant E2E_CLOCK, which the server also takes as
// "now" (LEADLAG_CLOCK). So a spec may change its data freely, specs run in any order or side by
// side, and the data is the same whatever today's date is. The foundation spec alone uses the
// demo organization itself: what a newcomer sees after `npm start`.
import { DEMO_ORG_NAME, DEMO_USERS } from "@/lib/seed/demo/catalogue";

/** "Now" for the whole suite: a Wednesday in the middle of a quarter, 10:00 in London. */
export const E2E_CLOCK = "2026-11-18T10:00:00.000Z";

/** The specs with an organization of their own (by file name, without .spec.ts). */
export const SPEC_ORGS = [
  "accessibility",
  "api-tokens",
  "appearance",
  "audit",
  "check-in",
  "check-in-meeting",
  "csv-import",
  "dashboard",
  "dashboard-drilldown",
  "dashboard-trends",
  "formats",
  "invitations",
  // A second organization for the invitations spec: someone of it is invited to "invitations" and switches between the two.
  "invitations-elsewhere",
  "keyboard",
  "measures",
  "outbox",
  "passwords",
  "people",
  "phone",
  "programs",
  "quarterly-report",
  "reminder-email",
  "report-share",
  "security-headers",
  "sign-in-limits",
  "sso",
  "team-settings",
  "week-grid",
] as const;
export type SpecOrgName = (typeof SPEC_ORGS)[number];

export type SpecOrg = {
  slug: string;
  name: string;
  /** A demo person's email in this organization. */
  email: (demoEmail: string) => string;
  /** The demo's owner, manager and member, signing in to this organization. */
  users: { [K in keyof typeof DEMO_USERS]: Omit<(typeof DEMO_USERS)[K], "email"> & { email: string } };
};

export function specOrg(spec: SpecOrgName): SpecOrg {
  const slug = `e2e-${spec}`;
  // admin@leadlag.demo → admin@e2e-check-in.test: `.test` is reserved, so no mail ever leaves.
  const email = (demoEmail: string) => demoEmail.replace(/@leadlag\.demo$/, `@${slug}.test`);
  const user = <U extends { email: string }>(u: U) => ({ ...u, email: email(u.email) });
  return {
    slug,
    // The demo's own name: report pages and PDFs wrap their lines exactly as the demo's do.
    name: spec === "invitations-elsewhere" ? "Elsewhere Support" : DEMO_ORG_NAME,
    email,
    users: { owner: user(DEMO_USERS.owner), manager: user(DEMO_USERS.manager), member: user(DEMO_USERS.member) },
  };
}

const DAY_MS = 86_400_000;

/** The calendar date `n` days before E2E_CLOCK (YYYY-MM-DD); the same in London at 10:00. */
export function daysAgo(n: number): string {
  return new Date(Date.parse(E2E_CLOCK) - n * DAY_MS).toISOString().slice(0, 10);
}

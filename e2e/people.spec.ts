import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/seed/demo/catalogue";
import { signIn } from "./fixtures";
import { daysAgo, specOrg } from "./orgs";

/** This spec's own copy of the demo (e2e/orgs.ts): the owner administers its people. */
const ORG = specOrg("people");
const OWNER = ORG.users.owner;
const JORDAN = { name: "Jordan Lee", email: ORG.email("jordan.lee@leadlag.demo") };
const MAYA = { name: "Maya Patel", email: ORG.email("maya.patel@leadlag.demo") };

/** A second browser, signed in through the form (not the shared session cache: these sessions end). */
async function openSession(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

async function openPeople(page: Page, search: string) {
  await page.goto(`/settings/people?q=${encodeURIComponent(search)}`);
  await expect(page.getByRole("heading", { name: "People", level: 1 })).toBeVisible();
}

test("an admin deactivates a member whose session is open: the member's next request is refused", async ({ page, browser }) => {
  const member = await openSession(browser, JORDAN.email);
  // A member on one team lands on it.
  await expect(member).toHaveURL(/\/teams\/[0-9a-f-]{36}$/);
  const teamUrl = member.url();
  await expect(member.getByRole("heading", { name: "Log what you did" })).toBeVisible();

  await signIn(page, OWNER.email);
  // On a phone-sized screen the list fits: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await openPeople(page, "Jordan");
  const card = page.getByTestId(`person-${JORDAN.email}`);
  await expect(card).toContainText("Active");
  await expect(card).toContainText("Tier 1 Support");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expect(page.getByRole("link", { name: "Invite people" })).toHaveAttribute("href", "/settings/invitations");

  // With the keyboard: focus the button and press Enter.
  await card.getByRole("button", { name: `Deactivate ${JORDAN.name}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(`${JORDAN.name} is deactivated`);
  await expect(card).toContainText("Deactivated");

  // The member's open session is over: the team page sends them to sign in, and the API refuses.
  await member.goto(teamUrl);
  await expect(member).toHaveURL(/\/(sign-in|no-organization)/);
  await expect(member.getByRole("heading", { name: "Log what you did" })).toHaveCount(0);
  expect((await member.request.get("/api/v1/teams")).status()).toBe(401);

  // Signing in again is refused too.
  await member.goto("/sign-in");
  await member.getByLabel("Email").fill(JORDAN.email);
  await member.getByLabel("Password").fill(DEMO_PASSWORD);
  await member.getByRole("button", { name: "Sign in" }).click();
  await expect(member).toHaveURL(/\/(sign-in|no-organization)/);

  // The audit trail says who did it, in words.
  await page.goto("/audit?kind=people");
  await expect(page.getByTestId("audit-event").first()).toContainText(`${OWNER.name} deactivated ${JORDAN.name}`);
  await member.context().close();
});

test("an admin makes someone a viewer: they read the dashboard and reports, log nothing, and a direct write is refused", async ({ page, browser }) => {
  await signIn(page, OWNER.email);
  await openPeople(page, "Maya");
  const card = page.getByTestId(`person-${MAYA.email}`);
  await card.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await card.getByRole("button", { name: `Change role of ${MAYA.name}` }).click();
  await expect(page.getByRole("status")).toContainText(`${MAYA.name} is now a viewer.`);

  const viewer = await openSession(browser, MAYA.email);
  const nav = viewer.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Dashboard" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Reports" })).toBeVisible();
  for (const hidden of ["Measures", "Import", "Audit", "Settings"]) await expect(nav.getByRole("link", { name: hidden })).toHaveCount(0);
  await expect(viewer.getByText("Read-only", { exact: true })).toBeVisible();

  await viewer.goto("/dashboard");
  await expect(viewer.getByRole("heading", { level: 1 })).toBeVisible();
  await viewer.goto("/reports");
  await expect(viewer.getByRole("heading", { name: "Past reports" })).toBeVisible();
  await expect(viewer.getByRole("heading", { name: "Export a report" })).toHaveCount(0);

  // Her team's page: the numbers, no log form, no week grid.
  const teams = (await (await viewer.request.get("/api/v1/teams")).json()).data as { id: string; name: string }[];
  const team = teams.find((t) => t.name === "Tier 1 Support")!;
  await viewer.goto(`/teams/${team.id}`);
  await expect(viewer.getByRole("heading", { name: "Tier 1 Support" })).toBeVisible();
  await expect(viewer.getByTestId("read-only-hint")).toBeVisible();
  await expect(viewer.getByRole("heading", { name: "Log what you did" })).toHaveCount(0);
  await expect(viewer.getByRole("heading", { name: "My numbers this week" })).toHaveCount(0);

  // Writing anyway, straight at the API with her session, is refused.
  const measures = await (await viewer.request.get("/api/v1/measures")).json();
  const measure = measures.leadMeasures.find((m: { teams: { teamId: string }[] }) => m.teams.some((t) => t.teamId === team.id));
  const write = await viewer.request.post("/api/v1/lead-entries", { data: { teamId: team.id, leadMeasureId: measure.id, date: daysAgo(1), value: 1 } });
  expect(write.status()).toBe(403);
  expect((await write.json()).error.message).toMatch(/Viewers can read/);
  expect((await viewer.request.get("/settings/people")).status()).toBe(403);
  await viewer.context().close();
});

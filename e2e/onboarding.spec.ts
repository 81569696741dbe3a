// A new customer on their own: a visitor signs up (confirming the address from the email the
// e2e server's SMTP server receives), runs the setup wizard — a team, a lead measure from a
// template with its weekly target, a lag measure driven by it, a colleague invited to the team —
// lands on the team's page and logs the first entry. The colleague gets the invitation by email,
// joins in a browser of their own and logs an entry the owner then sees on the team's page. Later
// the owner removes them: signing in again, they learn why they have no organization and start
// their own. The instance already holds the demo, so this is an ordinary sign-up.
import { expect, test, type Page } from "@playwright/test";
import { linkIn, waitForEmail } from "./mailbox";

// Each test builds on the one before (the owner, the organization, the colleague): stop at the
// first failure instead of running the rest against a half-made organization.
test.describe.configure({ mode: "serial" });

/** The addresses are this run's own, so nothing depends on a fresh database or mailbox. */
const RUN = Date.now().toString(36);
const VISITOR = { name: "Dana Reyes", email: `dana.${RUN}@onboarding-acme.test`, password: "violet-harbour-lantern-42", org: "Acme Care" };
const COLLEAGUE = { name: "Omar Ortiz", email: `omar.${RUN}@onboarding-acme.test`, password: "copper-meadow-kettle-57" };

async function signInWithPassword(page: Page, who: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("a visitor signs up, sets up the organization, invites a colleague who joins and logs an entry the owner sees", async ({ page, browser }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Create an organization" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);

  const form = page.getByRole("form", { name: "Sign up" });
  // A common password is refused by the server with a message at the field.
  await form.getByLabel("Your name").fill(VISITOR.name);
  await form.getByLabel("Work email").fill(VISITOR.email);
  await form.getByLabel("Password").fill("password1234");
  await form.getByLabel("Organization name").fill(VISITOR.org);
  // Prefilled from the browser, and changeable.
  await expect(form.getByLabel("Time zone")).not.toHaveValue("");
  await form.getByLabel("Currency").fill("EUR");
  await form.getByRole("button", { name: "Create an organization" }).click();
  await expect(form.getByText("This password is one of the most common: choose another.")).toBeVisible();
  await form.getByLabel("Password").fill(VISITOR.password);
  await form.getByRole("button", { name: "Create an organization" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const mail = await waitForEmail(VISITOR.email, { subject: /Confirm your email/ });
  await page.goto(linkIn(mail, /\/sign-up\/confirm\?token=/));
  await expect(page.getByRole("heading", { name: `Create ${VISITOR.org}` })).toBeVisible();
  await page.getByRole("button", { name: "Create the organization" }).click();

  // Step 1: teams.
  await expect(page).toHaveURL(/\/setup\/teams$/);
  await expect(page.getByText("Step 1 of 4")).toBeVisible();
  await page.getByLabel("Team names (one per line)").fill("Front Desk");
  await page.getByRole("button", { name: "Add teams and continue" }).click();

  // Step 2: a lead measure from a template, with the team's weekly target.
  await expect(page).toHaveURL(/\/setup\/lead$/);
  await expect(page.getByText("Step 2 of 4")).toBeVisible();
  const lead = page.getByRole("form", { name: "Lead measure" });
  await lead.getByLabel("Start from a template").selectOption("Follow-up calls");
  await expect(lead.getByLabel("Name")).toHaveValue("Follow-up calls");
  await expect(lead.getByLabel("Front Desk")).toBeChecked();
  await lead.getByLabel("Weekly target").fill("20");
  await lead.getByRole("button", { name: "Add lead measure" }).click();
  await expect(page.getByRole("region", { name: "Added" })).toContainText("Follow-up calls");
  await expect(page.getByRole("region", { name: "Added" })).toContainText("Front Desk: 20 a week");
  await page.getByRole("button", { name: "Continue" }).click();

  // Step 3: a lag measure from X to Y by when, driven by the lead measure.
  await expect(page).toHaveURL(/\/setup\/lag$/);
  const lag = page.getByRole("form", { name: "Lag measure" });
  await lag.getByLabel("Start from a template").selectOption("Customer satisfaction (CSAT)");
  await lag.getByLabel("Baseline (X)").fill("78");
  await lag.getByLabel("Target (Y)").fill("85");
  await lag.getByLabel("By").fill("2027-06-30");
  await lag.getByLabel("Follow-up calls").check();
  await lag.getByRole("button", { name: "Add lag measure" }).click();
  await expect(page.getByRole("region", { name: "Added" })).toContainText("driven by Follow-up calls");
  await page.getByRole("button", { name: "Continue" }).click();

  // Step 4: invite a colleague to the team; finish on the team's page.
  await expect(page).toHaveURL(/\/setup\/invite$/);
  await expect(page.getByText("Step 4 of 4")).toBeVisible();
  const invite = page.getByRole("form", { name: "Invite people" });
  await invite.getByLabel("Email addresses").fill(`${COLLEAGUE.name} <${COLLEAGUE.email}>`);
  await invite.getByLabel("Role").selectOption("MEMBER");
  await invite.getByRole("checkbox", { name: "Front Desk", exact: true }).check();
  await invite.getByRole("button", { name: "Send invitations" }).click();
  await expect(invite.getByRole("status")).toContainText("Invited 1 person.");
  await page.getByRole("button", { name: "Finish setup" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Front Desk");
  const teamUrl = page.url();
  // Managers and above reach the team's settings from its page.
  await expect(page.getByRole("link", { name: "Team settings" })).toHaveAttribute("href", new URL(teamUrl).pathname.replace("/teams/", "/settings/teams/"));

  // The first entry.
  const score = page.getByTestId("score-Follow-up calls");
  await expect(score.getByTestId("team-target")).toHaveText("20");
  const log = page.getByRole("form", { name: "Log a lead entry" });
  await log.getByLabel("How many").fill("3");
  await log.getByRole("button", { name: "Log it" }).click();
  await expect(log.getByRole("status")).toBeVisible();
  await expect(score.getByTestId("team-total")).toHaveText("3");

  // The invitation reached the test SMTP server; the colleague opens it in a browser of their own.
  const invitation = await waitForEmail(COLLEAGUE.email, { subject: new RegExp(`${VISITOR.name} invited you to ${VISITOR.org}`) });
  expect(invitation.text).toContain("on the team Front Desk");
  const context = await browser.newContext();
  const colleague = await context.newPage();
  await colleague.goto(linkIn(invitation, /\/invitations\/[\w-]{43}$/));
  await expect(colleague.getByRole("heading", { name: `Join ${VISITOR.org}` })).toBeVisible();
  await expect(colleague.getByLabel("Email")).toHaveValue(COLLEAGUE.email);
  await colleague.getByLabel("Your name").fill(COLLEAGUE.name);
  await colleague.getByLabel("Choose a password").fill(COLLEAGUE.password);
  await colleague.getByRole("button", { name: "Join" }).click();

  // A member of one team lands on it, in the organization, and logs this week's work.
  await expect(colleague.getByRole("heading", { level: 1 })).toHaveText("Front Desk");
  await expect(colleague.locator(".topbar .who")).toContainText(`${COLLEAGUE.name} · ${VISITOR.org} (member)`);
  await expect(colleague.getByRole("link", { name: "Team settings" })).toHaveCount(0);
  const theirLog = colleague.getByRole("form", { name: "Log a lead entry" });
  await theirLog.getByLabel("How many").fill("5");
  await theirLog.getByLabel("Note (optional)").fill("e2e: called back the Monday queue");
  await theirLog.getByRole("button", { name: "Log it" }).click();
  await expect(theirLog.getByRole("status")).toContainText("Logged 5");
  await context.close();

  // Back as the owner: the colleague's entry counts on the team's page.
  await page.goto(teamUrl);
  await expect(score.getByTestId("team-total")).toHaveText("8");
  const latest = page.getByRole("region", { name: "Latest entries this week" });
  await expect(latest).toContainText(`${COLLEAGUE.name} · Follow-up calls`);
  await expect(latest).toContainText("e2e: called back the Monday queue");

  // The wizard is done: home shows the team, not the wizard; no demo data in sight.
  await page.goto("/");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Front Desk" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tier 1 Support" })).toHaveCount(0);
});

test("a new, empty organization's pages say what is missing and link to the next step", async ({ page }) => {
  // The owner from the first test creates a second organization and skips its setup.
  await signInWithPassword(page, VISITOR);
  await page.goto("/organizations/new");
  await expect(page.getByRole("heading", { name: "Create another organization" })).toBeVisible();
  await page.getByLabel("Organization name").fill("Acme Labs");
  await page.getByRole("button", { name: "Create the organization" }).click();
  await expect(page).toHaveURL(/\/setup\/teams$/);
  await page.getByRole("button", { name: "Skip setup" }).click();
  await expect(page.getByRole("link", { name: "Add your first team" })).toBeVisible();

  const pages: [string, RegExp][] = [
    ["/dashboard", /No teams yet/],
    ["/dashboard/trends", /No lag measures yet/],
    ["/measures", /No lead measures yet/],
    ["/programs", /No programs yet/],
    ["/reports", /Nothing to report on yet/],
    ["/import", /No teams yet: imported rows name a team and a measure/],
    ["/audit", /organization\.create/],
  ];
  for (const [path, text] of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("main"), path).toContainText(text);
  }
});

test("someone removed from their only organization learns why on signing in, and can start their own", async ({ page, browser }) => {
  // The owner removes the colleague from Acme Care (a fresh sign-in opens the oldest organization).
  await signInWithPassword(page, VISITOR);
  await expect(page.getByLabel("Organization").locator("option:checked")).toHaveText(VISITOR.org);
  await page.goto("/settings/people?q=Omar");
  const card = page.getByTestId(`person-${COLLEAGUE.email}`);
  await card.getByRole("button", { name: `Remove ${COLLEAGUE.name}` }).click();
  await card.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page.getByRole("status")).toContainText(`${COLLEAGUE.name} was removed from the organization`);

  const context = await browser.newContext();
  const them = await context.newPage();
  await them.goto("/sign-in");
  await them.getByLabel("Email").fill(COLLEAGUE.email);
  await them.getByLabel("Password").fill(COLLEAGUE.password);
  await them.getByRole("button", { name: "Sign in" }).click();
  await expect(them).toHaveURL(/\/no-organization$/);
  await expect(them.getByRole("heading", { name: "You are not in an organization" })).toBeVisible();
  await expect(them.getByText("Your access was deactivated, or you were removed.")).toBeVisible();
  await expect(them.getByRole("link", { name: "Sign in with SSO" })).toHaveAttribute("href", "/sso");
  await expect(them.getByRole("button", { name: "Sign out" })).toBeVisible();

  // Creating an organization needs no organization: a page of its own, outside the app's frame.
  await them.getByRole("link", { name: "Create an organization" }).click();
  await expect(them).toHaveURL(/\/organizations\/new$/);
  await expect(them.getByRole("heading", { name: "Create an organization", level: 1 })).toBeVisible();
  await them.getByLabel("Organization name").fill("Ortiz Consulting");
  await them.getByRole("button", { name: "Create the organization" }).click();
  await expect(them).toHaveURL(/\/setup\/teams$/);
  await expect(them.locator(".topbar .who")).toContainText(`${COLLEAGUE.name} · Ortiz Consulting (owner)`);
  await context.close();
});

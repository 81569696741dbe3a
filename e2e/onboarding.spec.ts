// A new customer on their own: a visitor signs up (confirming the address from the email the
// e2e server's SMTP server receives), runs the setup wizard — a team, a lead measure from a
// template with its weekly target, a lag measure driven by it — lands on the team's page and
// logs the first entry. The instance already holds the demo, so this is an ordinary sign-up.
import { expect, test } from "@playwright/test";
import { linkIn, waitForEmail } from "./mailbox";

const VISITOR = { name: "Dana Reyes", email: "dana@onboarding-acme.test", password: "violet-harbour-lantern-42", org: "Acme Care" };

test("a visitor signs up, sets up the organization and logs the first entry", async ({ page }) => {
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

  // Step 4: invitations (another spec invites a colleague); finish on the team's page.
  await expect(page).toHaveURL(/\/setup\/invite$/);
  await expect(page.getByText("Step 4 of 4")).toBeVisible();
  await page.getByRole("button", { name: "Finish setup" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Front Desk");

  // The first entry.
  const score = page.getByTestId("score-Follow-up calls");
  await expect(score.getByTestId("team-target")).toHaveText("20");
  const log = page.getByRole("form", { name: "Log a lead entry" });
  await log.getByLabel("How many").fill("3");
  await log.getByRole("button", { name: "Log it" }).click();
  await expect(log.getByRole("status")).toBeVisible();
  await expect(score.getByTestId("team-total")).toHaveText("3");

  // The wizard is done: home shows the team, not the wizard; no demo data in sight.
  await page.goto("/");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Front Desk" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Tier 1 Support" })).toHaveCount(0);
});

test("a new, empty organization's pages say what is missing and link to the next step", async ({ page }) => {
  // The owner from the first test creates a second organization and skips its setup.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(VISITOR.email);
  await page.getByLabel("Password").fill(VISITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/organizations/new");
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

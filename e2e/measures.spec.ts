import { expect, test } from "@playwright/test";
import { dayWithYear } from "@/lib/domain/format";
import { DEMO_ORG_SETTINGS } from "@/lib/seed/demo/catalogue";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("measures").users;

test("a manager defines a lead measure from a template and a team can log it", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/measures");
  await page.getByRole("link", { name: "New lead measure" }).click();
  await page.getByLabel("Start from a template").selectOption("Follow-up calls");
  await expect(page.getByLabel("Name")).toHaveValue("Follow-up calls");
  // Track it on Tier 1 Support only.
  const form = page.getByRole("form", { name: "Lead measure" });
  for (const team of ["Billing Care", "Technical Escalations"]) await form.getByLabel(team).uncheck();
  await form.getByLabel("Tier 1 Support").check();
  await page.getByRole("button", { name: "Create lead measure" }).click();
  await expect(page.getByRole("status")).toContainText("Created");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Follow-up calls");

  // The team's scoreboard now has it.
  await page.goto("/");
  await page.getByRole("link", { name: "Tier 1 Support" }).click();
  await expect(page.getByTestId("score-Follow-up calls")).toBeVisible();
});

test("the measure form shows field messages and saves nothing on bad input", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/measures/lag/new");
  await page.getByLabel("Name").fill("Repeat contacts");
  await page.getByLabel("Which way is better").selectOption("LOWER_IS_BETTER");
  await page.getByLabel("Baseline (X)").fill("12");
  await page.getByLabel("Target (Y)").fill("15");
  await page.getByLabel("By").fill("2027-06-30");
  await page.getByRole("button", { name: "Create lag measure" }).click();
  await expect(page.getByText("Must be better than the baseline in the direction you chose.")).toBeVisible();
  await page.getByLabel("Target (Y)").fill("8");
  await page.getByRole("button", { name: "Create lag measure" }).click();
  await expect(page.getByRole("status")).toContainText("Created");
  await page.goto("/measures");
  await expect(page.getByRole("row", { name: /Repeat contacts/ })).toContainText("↓ lower is better");
});

test("a member cannot open the measures pages", async ({ page }) => {
  await signIn(page, USERS.member.email);
  expect((await page.goto("/measures"))?.status()).toBe(403);
  expect((await page.goto("/measures/lead/new"))?.status()).toBe(403);
  expect((await page.goto("/audit"))?.status()).toBe(403);
});

test("a lower-is-better lag shows green when it drops and red when it rises", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/measures");
  await page.getByRole("link", { name: "Average resolution time" }).click();
  await expect(page.getByText("↓ lower is better").first()).toBeVisible();
  const form = page.getByRole("form", { name: "Record a result" });
  const results = page.getByRole("region", { name: "Results" });

  // Today's organization-wide result (the date field defaults to today).
  const today = await form.getByLabel("Date").inputValue();
  await form.getByLabel(/Value/).fill("5");
  await form.getByLabel("Note (optional)").fill("e2e drop");
  await form.getByRole("button", { name: "Record" }).click();
  await expect(form.getByRole("status")).toContainText(/Recorded|Replaced/);
  // The table writes the day as the organization does ("18 Nov 2026"), not as the field's value.
  const row = () => results.getByRole("row", { name: new RegExp(`${dayWithYear(today, DEMO_ORG_SETTINGS.locale)} Organization`) });
  const low = row();
  await expect(low.locator(".badge")).toHaveText("On track");
  await expect(low.locator(".badge")).toHaveClass(/green/);

  // The same date again replaces the value: now far above the path.
  await form.getByLabel(/Value/).fill("500");
  await form.getByRole("button", { name: "Record" }).click();
  await expect(form.getByRole("status")).toContainText("Replaced");
  await expect(row()).toHaveCount(1);
  await expect(row().locator(".badge")).toHaveText("Off track");
  await expect(row().locator(".badge")).toHaveClass(/red/);
});

test("a manager names who answers for a lag measure, and the list and its page show it", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/measures");
  // The demo's goals come with their owners.
  await expect(page.getByRole("row", { name: /Average resolution time/ })).toContainText("Hannah Fischer");
  await page.getByRole("link", { name: "NPS", exact: true }).click();
  await expect(page.getByText("Owner: Daniel Okafor")).toBeVisible();

  const form = page.getByRole("form", { name: "Lag measure" });
  await form.getByLabel("Owner", { exact: true }).selectOption({ label: "Maya Patel" });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText("Saved.");
  await page.reload();
  await expect(page.getByText("Owner: Maya Patel")).toBeVisible();
  await expect(form.getByLabel("Owner", { exact: true })).toHaveValue(/.+/);

  // Nobody named: the page says so and the list shows a dash.
  await form.getByLabel("Owner", { exact: true }).selectOption({ label: "Nobody yet" });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByRole("status")).toContainText("Saved.");
  await page.goto("/measures");
  await expect(page.getByRole("row", { name: /NPS/ }).getByRole("cell").nth(2)).toHaveText("—");
  await page.getByRole("link", { name: "NPS", exact: true }).click();
  await expect(page.getByText("Owner: nobody yet")).toBeVisible();
});

import { expect, test } from "@playwright/test";
import { DEMO_USERS, expectChartPainted, signIn } from "./fixtures";

test("an anonymous visitor is sent to sign-in", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});

test("a wrong password shows an error and does not sign in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO_USERS.member.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("empty sign-in fields get field messages", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/^Enter an email address/)).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("a member logs 3 coaching conversations and the team total moves", async ({ page }) => {
  await signIn(page, DEMO_USERS.member.email);
  // A member with one team lands on it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_USERS.member.team);
  const score = page.getByTestId("score-Coaching conversations");
  const total = score.getByTestId("team-total");
  const before = Number((await total.textContent())!.replace(/[^\d.]/g, ""));

  await page.getByLabel("Measure", { exact: true }).selectOption({ label: "Coaching conversations" });
  await page.getByLabel("How many").fill("3");
  await page.getByLabel("Note (optional)").fill("e2e: coached on refunds");
  await page.getByRole("button", { name: "Log it" }).click();

  await expect(page.getByRole("status")).toContainText("Logged 3");
  await expect(total).toHaveText(String(before + 3));
  await expect(page.getByText("e2e: coached on refunds")).toBeVisible();
});

test("a bad value gets a field message and logs nothing", async ({ page }) => {
  await signIn(page, DEMO_USERS.member.email);
  const total = page.getByTestId("score-Coaching conversations").getByTestId("team-total");
  const before = await total.textContent();
  await page.getByLabel("How many").fill("-4");
  await page.getByRole("button", { name: "Log it" }).click();
  await expect(page.getByText("Must be zero or more.")).toBeVisible();
  await expect(page.getByLabel("How many")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(total).toHaveText(before!);
});

test("a member cannot open the manager dashboard", async ({ page }) => {
  await signIn(page, DEMO_USERS.member.email);
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

test("the manager sees the weekly chart of a lead measure across teams", async ({ page }) => {
  await signIn(page, DEMO_USERS.manager.email);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: /weekly totals per team/ })).toBeVisible();
  const canvas = page.getByTestId("lead-totals-chart");
  await expect(canvas).toBeVisible();
  // chart.js paints after hydration: wait until the canvas has non-blank pixels.
  await expectChartPainted(canvas);
  // The text alternative lists every team.
  await page.getByText("Show the numbers as a table").click();
  const table = page.getByTestId("totals-table");
  for (const team of ["Tier 1 Support", "Billing Care", "Technical Escalations"]) {
    await expect(table.getByRole("columnheader", { name: new RegExp(team) })).toBeVisible();
  }
  await expect(table.getByRole("row")).toHaveCount(14); // header + 13 weeks
  // Choosing another measure changes the URL and the chart title.
  await page.getByLabel("Lead measure").selectOption({ label: "Recognitions given" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/lead=/);
  await expect(page.getByRole("heading", { name: /Recognitions given: weekly totals/ })).toBeVisible();
});

test("the header's Sign out signs out in one click, lands on sign-in and protects pages again", async ({ page }) => {
  await signIn(page, DEMO_USERS.member.email);
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("without JavaScript, Sign out leads to a page whose one button signs out", async ({ page, browser }) => {
  await signIn(page, DEMO_USERS.member.email);
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  try {
    await noScript.addCookies(await page.context().cookies());
    const plain = await noScript.newPage();
    await plain.goto("/");
    await plain.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
    await expect(plain).toHaveURL(/\/sign-out$/);
    await expect(plain.getByRole("main").getByRole("button")).toHaveCount(1);
    await plain.getByRole("button", { name: "Sign out" }).click();
    await expect(plain).toHaveURL(/\/sign-in/);
    await plain.goto("/");
    await expect(plain).toHaveURL(/\/sign-in/);
  } finally {
    await noScript.close();
  }
});

test("a member cannot open another team's page, and an unknown team is not found", async ({ page, browser }) => {
  // The manager sees every team; take another team's address from the list.
  await signIn(page, DEMO_USERS.manager.email);
  await page.goto("/");
  const href = await page.getByRole("link", { name: "Billing Care" }).getAttribute("href");
  expect(href).toMatch(/^\/teams\//);

  const member = await browser.newPage();
  await signIn(member, DEMO_USERS.member.email);
  const forbidden = await member.goto(href!);
  expect(forbidden?.status()).toBe(403);
  const missing = await member.goto("/teams/00000000-0000-4000-8000-000000000000");
  expect(missing?.status()).toBe(404);
  await expect(member.getByRole("heading", { name: "Not found" })).toBeVisible();
  await member.close();
});

import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("week-grid").users;

test("a member fills the weekly grid with the keyboard only", async ({ page }) => {
  await signIn(page, USERS.member.email);
  const grid = page.getByRole("form", { name: "My numbers this week" });
  const row = grid.getByRole("row", { name: /Training hours/ });
  const cells = row.locator("input:not([type=hidden]):not([disabled])");
  await expect(cells.first()).toBeVisible();
  const editable = await cells.count();
  expect(editable).toBeGreaterThan(0);
  const teamTotal = page.getByTestId("score-Training hours").getByTestId("team-total");
  const before = Number((await teamTotal.textContent())!.replace(/[^\d.]/g, ""));
  const myWeekBefore = Number((await row.locator("td").last().textContent())!.replace(/[^\d.]/g, ""));

  // Focus the row's first open day, then keyboard only: select, type, Tab, type, Enter.
  const first = cells.first();
  const firstBefore = Number((await first.inputValue()) || 0);
  await first.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("2.5");
  let added = 2.5 - firstBefore;
  if (editable > 1) {
    const secondBefore = Number((await cells.nth(1).inputValue()) || 0);
    await page.keyboard.press("Tab");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("1");
    added += 1 - secondBefore;
  }
  await page.keyboard.press("Enter");

  await expect(grid.getByRole("status")).toContainText(/Saved|Nothing changed/);
  await expect(teamTotal).toHaveText(String(Math.round((before + added) * 10) / 10));
  await expect(row.locator("td").last()).toHaveText(String(Math.round((myWeekBefore + added) * 10) / 10));
  await expect(first).toHaveValue("2.5");
});

test("a bad grid value is flagged on its day and nothing is saved", async ({ page }) => {
  await signIn(page, USERS.member.email);
  const grid = page.getByRole("form", { name: "My numbers this week" });
  const first = grid.getByRole("row", { name: /Coaching conversations/ }).locator("input:not([type=hidden]):not([disabled])").first();
  const was = await first.inputValue();
  await first.fill("-3");
  await first.press("Enter");
  await expect(grid.getByText("Must be zero or more.")).toBeVisible();
  await expect(first).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(grid.getByRole("row", { name: /Coaching conversations/ }).locator("input:not([type=hidden]):not([disabled])").first()).toHaveValue(was);
});

test("a member deletes their own entry and undoes it", async ({ page }) => {
  await signIn(page, USERS.member.email);
  await page.getByLabel("How many").fill("1");
  await page.getByLabel("Note (optional)").fill("e2e: to be deleted");
  await page.getByRole("button", { name: "Log it" }).click();
  const item = page.getByRole("listitem").filter({ hasText: "e2e: to be deleted" });
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Entry deleted." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "e2e: to be deleted" })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "e2e: to be deleted" })).toBeVisible();
});

test("a manager corrects a member's week", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/");
  await page.getByRole("link", { name: USERS.member.team }).click();
  await page.getByLabel("Whose week").selectOption({ label: USERS.member.name });
  await expect(page.getByRole("heading", { name: `${USERS.member.name}'s numbers this week` })).toBeVisible();
  const grid = page.getByRole("form", { name: `${USERS.member.name}'s numbers this week` });
  const cell = grid.getByRole("row", { name: /Recognitions given/ }).locator("input:not([type=hidden]):not([disabled])").first();
  await cell.fill("4");
  await cell.press("Enter");
  await expect(grid.getByRole("status")).toContainText(/Saved 1 day|Nothing changed/);
  await page.reload();
  await expect(grid.getByRole("row", { name: /Recognitions given/ }).locator("input:not([type=hidden]):not([disabled])").first()).toHaveValue("4");
  // The audit trail names the manager as the one who changed it.
  await page.goto("/audit?type=LeadCell");
  await expect(page.getByRole("row").nth(1)).toContainText(USERS.manager.name);
});

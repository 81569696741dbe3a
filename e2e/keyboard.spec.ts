import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("keyboard").users;

test("from the top of a team page, Tab, Enter and a number save a day without a mouse", async ({ page }) => {
  await signIn(page, USERS.member.email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(USERS.member.team);
  const skip = page.getByRole("link", { name: "Skip to My numbers this week" });
  await expect(skip).toBeAttached();

  const grid = page.getByRole("form", { name: "My numbers this week" });
  const row = grid.getByRole("row").nth(1);
  const measure = (await row.getByRole("rowheader").textContent())!.split(" · ")[0]!;
  const teamTotal = page.getByTestId(`score-${measure}`).getByTestId("team-total");
  const before = Number((await teamTotal.textContent())!.replace(/[^\d.]/g, ""));
  const firstCell = row.locator("input:not([type=hidden])").first();
  const was = Number((await firstCell.inputValue()) || 0);

  // One Tab from the top reaches the skip link; Enter lands in "My numbers this week".
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "My numbers this week" })).toBeFocused();

  // The next Tab is the grid's first cell: type a number and save with Enter.
  await page.keyboard.press("Tab");
  await expect(firstCell).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(String(was + 4));
  await page.keyboard.press("Enter");

  await expect(grid.getByRole("status")).toContainText("Saved");
  await expect(teamTotal).toHaveText(String(before + 4));
});

test("on an earlier week the skip link names that week, as the grid's heading does", async ({ page }) => {
  await signIn(page, USERS.member.email);
  await page.getByRole("link", { name: "← Previous week" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^My numbers in the week of / })).toBeVisible();
  const heading = (await page.getByRole("heading", { level: 2, name: /^My numbers in the week of / }).textContent())!;
  await expect(page.getByRole("link", { name: `Skip to ${heading}`, exact: true })).toBeAttached();
});

test("the grid comes before everything else on a team page", async ({ page }) => {
  await signIn(page, USERS.member.email);
  const grid = page.getByRole("region", { name: "My numbers this week" });
  const scoreboard = page.getByRole("region", { name: /Scoreboard/ });
  const gridTop = (await grid.boundingBox())!.y;
  expect(gridTop).toBeLessThan((await scoreboard.boundingBox())!.y);
  // In the first screenful of a laptop, not ~1,300 px down.
  expect(gridTop).toBeLessThan(400);
});

test("the log form's date is one Tab after the amount, and one more Tab leaves it", async ({ page }) => {
  await signIn(page, USERS.member.email);
  const form = page.getByRole("form", { name: "Log a lead entry" });
  await form.getByLabel("How many").focus();
  await page.keyboard.type("2");
  await page.keyboard.press("Tab");
  const date = form.getByLabel("Date");
  await expect(date).toBeFocused();
  // Today is offered first; the arrow keys pick an earlier day.
  await expect(date.locator("option:checked")).toHaveText(/^Today/);
  await page.keyboard.press("ArrowDown");
  await expect(date.locator("option:checked")).not.toHaveText(/^Today/);
  const yesterday = (await date.locator("option:checked").textContent())!;
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Note (optional)")).toBeFocused();
  await page.keyboard.type("e2e: logged from the keyboard");
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toContainText("Logged 2");
  // Logged on the day picked, yesterday (this week, so among the latest entries).
  await expect(page.getByRole("listitem").filter({ hasText: "e2e: logged from the keyboard" })).toContainText(yesterday);
});

// The manager dashboard on a copy of the demo organization: filters in the URL survive a reload, the
// heatmap paints, sorting reorders the roll-up, the lead totals download as the charted numbers,
// and a member is refused.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectChartPainted, signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("dashboard").users;

const TEAMS = ["Billing Care", "Technical Escalations", "Tier 1 Support"];


const rollupTeams = (page: Page) => page.getByTestId("rollup-team").getByRole("rowheader");

test("the manager filters the dashboard to two teams, and the URL keeps the view across a reload", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Teams at a glance" })).toBeVisible();
  await expect(rollupTeams(page)).toHaveText(TEAMS);

  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByRole("checkbox", { name: "Billing Care" }).check();
  await filters.getByRole("checkbox", { name: "Tier 1 Support" }).check();
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/teams=[0-9a-f-]+%2C[0-9a-f-]+|teams=[0-9a-f-]+,[0-9a-f-]+/);
  await expect(rollupTeams(page)).toHaveText(["Billing Care", "Tier 1 Support"]);

  await page.reload();
  await expect(rollupTeams(page)).toHaveText(["Billing Care", "Tier 1 Support"]);
  await expect(page.getByText("2 of 3 teams")).toBeVisible();
  // The heatmap's table alternative follows the same filter.
  await page.getByText("Show the heatmap as a table").click();
  await expect(page.getByTestId("heatmap-table").getByRole("rowheader")).toHaveText(["Billing Care", "Tier 1 Support"]);
});

test("the heatmap paints, explains its colours and lists every cell as a table", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/dashboard");
  await expectChartPainted(page.getByTestId("heatmap-chart"));
  await expect(page.getByRole("list", { name: "Colours" })).toContainText("On target: 100% or more");
  await page.getByText("Show the heatmap as a table").click();
  const table = page.getByTestId("heatmap-table");
  await expect(table.getByRole("rowheader")).toHaveText(TEAMS);
  await expect(table.getByRole("columnheader")).toHaveCount(1 + 13); // team + 13 weeks
  // Choosing one measure keeps it in the URL.
  await page.getByRole("link", { name: "Coaching conversations only" }).click();
  await expect(page).toHaveURL(/heatmap=measure/);
  await expect(page.getByRole("heading", { name: "Coaching conversations: attainment by team and week" })).toBeVisible();
});

test("sorting by a column reorders the teams, and the sort is in the URL", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/dashboard");
  const rollup = page.getByTestId("rollup");
  // In the demo, Technical Escalations trails the other teams over the quarter.
  await rollup.getByRole("button", { name: /13 weeks/ }).click();
  await expect(page).toHaveURL(/sort=trailing13&dir=asc/);
  await expect(rollup.getByRole("columnheader", { name: /13 weeks/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(rollupTeams(page).first()).toHaveText("Technical Escalations");
  // Keyboard: focus the same header and press Enter to flip the order.
  await rollup.getByRole("button", { name: /13 weeks/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=trailing13&dir=desc/);
  await expect(rollupTeams(page).last()).toHaveText("Technical Escalations");
  await rollup.getByRole("button", { name: /Team/ }).click();
  await expect(rollupTeams(page)).toHaveText(TEAMS);
});

test("the weekly lead totals download as a CSV of the charted numbers", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/dashboard");
  const section = page.locator("section").filter({ has: page.getByRole("heading", { name: /weekly totals per team/ }) });
  await expectChartPainted(section.getByTestId("lead-totals-chart"));
  await section.getByText("Show the numbers as a table").click();
  const tableRows = section.getByTestId("totals-table").locator("tbody tr");
  await expect(tableRows).toHaveCount(13);
  const lastRow = (await tableRows.last().getByRole("cell").allTextContents()).map((v) => Number(v.replace(/,/g, "")));

  const downloading = page.waitForEvent("download");
  await section.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("coaching-conversations-weekly-totals-per-team.csv");
  const lines = (await readFile((await download.path())!, "utf8")).trim().split(/\r\n/);
  expect(lines[0]).toBe(`Week,${TEAMS.join(",")}`);
  expect(lines).toHaveLength(14);
  const [week, ...values] = lines.at(-1)!.split(",");
  expect(week).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(values.map(Number)).toEqual(lastRow);
});

test("a member gets 403 on the dashboard", async ({ page }) => {
  await signIn(page, USERS.member.email);
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("rollup")).toHaveCount(0);
});

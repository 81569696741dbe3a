import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectChartPainted, signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("dashboard-trends").users;


const lagSection = (page: Page) => page.locator("section", { has: page.locator("#lag-title") });

/** A CSV download's rows, split on commas (the charted numbers hold none). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r\n/)
    .map((line) => line.split(","));
}

const number = (cell: string) => (cell === "" || cell === "—" ? null : Number(cell.replace(/,/g, "")));

test("the manager sees a lag's trend, its forecast and whether a lead measure predicts it", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/dashboard/trends");
  await expect(page.getByRole("heading", { level: 1, name: "Trends" })).toBeVisible();

  // The first lag measure by name is resolution time, where lower is better.
  await expect(page.getByRole("heading", { name: /^Average resolution time: weekly means, path and forecast/ })).toBeVisible();
  await expect(page.getByTestId("lag-summary")).toContainText("lower is better");
  await expect(page.getByTestId("lag-summary")).toContainText("If the trend holds");

  const chart = page.getByTestId("lag-chart");
  await expect(chart).toBeVisible();
  await expectChartPainted(chart);
  await expectChartPainted(page.getByTestId("overlay-chart"));

  // The lead → lag panel: a verdict sentence and one row per lag tested, claiming no cause.
  const panel = page.getByTestId("lead-lag-panel");
  await expect(panel.getByRole("heading", { name: "Does Coaching conversations predict Average resolution time?" })).toBeVisible();
  await expect(panel.getByTestId("verdict-text")).toHaveText(/^(Predictive|Related, but|Weak evidence|No evidence|Nothing to learn|Not enough data)\b.*\.$/);
  await expect(panel.getByTestId("lead-lag-table").locator("tbody tr")).toHaveCount(9);
  expect(await panel.textContent()).not.toMatch(/\bcauses\b/i);
});

test("choosing another lag measure goes into the URL and survives a reload", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/dashboard/trends");
  await page.getByLabel("Lag measure").selectOption({ label: "CSAT" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]lag=[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: /^CSAT: weekly means/ })).toBeVisible();
  const url = page.url();

  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.getByRole("heading", { name: /^CSAT: weekly means/ })).toBeVisible();
  await expect(page.getByLabel("Lag measure")).toHaveValue(new URL(url).searchParams.get("lag")!);
  await expect(page.getByTestId("lag-summary")).toContainText("higher is better");
  await expect(page.getByTestId("lead-lag-panel").getByRole("heading")).toHaveText("Does Coaching conversations predict CSAT?");
});

test("one team selected: the trend is that team's", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/dashboard/trends");
  await page.getByLabel("Billing Care").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]teams=[0-9a-f-]{36}(&|$)/);
  await expect(page.getByRole("heading", { name: /weekly means, path and forecast · Billing Care$/ })).toBeVisible();
  await expect(page.getByTestId("lead-lag-panel")).toContainText("Billing Care, the 52 weeks from");
});

test("the lag chart's CSV holds the numbers its table shows", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/dashboard/trends");
  const section = lagSection(page);
  const downloading = page.waitForEvent("download");
  await section.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^average-resolution-time-weekly-means.*\.csv$/);
  const [header, ...rows] = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(header).toEqual(["Week starting", "Weekly mean (hours)", "Path", "On the path", "Forecast", "80% low", "80% high", "95% low", "95% high"]);

  const tableRows = section.getByTestId("lag-table").locator("tbody tr");
  await expect(tableRows).toHaveCount(rows.length);
  // 13 weeks of history and 13 of forecast, as charted.
  expect(rows).toHaveLength(26);
  let compared = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const cells = await tableRows.nth(i).locator("td").allTextContents();
    await expect(tableRows.nth(i)).toHaveAttribute("data-week", row[0]!);
    expect(number(cells[0]!), `weekly mean, ${row[0]}`).toBe(number(row[1]!));
    expect(number(cells[1]!), `path, ${row[0]}`).toBe(number(row[2]!));
    expect(number(cells[3]!), `forecast, ${row[0]}`).toBe(number(row[4]!));
    if (row[1] || row[4]) compared++;
  }
  expect(compared).toBeGreaterThan(20);
});

test("the trends page fits a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, USERS.manager.email);
  await page.goto("/dashboard/trends");
  const chart = page.getByTestId("lag-chart");
  await expectChartPainted(chart);
  for (const section of await page.locator("main section").all()) {
    const box = (await section.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});

test("a member cannot open the trends page", async ({ page }) => {
  await signIn(page, USERS.member.email);
  const response = await page.goto("/dashboard/trends");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

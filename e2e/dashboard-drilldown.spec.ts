import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("dashboard-drilldown").users;

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

/** A demo record's id, from the link to it on a page the manager can open. */
async function idFromLink(page: Page, path: string, name: string, prefix: RegExp): Promise<string> {
  await page.goto(path);
  const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
  expect(href).toMatch(prefix);
  return href!.split("/").pop()!;
}

test("the manager drills into a team: people × measures, commitments, entries, and a CSV of the table", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  const teamId = await idFromLink(page, "/", "Tier 1 Support", /^\/teams\//);
  await page.goto(`/dashboard/teams/${teamId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tier 1 Support");

  // Every member has a row, and every lead measure a column with a total.
  const table = page.getByTestId("member-totals");
  for (const person of [USERS.manager.name, USERS.member.name, "Jordan Lee"]) {
    await expect(table.getByRole("rowheader", { name: person })).toBeVisible();
  }
  await expect(table.getByRole("columnheader", { name: /Coaching conversations/ })).toBeVisible();
  const samRow = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: USERS.member.name }) });
  const samCoaching = (await samRow.getByRole("cell").first().locator("strong").textContent())!.trim();
  expect(Number(samCoaching.replace(/,/g, ""))).toBeGreaterThan(0);
  // Attainment is a word as well as a colour.
  await expect(samRow.getByRole("cell").first()).toContainText(/On target|Close|Behind/);

  await expect(page.getByRole("heading", { name: "Commitments" })).toBeVisible();
  const entries = page.getByTestId("team-entries");
  await expect(entries.getByRole("columnheader", { name: "Source" })).toBeVisible();
  await expect(entries.getByRole("cell", { name: "Demo seed" }).first()).toBeVisible();
  // 13 weeks of six people's activity is more than a page: the next page is a link away.
  await page.getByRole("link", { name: "Older entries →" }).click();
  await expect(page).toHaveURL(/entries=/);
  await expect(page.getByRole("link", { name: "← Newest entries" })).toBeVisible();

  // The CSV holds the numbers the table shows.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toMatch(/^Person,Measure,Unit,Total,/);
  expect(csv).toContain(`${USERS.member.name},Coaching conversations,conversations,${samCoaching.replace(/,/g, "")},`);

  await expect(page.getByRole("link", { name: "Weekly check-in →" })).toHaveAttribute("href", `/teams/${teamId}/check-in`);
  await page.getByRole("link", { name: "← Dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard\?/);
});

test("the team drill-down's date range lives in the URL and survives a reload", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  const teamId = await idFromLink(page, "/", "Billing Care", /^\/teams\//);
  await page.goto(`/dashboard/teams/${teamId}`);
  const from = await page.getByLabel("From the week of").inputValue();
  // Narrow the range to its last four weeks.
  const to = await page.getByLabel("To the week of").inputValue();
  const start = new Date(`${to}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - 21);
  const narrowed = start.toISOString().slice(0, 10);
  expect(narrowed > from).toBe(true);
  await page.getByLabel("From the week of").fill(narrowed);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`from=${narrowed}`));
  await page.reload();
  await expect(page.getByLabel("From the week of")).toHaveValue(narrowed);
  await expect(page.getByText(/Attainment and weeks on target/)).toContainText("last 4 weeks");
});

test("the manager drills into CSAT: every observation with its team, path status and source", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  const lagId = await idFromLink(page, "/measures", "CSAT", /^\/measures\/lag\//);
  await page.goto(`/dashboard/lags/${lagId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("CSAT");
  await expect(page.getByText(/Goal: from 78% to 88%/)).toBeVisible();

  const counts = page.getByTestId("source-counts");
  await expect(counts).toContainText("Demo seed");
  const table = page.getByTestId("lag-observations");
  for (const column of ["Date", "For", "Value", "Against the path", "Source", "Recorded"]) {
    await expect(table.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
  }
  await expect(table.getByRole("cell", { name: "Organization" }).first()).toBeVisible();
  await expect(table.getByRole("cell", { name: "Tier 1 Support" }).first()).toBeVisible();
  await expect(table.getByRole("cell", { name: "Demo seed" }).first()).toBeVisible();
  await expect(table.getByText(/On track|Off track/).first()).toBeVisible();

  // Filtering to one team keeps only its values, and says so.
  await page.getByRole("checkbox", { name: "Billing Care" }).check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/teams=/);
  await expect(page.getByText(/values for Billing Care only/)).toBeVisible();
  await expect(table.getByRole("cell", { name: "Organization" })).toHaveCount(0);
  await expect(table.getByRole("cell", { name: "Tier 1 Support" })).toHaveCount(0);

  await expect(page.getByRole("link", { name: /Record a result/ })).toHaveAttribute("href", `/measures/lag/${lagId}`);
});

test("the drill-downs fit a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, USERS.manager.email);
  const teamId = await idFromLink(page, "/", "Tier 1 Support", /^\/teams\//);
  const lagId = await idFromLink(page, "/measures", "CSAT", /^\/measures\/lag\//);
  for (const [path, table] of [
    [`/dashboard/teams/${teamId}`, "member-totals"],
    [`/dashboard/lags/${lagId}`, "lag-observations"],
  ] as const) {
    await page.goto(path);
    await expect(page.getByTestId(table)).toBeVisible();
    // Wide tables scroll inside their card; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  }
});

test("a member is refused the drill-downs, and unknown ids are not found", async ({ page, browser }) => {
  await signIn(page, USERS.manager.email);
  const teamId = await idFromLink(page, "/", "Tier 1 Support", /^\/teams\//);
  const lagId = await idFromLink(page, "/measures", "CSAT", /^\/measures\/lag\//);
  for (const path of [`/dashboard/teams/${UNKNOWN}`, `/dashboard/lags/${UNKNOWN}`, "/dashboard/teams/not-a-team"]) {
    const missing = await page.goto(path);
    expect(missing?.status()).toBe(404);
  }

  const member = await browser.newPage();
  await signIn(member, USERS.member.email);
  // Even their own team's drill-down is a manager's view.
  for (const path of [`/dashboard/teams/${teamId}`, `/dashboard/lags/${lagId}`]) {
    const refused = await member.goto(path);
    expect(refused?.status()).toBe(403);
    await expect(member.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
  await member.close();
});

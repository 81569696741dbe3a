import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { daysAgo, specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("csv-import").users;

const manager = USERS.manager.email;
const member = USERS.member.email;

async function choose(page: Page, name: string, text: string) {
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

test("a manager imports a CSV with errors, sees each problem by row, fixes the file and imports it", async ({ page }) => {
  const [d1, d2] = [daysAgo(2), daysAgo(3)];
  await signIn(page, manager);
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import and export" })).toBeVisible();

  const header = "Person,Team,Measure,Date,Value,Note\r\n";
  const bad =
    "\uFEFF" +
    header +
    `${member},Tier 1 Support,Coaching conversations,${d1},2,"e2e import, from the old tracker"\r\n` +
    `nobody@leadlag.demo,Tier 1 Support,Coaching conversations,${d1},1,\r\n` +
    `${manager},Tier 1 Support,Coaching conversations,2026-02-30,1,\r\n` +
    `${manager},Tier 1 Support,Training hours,${d2},lots,\r\n`;
  await choose(page, "entries.csv", bad);
  await page.getByRole("button", { name: "Check file" }).click();

  const problems = page.getByRole("table", { name: "Problems in the file" });
  await expect(problems.getByRole("row")).toHaveCount(4);
  await expect(problems.getByRole("row").nth(1)).toContainText(/3\s*Person\s*No member of this organization has the email "nobody@leadlag.demo"/);
  await expect(problems.getByRole("row").nth(2)).toContainText(/4\s*Date\s*2026-02-30 is not a date in the calendar/);
  await expect(problems.getByRole("row").nth(3)).toContainText(/5\s*Value\s*"lots" is not a number/);
  await expect(page.getByRole("button", { name: "Import 4 rows" })).toBeDisabled();
  await expect(page.getByText("Nothing is imported until every row is right")).toBeVisible();

  const fixed =
    header +
    `${member},Tier 1 Support,Coaching conversations,${d1},2,"e2e import, from the old tracker"\r\n` +
    `${manager},Tier 1 Support,Coaching conversations,${d1},1,\r\n` +
    `${manager},Tier 1 Support,Training hours,${d2},1.5,\r\n`;
  await choose(page, "entries-fixed.csv", fixed);
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByRole("heading", { name: "Check of entries-fixed.csv" })).toBeFocused();
  await expect(problems).toHaveCount(0);
  await expect(page.getByRole("table", { name: "First rows as they will be imported" }).getByRole("row")).toHaveCount(4);

  // Hold the server's answer back so the progress bar can be seen before the import is done.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/v1/imports/lead-entries/commit", async (route) => {
    const response = await route.fetch();
    await gate;
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "Import 3 rows" }).click();
  await expect(page.getByRole("progressbar", { name: "Importing… 0 of 3 rows" })).toHaveAttribute("aria-valuenow", "0");
  await expect(page.getByRole("button", { name: "Importing…" })).toBeDisabled();
  release();
  await expect(page.getByRole("status")).toContainText("Imported 3 rows:");
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  // The entries are in: the export of that day lists them exactly as imported.
  await page.getByLabel("From (optional)").fill(d1);
  await page.getByLabel("To (optional)").fill(d1);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download lead entries" }).click();
  const csv = await readFile((await (await download).path())!, "utf8");
  expect(csv).toContain(`${member},Tier 1 Support,Coaching conversations,${d1},2,"e2e import, from the old tracker"\r\n`);
  expect(csv).toContain(`${manager},Tier 1 Support,Coaching conversations,${d1},1,\r\n`);
});

test("a manager downloads the template, checks it unchanged, and sees what it will replace before importing it", async ({ page }) => {
  await signIn(page, manager);
  await page.goto("/import");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the lead entries template" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("lead-entries-template.csv");
  const template = await readFile((await file.path())!, "utf8");
  // The importer's header, then rows in the organization's own names.
  expect(template).toMatch(/^\uFEFFemail,team,measure,date,value,note\r\n/);
  expect(template).toMatch(/Tier 1 Support|Billing Care/);
  const rows = template.trim().split("\r\n").length - 1;
  expect(rows).toBeGreaterThanOrEqual(2);

  await choose(page, "lead-entries-template.csv", template);
  await page.getByRole("button", { name: "Check file" }).click();
  const changes = page.getByTestId("import-changes");
  await expect(changes).toBeVisible();
  const [created, replaced, unchanged] = (await changes.innerText()).match(/\d+/g)!.map(Number);
  expect(created! + replaced! + unchanged!).toBe(rows);
  await page.getByRole("button", { name: `Import ${rows} rows` }).click();
  // The import did what the check said it would.
  await expect(page.getByRole("status")).toContainText(`Imported ${rows} rows: ${created} new, ${replaced} replaced earlier entries, ${unchanged} unchanged.`);

  // The same file with its first value raised by one: the check names that row before the import.
  const lines = template.split("\r\n");
  const first = lines[1]!.split(",");
  const value = Number(first[4]);
  first[4] = String(value + 1);
  await choose(page, "lead-entries-template.csv", [lines[0], first.join(","), ...lines.slice(2)].join("\r\n"));
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(changes).toHaveText(new RegExp(`0\\s*new\\s*1\\s*replace earlier entries\\s*${rows - 1}\\s*unchanged`));
  const listed = page.getByRole("list", { name: "Rows that replace earlier values" }).getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(`Row 2: `);
  await expect(listed).toContainText(` · ${first[1]} · ${first[2]} · `);
  await expect(listed).toContainText(`: ${value} → ${value + 1}`);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a manager tells which column holds what and imports lag results", async ({ page }) => {
    await signIn(page, manager);
    await page.goto("/import");
    await page.getByLabel("Lag results").check();
    await choose(page, "csat.csv", `Measure;Squad;Day;Reading\nCSAT;Billing Care;${daysAgo(4).split("-").reverse().join("/")};84,5\n`);
    await page.getByLabel("Dates not written YYYY-MM-DD are").selectOption("dmy");
    await page.getByLabel("Numbers are written").selectOption("comma");
    await page.getByRole("button", { name: "Check file" }).click();
    await expect(page.getByRole("table", { name: "Problems in the file" })).toContainText("No column holds value");

    await page.getByLabel("value", { exact: true }).selectOption({ label: "D: Reading" });
    await page.getByLabel("team (optional)").selectOption({ label: "B: Squad" });
    await expect(page.getByText("check it again before importing")).toBeVisible();
    await page.getByRole("button", { name: "Check again" }).click();
    await expect(page.getByRole("table", { name: "First rows as they will be imported" })).toContainText("84.5");

    await page.getByRole("button", { name: "Import 1 row" }).click();
    await expect(page.getByRole("status")).toContainText("Imported 1 row:");
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test("a member can neither open the import page nor call the import API", async ({ page }) => {
  await signIn(page, member);
  const response = await page.goto("/import");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  const api = await page.request.post("/api/v1/imports/lead-entries/preview", {
    multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from(`email,team,measure,date,value\n${member},Tier 1 Support,Coaching conversations,${daysAgo(1)},1\n`) } },
  });
  expect(api.status()).toBe(403);
  expect(await api.json()).toEqual({ error: { code: "forbidden", message: "Only managers can import lead entries." } });
});

import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** This spec's own copy of the demo (e2e/orgs.ts): its owner changes a role, then reads the trail. */
const ORG = specOrg("audit");
const OWNER = ORG.users.owner;
const MANAGER = ORG.users.manager;
const MAYA = { name: "Maya Patel", email: ORG.email("maya.patel@leadlag.demo") };

test("an admin filters the audit trail by person, reads the change in words and downloads it as CSV", async ({ page, browser }) => {
  await signIn(page, OWNER.email);
  await page.goto(`/settings/people?q=Maya`);
  const card = page.getByTestId(`person-${MAYA.email}`);
  await card.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  await card.getByRole("button", { name: `Change role of ${MAYA.name}` }).click();
  await expect(page.getByRole("status")).toContainText(`${MAYA.name} is now a viewer.`);

  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit trail", level: 1 })).toBeVisible();
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Who").selectOption({ label: OWNER.name });
  await filters.getByLabel("Record").selectOption("people");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]person=[0-9a-f-]{36}/);
  await expect(page).toHaveURL(/[?&]kind=people/);
  const sentence = `${OWNER.name} made ${MAYA.name} a viewer (was member).`;
  const first = page.getByTestId("audit-event").first();
  await expect(first).toContainText(sentence);
  // Names, not ids: the row says who and what in words.
  await expect(first).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  // The filters survive a reload (they are the URL).
  await page.reload();
  await expect(filters.getByLabel("Who").locator("option:checked")).toHaveText(OWNER.name);

  // The CSV is the filtered trail, with the same sentence.
  const [download] = await Promise.all([page.waitForEvent("download"), filters.getByRole("link", { name: "Download CSV" }).click()]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("when,who,action,record,sentence,before,after");
  expect(csv).toContain(`,${OWNER.name},membership.role.change,Person,${sentence},`);

  // Someone else's changes of people: none here, and the page says so.
  await filters.getByLabel("Who").selectOption({ label: MAYA.name });
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No changes match these filters.")).toBeVisible();

  // A manager reads the trail but gets no CSV: no link, and the export itself is refused.
  const manager = await (await browser.newContext()).newPage();
  await signIn(manager, MANAGER.email);
  await manager.goto("/audit");
  await expect(manager.getByRole("heading", { name: "Audit trail", level: 1 })).toBeVisible();
  await expect(manager.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
  expect((await manager.request.get("/api/v1/exports/audit.csv")).status()).toBe(403);
  await manager.context().close();
});

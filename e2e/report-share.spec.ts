// A report shared by link (issue 16): a manager makes a read-only link to a report; someone with
// no account opens it in a fresh browser, reads the report and downloads its PDF; once the
// manager revokes the link, it shows "This link is no longer valid" and nothing of the report.
import { expect, test } from "@playwright/test";
import { exportReport, signIn } from "./fixtures";
import { specOrg } from "./orgs";

const USERS = specOrg("report-share").users;

test("a manager shares a report by link; a visitor without an account reads it and its PDF until it is revoked", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signIn(page, USERS.manager.email);
  await exportReport(page);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!;

  const share = page.getByRole("region", { name: "Share by link" });
  await expect(share.getByLabel("Link lasts")).toHaveValue("30");
  await share.getByRole("button", { name: "Create share link" }).click();
  await expect(share.getByRole("status")).toContainText("Link created");
  const url = await share.getByLabel("Share link").inputValue();
  expect(url).toMatch(/\/shared\/reports\/[A-Za-z0-9_-]{43}$/);
  await expect(share.getByRole("table")).toContainText(USERS.manager.name);

  // A visitor: a browser of their own, no session.
  const visitor = await browser.newContext();
  const guest = await visitor.newPage();
  const errors: string[] = [];
  guest.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
  const opened = await guest.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(guest.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(guest.getByText("Executive summary")).toBeVisible();
  const [download] = await Promise.all([guest.waitForEvent("download"), guest.getByRole("link", { name: "Download PDF" }).click()]);
  const bytes = await download.createReadStream().then(async (s) => {
    const chunks: Buffer[] = [];
    for await (const c of s) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  });
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  // The page's scripts run under the nonce CSP: nothing refused.
  expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);

  // Revoked: the same address says so, and gives neither the page nor the PDF.
  await share.getByRole("button", { name: /^Revoke the link created/ }).click();
  await expect(share.getByText("No link to this report works now.")).toBeVisible();
  const gone = await guest.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(guest.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
  await expect(guest.getByText(title)).toHaveCount(0);
  expect((await guest.request.get(`${url}/report.pdf`)).status()).toBe(410);
  await visitor.close();
});

// The quarterly ROI narrative (issue 6): a manager exports the organization's report for the
// default quarter, follows the progress bar to the report page, and gets the same executive
// summary and ROI figures in the PDF, the Markdown and the CSV appendix; the same report always
// downloads as the same bytes; the page works on a phone and by keyboard; members are refused.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Download, type Page } from "@playwright/test";
import { guardFormula } from "@/lib/csv/format";
import { parseCsv } from "@/lib/csv/parse";
import { expectChartPainted, exportReport, signIn } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("quarterly-report").users;

const ROI_FIGURES = ["Benefit-cost ratio (BCR)", "Return on investment (ROI)", "P10", "P50", "P90"] as const;

/** PDFs and Markdown wrap lines where they like: compare text with every run of whitespace as one space. */
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

async function download(page: Page, name: string): Promise<{ file: Download; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return { file, bytes: await readFile((await file.path())!) };
}

async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes) }).promise;
  let text = "";
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
    text += "\n";
  }
  return { pages: pdf.numPages, text: flat(text) };
}

test("a manager exports the quarter's report and gets the same story in the page, PDF, Markdown and CSV", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, USERS.manager.email);
  await page.goto("/reports");
  // The default quarter is kept as offered.
  const quarter = page.getByLabel("Quarter");
  const defaultQuarter = await quarter.inputValue();
  expect(defaultQuarter).toMatch(/^\d{4}-Q[1-4]$/);
  const reportId = await exportReport(page);

  // The page: the executive summary's opening and the ROI figures.
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const lead = flat((await page.locator("#section-summary p").first().textContent())!);
  expect(lead.length).toBeGreaterThan(20);
  const roiFigures = page.locator("#section-roi").getByTestId("report-figures").filter({ hasText: ROI_FIGURES[0] }).first();
  const shown: Record<string, string> = {};
  for (const label of ROI_FIGURES) {
    const value = roiFigures.getByText(label, { exact: true }).locator("xpath=following-sibling::dd[1]");
    shown[label] = flat((await value.textContent())!);
    expect(shown[label], label).not.toBe("");
  }
  await expectChartPainted(page.locator("canvas[data-testid^='report-chart-']").first());

  // The PDF: the same sentence and figures, as many pages as the list says.
  const pdf = await download(page, "Download PDF");
  expect(pdf.file.suggestedFilename()).toMatch(/\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { pages, text } = await pdfText(pdf.bytes);
  expect(text).toContain(lead);
  for (const label of ROI_FIGURES) expect(text, label).toContain(shown[label]!);

  // The Markdown: the same sentence and figures.
  const md = flat((await download(page, "Download Markdown")).bytes.toString("utf8"));
  expect(md).toContain(lead);
  for (const label of ROI_FIGURES) expect(md, label).toContain(`| ${label} | ${shown[label]} |`);

  // The CSV appendix: BCR and ROI % rows holding the values the page shows.
  const csv = parseCsv((await download(page, "Download CSV appendix")).bytes.toString("utf8"));
  const [metric, display] = [csv.header.indexOf("metric"), csv.header.indexOf("display")];
  const displayed = (m: string) => csv.records.filter((r) => r.cells[metric] === m).map((r) => r.cells[display]);
  expect(displayed("BCR")).toContain(guardFormula(shown["Benefit-cost ratio (BCR)"]!));
  expect(displayed("ROI %")).toContain(guardFormula(shown["Return on investment (ROI)"]!));

  // The past reports list names the report, newest first, with the PDF's page count.
  await page.getByRole("link", { name: "← Back to reports" }).click();
  const table = page.getByRole("table", { name: "Past reports" });
  const row = table.locator(`tr[data-report-id="${reportId}"]`);
  await expect(table.getByRole("row").nth(1)).toHaveAttribute("data-report-id", reportId);
  const headers = await table.getByRole("columnheader").allTextContents();
  // The first column is the row's header; the rest are cells.
  await expect(row.getByRole("cell").nth(headers.indexOf("Pages") - 1)).toHaveText(String(pages));
});

test("the same report downloads as the same PDF every time, the one its page fingerprints", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, USERS.manager.email);
  await exportReport(page);
  const first = await download(page, "Download PDF");
  const second = await download(page, "Download PDF");
  expect(second.bytes.equals(first.bytes)).toBe(true);
  const sha = createHash("sha256").update(first.bytes).digest("hex");
  await expect(page.locator("footer")).toContainText(`PDF SHA-256 ${sha}`);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the report fits the screen and its toolbar is reachable by keyboard", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, USERS.manager.email);
    await page.goto("/reports");
    const fits = () => page.evaluate(() => document.scrollingElement!.scrollWidth <= document.scrollingElement!.clientWidth + 1);
    expect(await fits()).toBe(true);
    await exportReport(page);
    await expect(page.locator("#section-summary")).toBeVisible();
    expect(await fits()).toBe(true);

    // Tab from the top of the page through to every toolbar control.
    const wanted = ["Download PDF", "Download Markdown", "Download CSV appendix", "Print", "← Back to reports"];
    const reached = new Set<string>();
    await page.locator("body").focus();
    for (let i = 0; i < 40 && reached.size < wanted.length; i++) {
      await page.keyboard.press("Tab");
      const name = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
      if (wanted.includes(name)) reached.add(name);
    }
    expect([...reached].sort()).toEqual([...wanted].sort());
  });
});

test("the program page links to its own quarterly report", async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto("/programs");
  await page.getByRole("link", { name: "Customer service training, Q3" }).click();
  await page.getByRole("link", { name: "Export a quarterly report" }).click();
  await expect(page).toHaveURL(/\/reports\?scope=program&programId=/);
  await expect(page.getByLabel("One ROI program")).toBeChecked();
  await expect(page.getByLabel("Program", { exact: true }).locator("option:checked")).toHaveText("Customer service training, Q3");
});

test("a member cannot open the reports", async ({ page }) => {
  await signIn(page, USERS.member.email);
  const res = await page.goto("/reports");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
});

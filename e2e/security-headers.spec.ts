// Browser protection (issue 14): every answer carries the security headers, each page a CSP with a
// fresh script nonce that Next puts on all its scripts; the main pages run under that policy with
// no violation — charts paint, forms save; and another site can neither call a server action (403)
// nor write through the API with a signed-in person's cookie (403, 415), while the app's own
// same-origin JSON still works.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "@/lib/seed/demo/catalogue";
import { expectChartPainted } from "./fixtures";
import { specOrg } from "./orgs";

/** The demo's owner, manager and member, in this spec's own organization (e2e/orgs.ts). */
const USERS = specOrg("security-headers").users;
const EVIL = "http://evil.example";

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

/**
 * Collects every CSP violation the page meets: the `securitypolicyviolation` events (registered
 * before any of the page's own scripts runs) and Chrome's console reports of refused resources.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame|evaluate)/i.test(m.text())) reported.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => [...reported, ...(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []))];
}

async function signInWithForm(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("pages and API answers carry the protection headers, each page with a new nonce on all its scripts", async ({ page, request }) => {
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  const nonce = nonceOf(csp);
  expect(nonce, csp).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  for (const directive of [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  // A production build needs neither eval nor inline scripts.
  expect(csp).not.toContain("unsafe-eval");
  expect(/script-src[^;]*'unsafe-inline'/.test(csp)).toBe(false);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("geolocation=()");
  // Served over plain http here: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();

  // Every script of the server's HTML carries this answer's nonce; the next answer has another.
  const html = await request.get("/sign-in");
  const htmlNonce = nonceOf(html.headers()["content-security-policy"]);
  expect(htmlNonce).not.toBe(nonce);
  const scripts = (await html.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${htmlNonce}"`);

  // API answers, served or refused, get a policy that allows nothing, and the same headers.
  for (const path of ["/api/health", "/api/v1/teams"]) {
    const api = await request.get(path);
    expect([200, 401], path).toContain(api.status());
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["x-frame-options"]).toBe("DENY");
  }
});

test("the main pages run under the policy without a violation: charts paint, forms save", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const violations = await watchViolations(page);

  await signInWithForm(page, USERS.manager.email);

  // The dashboard's chart, and its filter form.
  await page.goto("/dashboard");
  await expectChartPainted(page.getByTestId("lead-totals-chart"));
  await page.getByLabel("Lead measure").selectOption({ label: "Recognitions given" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/lead=/);
  await expect(page.getByRole("heading", { name: /Recognitions given: weekly totals/ })).toBeVisible();
  await expectChartPainted(page.getByTestId("lead-totals-chart"));

  // A team's page, and its weekly check-in.
  await page.goto("/");
  await page.getByRole("link", { name: "Tier 1 Support" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tier 1 Support");
  const teamPath = new URL(page.url()).pathname;
  await page.goto(`${teamPath}/check-in`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weekly check-in: Tier 1 Support");

  // The measures, and a lag result recorded through its form.
  await page.goto("/measures");
  await page.getByRole("link", { name: "Average resolution time" }).click();
  const record = page.getByRole("form", { name: "Record a result" });
  await record.getByLabel(/Value/).fill("22");
  await record.getByRole("button", { name: "Record" }).click();
  await expect(record.getByRole("status")).toContainText(/Recorded|Replaced/);

  // A program's ROI chart and its what-if slider.
  await page.goto("/programs");
  await page.getByRole("link", { name: "Customer service training, Q3" }).click();
  await expectChartPainted(page.getByTestId("roi-chart"));
  await page.getByLabel("Lead measure", { exact: true }).selectOption({ label: "Recognitions given" });
  const slider = page.getByRole("slider");
  const start = Number(await slider.inputValue());
  await slider.focus();
  // Two steps of 5 points.
  for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowRight");
  await expect(page).toHaveURL(new RegExp(`whatIfPct=${start + 10}`));
  await expect(page.getByTestId("what-if-result")).toContainText("the projected ROI after four quarters moves from");

  // The quarterly report: exported from /reports, followed to its page, its charts painted.
  await page.goto("/reports");
  const form = page.getByRole("form", { name: "Export a report" });
  await form.getByRole("button", { name: "Export" }).click();
  await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 90_000 });
  await expectChartPainted(page.locator("canvas[data-testid^='report-chart-']").first());

  // A member's week grid saves through its server action.
  const member = await browser.newPage();
  const memberViolations = await watchViolations(member);
  await signInWithForm(member, USERS.member.email);
  const grid = member.getByRole("form", { name: "My numbers this week" });
  const cell = grid.getByRole("row", { name: /Training hours/ }).locator("input:not([type=hidden]):not([disabled])").first();
  await cell.fill("1.5");
  await cell.press("Enter");
  await expect(grid.getByRole("status")).toContainText(/Saved|Nothing changed/);

  expect(await memberViolations()).toEqual([]);
  await member.close();
  expect(await violations()).toEqual([]);
});

test("another site cannot call a server action or write with the session cookie; the app's own JSON can", async ({ page }) => {
  await signInWithForm(page, USERS.manager.email);
  const api = page.request; // the signed-in browser's cookies

  // A server action posted from another origin: 403 in the error shape, not a 500.
  const action = await api.post("/dashboard", {
    headers: { "Next-Action": "0".repeat(42), Origin: EVIL, "Content-Type": "text/plain;charset=UTF-8" },
    data: "[]",
  });
  expect(action.status()).toBe(403);
  expect((await action.json()).error.code).toBe("forbidden");

  const name = `Cross-site team ${Date.now()}`;
  const teams = async () => ((await (await api.get("/api/v1/teams")).json()) as { data: { name: string }[] }).data.map((t) => t.name);

  // The audit's attack: a text/plain "form" from evil.example → 403, nothing created.
  const forged = await api.post("/api/v1/teams", { headers: { Origin: EVIL, "Content-Type": "text/plain" }, data: JSON.stringify({ name }) });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("forbidden");
  // Same origin but a body no JSON endpoint takes → 415.
  const origin = new URL(page.url()).origin;
  const plain = await api.post("/api/v1/teams", { headers: { Origin: origin, "Content-Type": "text/plain" }, data: JSON.stringify({ name }) });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error.code).toBe("unsupported_media_type");
  expect(await teams()).not.toContain(name);

  // The app's own request: same origin, JSON → created.
  const own = await api.post("/api/v1/teams", { headers: { Origin: origin }, data: { name } });
  expect(own.status()).toBe(201);
  expect(await teams()).toContain(name);
});

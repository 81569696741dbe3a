// What the browser shows around the pages: the icons (no 404 for /favicon.ico), the web app
// manifest, and the dark scheme that follows the system setting — dark backgrounds, and text
// that keeps AA contrast in both schemes (axe's color-contrast rule).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { specOrg } from "./orgs";

const USERS = specOrg("appearance").users;

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const background = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);

async function contrastViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? v.help}`));
}

test("the favicon, the app icons and the manifest are served", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);

  await page.goto("/sign-in");
  const icon = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect((await request.get(icon!)).status()).toBe(200);
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect((await request.get(apple!)).headers()["content-type"]).toBe("image/png");
  const manifest = await request.get((await page.locator('link[rel="manifest"]').getAttribute("href"))!);
  expect(await manifest.json()).toMatchObject({ name: "Leadlag", start_url: "/", theme_color: "#1d4ed8" });
});

for (const scheme of ["dark", "light"] as const) {
  test(`in the ${scheme} scheme the sign-in and team pages follow it, with AA contrast throughout`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const isDark = (l: number) => (scheme === "dark" ? l < 0.05 : l > 0.8);

    await page.goto("/sign-in");
    expect(isDark(luminance(await background(page, "body")))).toBe(true);
    expect(isDark(luminance(await background(page, ".card")))).toBe(true);
    expect(await contrastViolations(page)).toEqual([]);

    await signIn(page, USERS.member.email);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(USERS.member.team);
    expect(isDark(luminance(await background(page, ".topbar")))).toBe(true);
    expect(isDark(luminance(await background(page, "main .card")))).toBe(true);
    expect(await contrastViolations(page)).toEqual([]);
  });
}

import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo/catalogue";

export { DEMO_USERS };

type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;
/**
 * Session cookies by email, for this worker. Each person signs in through the form once; their
 * later tests start from the same session (a JWT, valid for 30 days) and open "/" as the form
 * does after signing in, which saves a password check and two page loads per test.
 */
const sessions = new Map<string, Cookies>();

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  let session = sessions.get(email);
  if (session) {
    await page.context().addCookies(session);
    await page.goto("/");
    // A test that signed this person out ended that session on the server: sign in afresh.
    if (new URL(page.url()).pathname === "/sign-in") {
      sessions.delete(email);
      session = undefined;
      await page.context().clearCookies();
    }
  }
  if (!session) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await expect(page).not.toHaveURL(/\/sign-in/);
  if (!session) sessions.set(email, await page.context().cookies());
}

/**
 * chart.js paints after hydration: wait until the canvas holds more than a few hundred pixels
 * that are neither transparent nor the white background some charts fill for their PNG.
 */
export async function expectChartPainted(canvas: Locator, minPixels = 500) {
  await expect(canvas).toBeVisible();
  await expect
    .poll(
      () =>
        canvas.evaluate((el: HTMLCanvasElement) => {
          const ctx = el.getContext("2d");
          if (!ctx || el.width === 0) return 0;
          const { data } = ctx.getImageData(0, 0, el.width, el.height);
          let painted = 0;
          for (let i = 0; i < data.length; i += 4) {
            const white = data[i]! > 245 && data[i + 1]! > 245 && data[i + 2]! > 245;
            if (data[i + 3]! > 0 && !white) painted++;
          }
          return painted;
        }),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(minPixels);
}

/** Exports the organization's report for the default quarter from /reports; answers the report's id. */
export async function exportReport(page: Page): Promise<string> {
  await page.goto("/reports");
  const form = page.getByRole("form", { name: "Export a report" });
  await expect(form.getByLabel("The whole organization")).toBeChecked();
  await form.getByRole("button", { name: "Export" }).click();
  // The bar follows the export in the background, with the stage in words.
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(form.getByRole("button", { name: "Exporting…" })).toBeDisabled();
  // It ends on the report's page, or with the reason it failed (then fail with that reason).
  const failed = form.getByRole("alert");
  await Promise.race([page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, { timeout: 60_000 }), failed.waitFor({ timeout: 60_000 })]);
  if (await failed.isVisible()) throw new Error(`The export failed: ${await failed.textContent()}`);
  return page.url().split("/").pop()!;
}

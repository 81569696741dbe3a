import { expect, type Locator, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo/catalogue";

export { DEMO_USERS };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
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

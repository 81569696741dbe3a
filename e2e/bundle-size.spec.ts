// The budget of issue #12: no page makes the browser download more than 170 kB of JavaScript
// (gzipped) before it is interactive. Measured as bench/firstLoadJs.ts does: the chunks each
// page's HTML loads, gzipped here (the server may not compress). Chart code loads after the
// page (app/_components/LazyChart.tsx), so it does not count; it must not creep back into a
// page's first load. Read-only, in the demo organization, as its manager and signed out; over
// HTTP alone (no browser needed to read HTML and chunks), so it takes seconds.
import { expect, test } from "@playwright/test";
import { FIRST_LOAD_BUDGET_KB, firstLoadJs, PUBLIC_PAGES, signIn } from "../bench/firstLoadJs";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo/catalogue";

/** The first link on `path` whose target matches `pattern` (a page with an id in it). */
async function firstLink(baseUrl: string, cookie: string, path: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).text();
  const href = [...html.matchAll(/<a\b[^>]*\shref="(\/[^"#?]*)/g)].map((m) => m[1]!).find((h) => pattern.test(h));
  if (!href) throw new Error(`No link matching ${pattern} on ${path}.`);
  return href;
}

const ID = "[0-9a-f-]{36}";

test("every main page loads at most 170 kB of JavaScript, gzipped, before its charts", async ({ baseURL }) => {
  const cookie = await signIn(baseURL!, DEMO_USERS.manager.email, DEMO_PASSWORD);
  const teamId = (await firstLink(baseURL!, cookie, "/", new RegExp(`^/teams/${ID}$`))).split("/").at(-1)!;
  const program = await firstLink(baseURL!, cookie, "/programs", new RegExp(`^/programs/${ID}$`));
  const signedIn = [
    "/",
    "/dashboard",
    "/dashboard/trends",
    `/dashboard/teams/${teamId}`,
    `/teams/${teamId}`,
    `/teams/${teamId}/check-in`,
    "/measures",
    "/programs",
    program,
    "/reports",
    "/import",
    "/account",
    "/settings/invitations",
    "/organizations/new",
  ];
  const pages = [...(await firstLoadJs(baseURL!, cookie, signedIn)), ...(await firstLoadJs(baseURL!, "", PUBLIC_PAGES))];
  const over = pages.filter((p) => p.kB > FIRST_LOAD_BUDGET_KB).map((p) => `${p.path}: ${p.kB} kB`);
  expect(over, `over ${FIRST_LOAD_BUDGET_KB} kB gzipped`).toEqual([]);
});

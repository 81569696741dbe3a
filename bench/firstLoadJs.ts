// First-load JavaScript per page, gzipped: what a browser must download and parse before a page
// is interactive. For each page it fetches the server-rendered HTML (with the session cookie),
// collects the chunks the HTML loads — every <script src> and <link rel="preload" as="script">,
// less the `nomodule` polyfills modern browsers skip — and sums their sizes gzipped with zlib's
// default level (the server may not compress; a CDN or proxy in front of it would). Chunks a page
// imports later (next/dynamic, import()) are not in its HTML, so they do not count.
//
//   npx tsx --conditions=react-server bench/firstLoadJs.ts [http://127.0.0.1:3000]
// against a running production server with the demo (`npm start`): signs in as the demo manager,
// then as the owner (the settings pages), visits every page reachable from the app's links (one
// per route: /teams/<id> stands for all teams) plus the public pages, prints a table and fails
// (exit 1) when a page exceeds the budget.
// The module's functions serve other harnesses (bench/scale) and e2e/bundle-size.spec.ts.
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo/catalogue";
import { signIn } from "../scripts/signInOverHttp";

/** The budget, issue #12: every page's first-load JS, gzipped, in kB (1 kB = 1000 bytes). */
export const FIRST_LOAD_BUDGET_KB = 170;

export type FirstLoad = { path: string; kB: number; scripts: { src: string; kB: number }[] };

/** Pages fetched at the same time. */
const PAGES_AT_ONCE = 4;

const kB = (bytes: number) => Math.round(bytes / 100) / 10;

/** The script chunks a page's HTML loads, in document order, without duplicates. */
export function scriptSources(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1];
    if (src && !/\snomodule\b/i.test(tag)) found.add(src.replace(/&amp;/g, "&"));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const href = /\shref="([^"]+)"/i.exec(tag)?.[1];
    if (href && /\srel="preload"/i.test(tag) && /\sas="script"/i.test(tag)) found.add(href.replace(/&amp;/g, "&"));
  }
  return [...found];
}

/** Gzipped size in bytes of a script body, as zlib's default level compresses it. */
export function gzippedBytes(body: string | Uint8Array): number {
  return gzipSync(body).length;
}

/**
 * First-load JS of each path, gzipped, largest chunks first. `cookie` is a Cookie header value
 * ("" for public pages). A page that does not answer 200 (a redirect to sign-in, a 403) throws:
 * its HTML would be another page's.
 */
export async function firstLoadJs(baseUrl: string, cookie: string, paths: readonly string[]): Promise<FirstLoad[]> {
  const base = baseUrl.replace(/\/$/, "");
  const chunkBytes = new Map<string, Promise<number>>();
  const sizeOf = (src: string) => {
    let size = chunkBytes.get(src);
    if (!size) {
      size = fetch(new URL(src, `${base}/`)).then(async (res) => {
        if (!res.ok) throw new Error(`GET ${src} answered ${res.status}.`);
        return gzippedBytes(new Uint8Array(await res.arrayBuffer()));
      });
      chunkBytes.set(src, size);
    }
    return size;
  };
  const measure = async (path: string): Promise<FirstLoad> => {
    const res = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}.`);
    const srcs = scriptSources(await res.text());
    const scripts = await Promise.all(srcs.map(async (src) => ({ src, bytes: await sizeOf(src) })));
    const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
    return { path, kB: kB(total), scripts: scripts.sort((a, b) => b.bytes - a.bytes).map((s) => ({ src: s.src, kB: kB(s.bytes) })) };
  };
  // A few pages at a time: quicker than one by one, gentler on the server than all at once.
  const results: FirstLoad[] = new Array(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      results[i] = await measure(paths[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGES_AT_ONCE, paths.length) }, worker));
  return results;
}

/** Signs in through next-auth's credentials flow; resolves with the Cookie header of the session. */
export { signIn };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A page's route: /teams/<uuid> → /teams/[id]. */
const route = (path: string) => path.split("/").map((s) => (UUID.test(s) ? "[id]" : s)).join("/");
/** Links never followed: they act (sign out) or are not pages. */
const SKIP = /^\/(api|_next|sign-out)(\/|$)|\.[a-z0-9]+$/i;

/**
 * The signed-in pages reachable from `start` through the app's own links, one per route
 * (ids become [id]), breadth first, at most `limit` of them.
 */
export async function discoverPages(
  baseUrl: string,
  cookie: string,
  start: readonly string[] = ["/"],
  limit = 80,
  /** Routes found already (as another person): not returned again; the new ones are added. */
  found = new Set<string>(),
): Promise<string[]> {
  const base = baseUrl.replace(/\/$/, "");
  const tried = new Set<string>();
  const pages: string[] = [];
  const queue = [...start];
  while (queue.length && pages.length < limit) {
    const path = queue.shift()!;
    if (tried.has(route(path))) continue;
    tried.add(route(path));
    const res = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
    if (res.status !== 200) continue;
    if (!found.has(route(path))) pages.push(path);
    found.add(route(path));
    for (const [, href] of (await res.text()).matchAll(/<a\b[^>]*\shref="(\/[^"#?]*)/gi)) {
      if (!SKIP.test(href!) && !tried.has(route(href!))) queue.push(href!);
    }
  }
  return pages;
}

/** Pages anyone may open without signing in. */
export const PUBLIC_PAGES = ["/sign-in", "/sign-up", "/forgot-password"];

function printTable(rows: FirstLoad[]) {
  const w = Math.max(...rows.map((r) => r.path.length), 4);
  console.log(`${"page".padEnd(w)}  ${"first-load JS (gzip kB)".padStart(23)}  largest chunk`);
  for (const r of rows) {
    const over = r.kB > FIRST_LOAD_BUDGET_KB ? "  ✖ over budget" : "";
    const top = r.scripts[0] ? `${r.scripts[0].src.replace(/^.*\//, "")} ${r.scripts[0].kB}` : "";
    console.log(`${r.path.padEnd(w)}  ${r.kB.toFixed(1).padStart(23)}  ${top}${over}`);
  }
}

async function main() {
  const baseUrl = (process.argv[2] ?? process.env.BENCH_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
  const found = new Set<string>();
  const rows: FirstLoad[] = [];
  for (const who of [DEMO_USERS.manager, DEMO_USERS.owner]) {
    const cookie = await signIn(baseUrl, who.email, DEMO_PASSWORD);
    const pages = await discoverPages(baseUrl, cookie, ["/", "/dashboard", "/dashboard/trends", "/settings"], 80, found);
    rows.push(...(await firstLoadJs(baseUrl, cookie, pages)));
  }
  rows.push(...(await firstLoadJs(baseUrl, "", PUBLIC_PAGES)));
  printTable(rows);
  const over = rows.filter((r) => r.kB > FIRST_LOAD_BUDGET_KB);
  console.log(over.length ? `\n${over.length} page(s) over the ${FIRST_LOAD_BUDGET_KB} kB budget.` : `\nEvery page within ${FIRST_LOAD_BUDGET_KB} kB.`);
  process.exitCode = over.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

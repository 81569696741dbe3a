// A page that fails for want of the database reaches the browser as 503 with Retry-After, not
// Next's 500: through real HTTP, with a handler that fails as a page render does (status 500
// set, then the error page written), the way scripts/server.ts wraps Next.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { handleWithSignal, signalUnavailable } from "./unavailableSignal";

let server: Server | undefined;
afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

async function serve(render: (path: string) => Promise<void>) {
  server = createServer((req, res) => {
    handleWithSignal(res, () => {
      void (async () => {
        try {
          await render(req.url!);
          res.end("page");
        } catch {
          // Next's answer to a render error: 500 and the error page.
          res.statusCode = 500;
          res.setHeader("content-type", "text/html");
          res.end("error page");
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

it("answers 503 with Retry-After when the page flagged the database as unavailable, and 500 for other failures", async () => {
  const base = await serve(async (path) => {
    await new Promise((r) => setTimeout(r, 10)); // the flag is read across awaits
    if (path === "/busy") {
      signalUnavailable();
      throw new Error("pool timeout");
    }
    if (path === "/broken") throw new Error("bug");
  });
  const busy = await fetch(`${base}/busy`);
  expect(busy.status).toBe(503);
  expect(busy.headers.get("retry-after")).toBe("5");
  expect(await busy.text()).toBe("error page");

  const broken = await fetch(`${base}/broken`);
  expect(broken.status).toBe(500);
  expect(broken.headers.get("retry-after")).toBeNull();

  // The flag belongs to its request: the next one is unaffected.
  expect((await fetch(`${base}/fine`)).status).toBe(200);
});

it("does nothing outside the server's context (next dev, tests)", () => {
  expect(() => signalUnavailable()).not.toThrow();
});

// A page that fails for want of the database reaches the browser as 503 with Retry-After, not
// Next's 500: through real HTTP, the way scripts/server.ts wraps Next, with a handler that
// queries through a watched adapter and fails as a page render does (status 500, error page).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { afterEach, expect, it } from "vitest";
import { handleWithSignal, signalUnavailable, watchForOverload } from "./overloadSignal";

let server: Server | undefined;
afterEach(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

/** A driver whose queries fail as pg's pool does when no connection is free in time ("busy"), or with a bug. */
const factory = watchForOverload({
  provider: "postgres",
  adapterName: "fake",
  connect: async () => ({
    queryRaw: async (q: { sql: string }) => {
      await new Promise((r) => setTimeout(r, 5));
      if (q.sql === "busy") throw new Error("timeout exceeded when trying to connect");
      if (q.sql === "broken") throw Object.assign(new Error("syntax error"), { code: "42601" });
      return { columnNames: [], columnTypes: [], rows: [] };
    },
    startTransaction: async () => ({ queryRaw: async () => Promise.reject(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" })) }),
  }),
} as unknown as SqlDriverAdapterFactory);

async function serve() {
  server = createServer((req, res) => {
    handleWithSignal(res, () => {
      void (async () => {
        try {
          const adapter = await factory.connect();
          if (req.url === "/in-transaction") await (await adapter.startTransaction()).queryRaw({ sql: "x", args: [], argTypes: [] });
          else await adapter.queryRaw({ sql: req.url!.slice(1), args: [], argTypes: [] });
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

it("answers 503 with Retry-After when a query of the page found the database busy, and 500 for other failures", async () => {
  const base = await serve();
  for (const path of ["/busy", "/in-transaction"]) {
    const busy = await fetch(`${base}${path}`);
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    expect(await busy.text()).toBe("error page");
  }

  const broken = await fetch(`${base}/broken`);
  expect(broken.status).toBe(500);
  expect(broken.headers.get("retry-after")).toBeNull();

  // The signal belongs to its request: the next one is unaffected.
  expect((await fetch(`${base}/fine`)).status).toBe(200);
});

it("does nothing outside the server's context (next dev, scripts, tests)", () => {
  expect(() => signalUnavailable()).not.toThrow();
});

// The admission gate through real HTTP: a tiny server whose handler takes a while, gated as
// scripts/server.ts gates Next, and bursts of concurrent requests as browsers would send them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { admissionGate, bypassesAdmission, type AdmissionOptions } from "./admission";

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server behind the gate whose pages take `workMs` (or the `?ms=` asked for) to answer. */
async function gatedServer(opts: AdmissionOptions, workMs: number) {
  const gate = admissionGate(opts);
  server = createServer((req, res) => {
    gate(req, res, () => {
      const ms = Number(new URL(req.url!, "http://x").searchParams.get("ms") ?? workMs);
      setTimeout(() => res.end("ok"), ms);
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { gate, base };
}

type Answer = { status: number; retryAfter: string | null; type: string | null; body: string; ms: number };

async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    type: res.headers.get("content-type"),
    body,
    ms: performance.now() - started,
  };
}

const burst = (n: number, url: string, headers?: Record<string, string>) => Promise.all(Array.from({ length: n }, () => get(url, headers)));

describe("the admission gate", () => {
  it("answers what fits, queues a few, and refuses the rest at once with 503 and Retry-After", async () => {
    const { base, gate } = await gatedServer({ maxInFlight: 2, maxQueued: 2, maxWaitMs: 10_000 }, 1_500);
    const answers = await burst(10, `${base}/api/dashboard`);

    const ok = answers.filter((a) => a.status === 200);
    const busy = answers.filter((a) => a.status === 503);
    // Two answered straight away, two after waiting one turn; six had no room to wait.
    expect(ok).toHaveLength(4);
    expect(busy).toHaveLength(6);
    for (const a of busy) {
      expect(a.retryAfter).toBe("5");
      expect(a.type).toContain("application/json");
      expect(JSON.parse(a.body)).toEqual({ error: { code: "unavailable", message: expect.stringMatching(/busy/) } });
      // Refused without waiting for the slow ones (1.5 s each); the bound is generous for a
      // loaded 2-core machine.
      expect(a.ms).toBeLessThan(1_000);
    }
    expect(gate.stats()).toMatchObject({ inFlight: 0, queued: 0, admitted: 4, rejected: 6 });

    // After the burst the server is not stuck: everything is answered again.
    const after = await burst(2, `${base}/api/dashboard`);
    expect(after.map((a) => a.status)).toEqual([200, 200]);
  });

  it("gives a waiting request a 503 when its turn does not come within the deadline", async () => {
    const { base } = await gatedServer({ maxInFlight: 1, maxQueued: 10, maxWaitMs: 300 }, 2_000);
    const [first, second] = await Promise.all([get(`${base}/teams/1`), (async () => {
      await new Promise((r) => setTimeout(r, 50));
      return get(`${base}/teams/1`, { accept: "text/html" });
    })()]);
    expect(first!.status).toBe(200);
    expect(second!.status).toBe(503);
    expect(second!.retryAfter).toBe("5");
    // Browsers get a page that says what happened and what to do.
    expect(second!.type).toContain("text/html");
    expect(second!.body).toContain("busy");
    expect(second!.body).toContain("try again");
    expect(second!.ms).toBeGreaterThanOrEqual(250);
    expect(second!.ms).toBeLessThan(1_500);
  });

  it("lets static files and the health check through while every slot is taken", async () => {
    const { base } = await gatedServer({ maxInFlight: 1, maxQueued: 0, maxWaitMs: 1_000 }, 50);
    const slow = get(`${base}/dashboard?ms=1500`);
    await new Promise((r) => setTimeout(r, 100));
    expect((await get(`${base}/dashboard`)).status).toBe(503);
    const health = await get(`${base}/api/health?ms=0`);
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(500);
    expect((await get(`${base}/_next/static/chunks/app.js?ms=0`)).status).toBe(200);
    expect((await slow).status).toBe(200);
  });

  it("frees the place of a client that gives up while waiting", async () => {
    const { base, gate } = await gatedServer({ maxInFlight: 1, maxQueued: 1, maxWaitMs: 5_000 }, 600);
    const first = get(`${base}/a`);
    await new Promise((r) => setTimeout(r, 50));
    const controller = new AbortController();
    const leaving = fetch(`${base}/b`, { signal: controller.signal }).catch(() => "aborted");
    await new Promise((r) => setTimeout(r, 50));
    expect(gate.stats().queued).toBe(1);
    controller.abort();
    expect(await leaving).toBe("aborted");
    await expect.poll(() => gate.stats().queued).toBe(0);
    // Its place is free: the next one may wait, and is answered.
    const third = await get(`${base}/c`);
    expect(third.status).toBe(200);
    expect((await first).status).toBe(200);
    expect(gate.stats()).toMatchObject({ inFlight: 0, queued: 0, admitted: 2, rejected: 0 });
  });

  it("lets through only Next's static files, public files and the health check", () => {
    expect(bypassesAdmission("/_next/static/chunks/x.js")).toBe(true);
    expect(bypassesAdmission("/api/health?x=1")).toBe(true);
    expect(bypassesAdmission("/api/v1/teams")).toBe(false);
    expect(bypassesAdmission("/dashboard")).toBe(false);
    expect(bypassesAdmission("/_next/data/x.json")).toBe(false);
  });
});

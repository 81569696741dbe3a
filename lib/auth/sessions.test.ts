// A busy database is not a reason to sign someone out: the session lookup passes an overload
// error on (the request answers 503, lib/db/overloadSignal.ts) instead of reading it as "no
// session" (which sent signed-in people to the sign-in page under load).
import { expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { liveSession } from "./sessions";

const failingWith = (err: Error) => ({ userSession: { findUnique: () => Promise.reject(err) } }) as unknown as Db;

it("passes on a database that cannot serve now", async () => {
  const busy = new Error("timeout exceeded when trying to connect");
  await expect(liveSession(failingWith(busy), "sid", "user")).rejects.toBe(busy);
});

it("still reads a malformed session id as no session", async () => {
  const malformed = Object.assign(new Error("Inconsistent column data: Error creating UUID"), { code: "P2023" });
  await expect(liveSession(failingWith(malformed), "not-a-uuid", "user")).resolves.toBeNull();
});

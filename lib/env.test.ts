import { describe, expect, it } from "vitest";
import { appOrigin, EnvError, listenHost, parseEnv, secureCookies } from "./env";

/** The issues parseEnv reports for a source, or [] when it is accepted. */
function issuesOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(EnvError);
    return (err as EnvError).issues;
  }
}

describe("parseEnv", () => {
  it("accepts an empty environment with defaults: embedded database, port 3000, demo seed on", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.PORT).toBe(3000);
    expect(e.LEADLAG_SEED_DEMO).toBe(true);
    expect(e.LEADLAG_DATA_DIR).toBe(".data");
    expect(e.NODE_ENV).toBe("development");
  });

  describe("DATABASE_URL", () => {
    it.each(["mysql://x", "not a url", "http://127.0.0.1:5432/leadlag", "postgres://"])(
      "refuses %j with a message naming the variable and what to set",
      (value) => {
        expect(() => parseEnv({ DATABASE_URL: value })).toThrow(EnvError);
        const issues = issuesOf({ DATABASE_URL: value });
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatch(/^DATABASE_URL /);
        expect(issues[0]).toContain("postgres://");
        expect(issues[0]).toContain("unset it to use the embedded database");
      },
    );

    it("puts every issue into the error message", () => {
      expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "x" })).toThrow(/Invalid environment:[\s\S]*DATABASE_URL[\s\S]*PORT/);
    });

    it.each(["postgres://postgres@127.0.0.1:5432/postgres", "postgresql://u:p@db.example.com/leadlag?sslmode=require"])(
      "accepts %j",
      (value) => {
        expect(parseEnv({ DATABASE_URL: value }).DATABASE_URL).toBe(value);
      },
    );

    it("trims surrounding whitespace", () => {
      expect(parseEnv({ DATABASE_URL: "  postgres://h/db \n" }).DATABASE_URL).toBe("postgres://h/db");
    });

    it.each(["", "   "])("treats %j as unset, i.e. the embedded database", (value) => {
      expect(parseEnv({ DATABASE_URL: value }).DATABASE_URL).toBeUndefined();
    });
  });

  describe("PORT", () => {
    it("parses a number", () => {
      expect(parseEnv({ PORT: "8080" }).PORT).toBe(8080);
    });

    it("defaults to 3000 when empty", () => {
      expect(parseEnv({ PORT: "" }).PORT).toBe(3000);
    });

    it.each(["abc", "0", "65536", "80.5", "-1"])("refuses %j", (value) => {
      const issues = issuesOf({ PORT: value });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(/^PORT /);
    });
  });

  describe("HOST", () => {
    it("is unset by default: the server listens on every interface, and links name localhost", () => {
      const e = parseEnv({});
      expect(listenHost(e)).toBeUndefined();
      expect(appOrigin(e)).toBe("http://localhost:3000");
    });

    it.each([
      ["127.0.0.1", "http://127.0.0.1:3000"],
      ["::1", "http://[::1]:3000"],
      ["0.0.0.0", "http://localhost:3000"],
      ["leadlag.internal", "http://leadlag.internal:3000"],
    ])("listens on %j, and without NEXTAUTH_URL links go to %s", (value, origin) => {
      const e = parseEnv({ HOST: value });
      expect(listenHost(e)).toBe(value);
      expect(appOrigin(e)).toBe(origin);
    });

    it("still reads its earlier name LEADLAG_HOST, and HOST wins over it", () => {
      expect(listenHost(parseEnv({ LEADLAG_HOST: "127.0.0.1" }))).toBe("127.0.0.1");
      expect(listenHost(parseEnv({ LEADLAG_HOST: "127.0.0.1", HOST: "0.0.0.0" }))).toBe("0.0.0.0");
    });

    it.each(["http://localhost", "localhost:3000", "two words", "-leading.dash"])("refuses %j, saying to give the port in PORT", (value) => {
      const issues = issuesOf({ HOST: value });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(/^HOST must be an address to listen on.*set PORT/);
    });
  });

  describe("LEADLAG_SEED_DEMO", () => {
    it.each([
      ["true", true],
      ["false", false],
      ["", true],
      [undefined, true],
    ] as const)("reads %j as %s", (value, expected) => {
      expect(parseEnv({ LEADLAG_SEED_DEMO: value }).LEADLAG_SEED_DEMO).toBe(expected);
    });

    it.each(["yes", "1", "TRUE"])("refuses %j, saying to use true or false", (value) => {
      const issues = issuesOf({ LEADLAG_SEED_DEMO: value });
      expect(issues).toEqual(["LEADLAG_SEED_DEMO must be true or false"]);
    });
  });

  describe("NEXTAUTH_SECRET", () => {
    it("refuses a secret shorter than 32 characters and says how to make one", () => {
      const issues = issuesOf({ NEXTAUTH_SECRET: "short" });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(/^NEXTAUTH_SECRET must be at least 32 characters/);
      expect(issues[0]).toContain("openssl rand");
    });

    it("accepts a 32-character secret", () => {
      const secret = "x".repeat(32);
      expect(parseEnv({ NEXTAUTH_SECRET: secret }).NEXTAUTH_SECRET).toBe(secret);
    });

    it("treats an empty secret as unset", () => {
      expect(parseEnv({ NEXTAUTH_SECRET: "" }).NEXTAUTH_SECRET).toBeUndefined();
    });
  });

  describe("LEADLAG_CLOCK", () => {
    it.each([
      ["2026-11-18T10:00:00Z", "2026-11-18T10:00:00.000Z"],
      ["2026-11-18T10:00:00.250+01:00", "2026-11-18T09:00:00.250Z"],
    ])("reads %j as the instant %s", (value, instant) => {
      expect(parseEnv({ LEADLAG_CLOCK: value }).LEADLAG_CLOCK?.toISOString()).toBe(instant);
    });

    it.each(["", undefined])("treats %j as unset, i.e. the real time", (value) => {
      expect(parseEnv({ LEADLAG_CLOCK: value }).LEADLAG_CLOCK).toBeUndefined();
    });

    it.each(["2026-11-18", "2026-11-18T10:00:00", "tomorrow", "2026-13-01T00:00:00Z"])("refuses %j, showing an instant to copy", (value) => {
      expect(issuesOf({ LEADLAG_CLOCK: value })).toEqual([
        "LEADLAG_CLOCK must be an instant in ISO 8601 such as 2026-11-18T10:00:00Z (or unset it to use the real time)",
      ]);
    });
  });

  describe("load limits", () => {
    it("defaults to a pool of 10, 5 s to get a connection, 30 s per statement, requests at once from the pool and 100 waiting up to 10 s", () => {
      expect(parseEnv({})).toMatchObject({
        LEADLAG_DB_POOL_MAX: 10,
        LEADLAG_DB_POOL_TIMEOUT_MS: 5_000,
        LEADLAG_STATEMENT_TIMEOUT_MS: 30_000,
        LEADLAG_REQUEST_QUEUE: 100,
        LEADLAG_REQUEST_QUEUE_TIMEOUT_MS: 10_000,
      });
      expect(parseEnv({}).LEADLAG_MAX_CONCURRENT_REQUESTS).toBeUndefined();
    });

    it("reads whole numbers, and 0 as no statement timeout", () => {
      const e = parseEnv({ LEADLAG_DB_POOL_MAX: "40", LEADLAG_STATEMENT_TIMEOUT_MS: "0", LEADLAG_REQUEST_QUEUE: " 0 " });
      expect(e).toMatchObject({ LEADLAG_DB_POOL_MAX: 40, LEADLAG_STATEMENT_TIMEOUT_MS: 0, LEADLAG_REQUEST_QUEUE: 0 });
    });

    it.each([
      ["LEADLAG_DB_POOL_MAX", "0", "LEADLAG_DB_POOL_MAX must be at least 1 connections"],
      ["LEADLAG_DB_POOL_MAX", "ten", "LEADLAG_DB_POOL_MAX must be a number of connections"],
      ["LEADLAG_STATEMENT_TIMEOUT_MS", "2.5", "LEADLAG_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds"],
      ["LEADLAG_MAX_CONCURRENT_REQUESTS", "-1", "LEADLAG_MAX_CONCURRENT_REQUESTS must be at least 1 requests"],
    ])("refuses %s=%j, saying what it must be", (name, value, issue) => {
      expect(issuesOf({ [name]: value })).toEqual([issue]);
    });
  });

  it("refuses an unknown NODE_ENV", () => {
    expect(issuesOf({ NODE_ENV: "staging" })[0]).toMatch(/^NODE_ENV /);
  });

  it("refuses a NEXTAUTH_URL that is not a URL", () => {
    expect(issuesOf({ NEXTAUTH_URL: "localhost" })[0]).toMatch(/^NEXTAUTH_URL must be the app's public URL/);
  });

  it("makes cookies Secure exactly when the public URL is https", () => {
    expect(secureCookies(parseEnv({}))).toBe(false);
    expect(secureCookies(parseEnv({ NEXTAUTH_URL: "http://leadlag.local:3000" }))).toBe(false);
    expect(secureCookies(parseEnv({ NEXTAUTH_URL: "https://leadlag.example.com/" }))).toBe(true);
  });

  it("trusts a reverse proxy's forwarded headers only when LEADLAG_TRUST_PROXY=true", () => {
    expect(parseEnv({}).LEADLAG_TRUST_PROXY).toBe(false);
    expect(parseEnv({ LEADLAG_TRUST_PROXY: "true" }).LEADLAG_TRUST_PROXY).toBe(true);
    expect(issuesOf({ LEADLAG_TRUST_PROXY: "yes" })).toEqual(["LEADLAG_TRUST_PROXY must be true or false"]);
  });
});

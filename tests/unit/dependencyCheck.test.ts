// `npm run deps:check` (scripts/check-dependencies.ts) against a made-up advisory list and lock:
// an installed version inside a vulnerable range is caught, the fixed one is not, and a lock that
// does not match package.json is reported.
import { describe, expect, it } from "vitest";
import { findVulnerable, listProblems, type AdvisoryList } from "../../scripts/dependencies/advisories";
import { lockfileProblems, type PackageJson, type PackageLock } from "../../scripts/dependencies/lockfile";

const list: AdvisoryList = {
  updated: "2026-12-01",
  advisories: [
    { package: "left-pad", vulnerable: "<1.3.0", id: "GHSA-test-0001", severity: "high", summary: "pads wrongly", url: "https://example.test/1" },
    {
      package: "web-framework",
      vulnerable: ">=14.0.0 <14.2.25 || >=15.0.0 <15.2.3",
      id: "GHSA-test-0002",
      severity: "critical",
      summary: "bypass",
      url: "https://example.test/2",
    },
  ],
};

const installed = (name: string, version: string) => [{ name, version, path: `node_modules/${name}` }];
const ids = (l: AdvisoryList, name: string, version: string, today = "2026-12-03") => findVulnerable(l, installed(name, version), today).map((f) => f.advisory.id);

describe("matching installed packages against the advisory list", () => {
  it("catches a version inside the vulnerable range and passes the fixed one", () => {
    expect(ids(list, "left-pad", "1.2.9")).toEqual(["GHSA-test-0001"]);
    expect(ids(list, "left-pad", "1.3.0")).toEqual([]);
  });

  it("reads each branch of a range with ||, and nothing between them", () => {
    expect(ids(list, "web-framework", "14.2.24")).toEqual(["GHSA-test-0002"]);
    expect(ids(list, "web-framework", "15.2.2")).toEqual(["GHSA-test-0002"]);
    expect(ids(list, "web-framework", "14.2.25")).toEqual([]);
    expect(ids(list, "web-framework", "15.2.3")).toEqual([]);
    expect(ids(list, "web-framework", "16.0.0")).toEqual([]);
  });

  it("counts a prerelease of the fixed version as vulnerable", () => {
    expect(ids(list, "web-framework", "15.2.3-canary.1")).toEqual(["GHSA-test-0002"]);
  });

  it("matches the package by its exact name", () => {
    expect(ids(list, "left-pad-extra", "1.0.0")).toEqual([]);
  });

  it("keeps an acceptance until its date, then reports the finding again", () => {
    const accepted: AdvisoryList = { ...list, accepted: [{ id: "GHSA-test-0001", package: "left-pad", reason: "not reachable", until: "2026-12-31" }] };
    const [before] = findVulnerable(accepted, installed("left-pad", "1.0.0"), "2026-12-31");
    expect(before).toMatchObject({ accepted: { until: "2026-12-31" }, expired: false });
    const [after] = findVulnerable(accepted, installed("left-pad", "1.0.0"), "2027-01-01");
    expect(after).toMatchObject({ expired: true });
  });

  it("refuses a list whose range semver cannot read, instead of matching nothing", () => {
    const broken: AdvisoryList = { updated: "2026-12-01", advisories: [{ ...list.advisories[0]!, vulnerable: "before 1.3" }] };
    expect(listProblems(broken)).toEqual([expect.stringContaining('"before 1.3" is not a semver range')]);
    expect(listProblems(list)).toEqual([]);
  });
});

describe("the lockfile matches package.json", () => {
  const pkg: PackageJson = { name: "app", dependencies: { "left-pad": "1.3.0" }, devDependencies: { tester: "^2.0.0" }, overrides: { "deep-dep": "1.0.1" } };
  const entry = (version: string, extra: Record<string, unknown> = {}) => ({ version, integrity: "sha512-AAAA", ...extra });
  const lock = (): PackageLock => ({
    name: "app",
    lockfileVersion: 3,
    packages: {
      "": { name: "app", dependencies: { "left-pad": "1.3.0" }, devDependencies: { tester: "^2.0.0" } },
      "node_modules/left-pad": entry("1.3.0"),
      "node_modules/tester": entry("2.4.0", { dev: true }),
      "node_modules/tester/node_modules/deep-dep": entry("1.0.1", { dev: true }),
    },
  });

  it("accepts a lock in sync", () => {
    expect(lockfileProblems(pkg, lock())).toEqual([]);
  });

  it("reports a locked version the spec does not allow", () => {
    const l = lock();
    l.packages!["node_modules/left-pad"] = entry("1.2.0");
    expect(lockfileProblems(pkg, l)).toEqual([expect.stringContaining('left-pad: locked at 1.2.0, which "1.3.0" does not allow')]);
  });

  it("reports a package.json changed without the lock", () => {
    expect(lockfileProblems({ ...pkg, dependencies: { "left-pad": "1.3.0", zod: "4.0.0" } }, lock())).toEqual(
      expect.arrayContaining([expect.stringContaining("dependencies differ from the lock's root entry: zod"), expect.stringContaining("zod (dependencies) is not in the lock")]),
    );
  });

  it("reports a package without an integrity hash, an old lockfile format, a production package marked dev and an override not honoured", () => {
    const l = lock();
    l.lockfileVersion = 2;
    l.packages!["node_modules/left-pad"] = { version: "1.3.0", dev: true };
    l.packages!["node_modules/tester/node_modules/deep-dep"] = entry("1.0.0", { dev: true });
    expect(lockfileProblems(pkg, l)).toEqual([
      expect.stringContaining("lockfileVersion is 2"),
      expect.stringContaining("left-pad is a production dependency but the lock marks it dev"),
      expect.stringContaining("override deep-dep@1.0.1 not honoured"),
      expect.stringContaining("node_modules/left-pad has no integrity hash"),
    ]);
  });
});

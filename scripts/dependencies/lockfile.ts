// Is package-lock.json the lock of this package.json? What `npm ci` relies on, checked without
// the network: lockfile format 3, the root entry's dependency lists equal package.json's, every
// direct dependency locked at a version its spec allows (and a production one not marked dev),
// every override honoured, and every locked package pinned by an integrity hash.
import semver from "semver";
import type { InstalledPackage } from "./advisories";

type Deps = Record<string, string>;
export type PackageJson = {
  name?: string;
  dependencies?: Deps;
  devDependencies?: Deps;
  optionalDependencies?: Deps;
  peerDependencies?: Deps;
  overrides?: Record<string, unknown>;
};
type LockEntry = { version?: string; integrity?: string; resolved?: string; link?: boolean; dev?: boolean; name?: string } & Record<string, unknown>;
export type PackageLock = { name?: string; lockfileVersion?: number; packages?: Record<string, LockEntry> };

const KINDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"] as const;

/** "node_modules/a/node_modules/@s/b" → "@s/b". */
export function packageName(lockPath: string): string {
  return lockPath.slice(lockPath.lastIndexOf("node_modules/") + "node_modules/".length);
}

/** Every locked package (not the root, not links), with whether only development needs it. */
export function lockedPackages(lock: PackageLock): (InstalledPackage & { dev: boolean })[] {
  return Object.entries(lock.packages ?? {})
    .filter(([p, e]) => p !== "" && p.includes("node_modules/") && !e.link)
    .map(([p, e]) => ({ name: packageName(p), version: e.version ?? "", path: p, dev: e.dev === true }));
}

function sameDeps(a: Deps = {}, b: Deps = {}): string[] {
  const out: string[] = [];
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (a[k] !== b[k]) out.push(`${k}: package.json ${a[k] ?? "(none)"}, lock ${b[k] ?? "(none)"}`);
  }
  return out;
}

export function lockfileProblems(pkg: PackageJson, lock: PackageLock): string[] {
  const problems: string[] = [];
  if (lock.lockfileVersion !== 3) problems.push(`lockfileVersion is ${lock.lockfileVersion}, not 3 (npm 9 or later writes 3)`);
  const packages = lock.packages ?? {};
  const root = packages[""] as (LockEntry & Partial<Record<(typeof KINDS)[number], Deps>>) | undefined;
  if (!root) return [...problems, `the lock has no root entry (packages[""])`];
  if (pkg.name && lock.name !== pkg.name) problems.push(`the lock is of "${lock.name}", package.json of "${pkg.name}"`);
  for (const kind of KINDS) {
    for (const d of sameDeps(pkg[kind], root[kind])) problems.push(`${kind} differ from the lock's root entry: ${d}`);
  }
  for (const kind of ["dependencies", "devDependencies", "optionalDependencies"] as const) {
    for (const [name, spec] of Object.entries(pkg[kind] ?? {})) {
      const entry = packages[`node_modules/${name}`];
      if (!entry) {
        if (kind !== "optionalDependencies") problems.push(`${name} (${kind}) is not in the lock`);
        continue;
      }
      if (semver.validRange(spec) === null) problems.push(`${name}: "${spec}" is not a version range this check reads`);
      else if (!entry.version || !semver.satisfies(entry.version, spec, { includePrerelease: true })) {
        problems.push(`${name}: locked at ${entry.version ?? "no version"}, which "${spec}" does not allow`);
      }
      if (kind === "dependencies" && entry.dev) problems.push(`${name} is a production dependency but the lock marks it dev`);
    }
  }
  for (const [name, spec] of Object.entries(pkg.overrides ?? {})) {
    if (typeof spec !== "string") continue; // nested overrides: npm checks those itself
    for (const p of lockedPackages(lock).filter((x) => x.name === name)) {
      if (!semver.satisfies(p.version, spec, { includePrerelease: true })) problems.push(`override ${name}@${spec} not honoured: ${p.path} is ${p.version}`);
    }
  }
  for (const p of lockedPackages(lock)) {
    const e = packages[p.path]!;
    if (!e.version) problems.push(`${p.path} has no version`);
    if (!/^sha(512|384|256|1)-[A-Za-z0-9+/=]+( sha(512|384|256|1)-[A-Za-z0-9+/=]+)*$/.test(e.integrity ?? "")) problems.push(`${p.path} has no integrity hash`);
  }
  return problems;
}

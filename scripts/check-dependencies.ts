// `npm run deps:check`: what Leadlag ships and whether anything known is wrong with it, offline.
//   1. lists the production dependencies (package.json) with the versions package-lock.json locks;
//   2. matches every production package of the lock (direct or not) against the hand-kept, dated
//      advisory list in security/advisories.json — fails on any match not accepted for a reason
//      until a date, warns when the list is more than 90 days old;
//   3. checks the lock is the lock of package.json (lockfile 3, specs satisfied, integrity hashes).
// Exit status 1 on a vulnerable package, a stale acceptance, a bad list or a lock out of sync.
// Where the registry has an advisory endpoint, `npm audit --omit=dev` is the fuller check (README).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { daysBetween, findVulnerable, listProblems, type AdvisoryList } from "./dependencies/advisories";
import { lockedPackages, lockfileProblems, type PackageJson, type PackageLock } from "./dependencies/lockfile";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ADVISORIES = "security/advisories.json";
const MAX_AGE_DAYS = 90;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), "utf8")) as T;

function main(): number {
  const pkg = readJson<PackageJson>("package.json");
  const lock = readJson<PackageLock>("package-lock.json");
  const list = readJson<AdvisoryList>(ADVISORIES);
  const today = new Date().toISOString().slice(0, 10);
  let failed = false;

  const locked = lockedPackages(lock);
  const production = locked.filter((p) => !p.dev);
  const direct = Object.entries(pkg.dependencies ?? {});
  console.log(`Production dependencies (${direct.length} direct, ${production.length} packages in all):`);
  const width = Math.max(...direct.map(([n]) => n.length));
  for (const [name, spec] of direct) {
    const version = lock.packages?.[`node_modules/${name}`]?.version ?? "not locked";
    console.log(`  ${name.padEnd(width)}  ${version}${spec !== version ? `  (package.json: ${spec})` : ""}`);
  }

  console.log(`\nAdvisories: ${list.advisories?.length ?? 0} in ${ADVISORIES}, updated ${list.updated}`);
  const bad = listProblems(list);
  if (bad.length) {
    failed = true;
    for (const p of bad) console.log(`  ✖ ${p}`);
  } else {
    const age = daysBetween(list.updated, today);
    if (age > MAX_AGE_DAYS) console.log(`  ⚠ the list is ${age} days old: review it against https://github.com/advisories (then bump "updated")`);
    const findings = findVulnerable(list, production, today);
    for (const f of findings) {
      const what = `${f.installed.name}@${f.installed.version} (${f.installed.path}): ${f.advisory.id} [${f.advisory.severity}] ${f.advisory.summary}; vulnerable ${f.advisory.vulnerable}`;
      if (f.accepted && !f.expired) console.log(`  ⚠ accepted until ${f.accepted.until}: ${what} — ${f.accepted.reason}`);
      else {
        failed = true;
        console.log(`  ✖ ${what}${f.expired ? ` — its acceptance ended ${f.accepted!.until}` : ""}\n      ${f.advisory.url}`);
      }
    }
    if (findings.length === 0) console.log(`  ✓ no production package in a vulnerable range`);
  }

  console.log(`\nLockfile: package-lock.json (lockfileVersion ${lock.lockfileVersion}, ${locked.length} packages)`);
  const lockBad = lockfileProblems(pkg, lock);
  if (lockBad.length) {
    failed = true;
    for (const p of lockBad.slice(0, 30)) console.log(`  ✖ ${p}`);
    if (lockBad.length > 30) console.log(`  … and ${lockBad.length - 30} more`);
    console.log("  Run `npm install` to bring the lock in line with package.json, and commit both.");
  } else console.log("  ✓ in sync with package.json; every package pinned by an integrity hash");

  console.log(`\ndeps:check ${failed ? "FAILED" : "passed"}`);
  return failed ? 1 : 0;
}

process.exitCode = main();

// Known advisories against what is installed, without an advisory service: the list is a file in
// the repository (security/advisories.json), kept by hand and dated. Each advisory names a
// package and the semver range of its vulnerable versions; every production package in
// package-lock.json (direct or not, each copy) is matched against it.
import semver from "semver";

export type Advisory = {
  package: string;
  /** A semver range, e.g. "<9.1.0" or ">=15.0.0 <15.2.3 || >=14.0.0 <14.2.25". */
  vulnerable: string;
  id: string;
  severity: "low" | "moderate" | "high" | "critical";
  summary: string;
  url: string;
};

/** A finding the team has looked at and lives with until a date, for a stated reason. */
export type Acceptance = { id: string; package: string; reason: string; until: string };

export type AdvisoryList = { updated: string; note?: string; advisories: Advisory[]; accepted?: Acceptance[] };

export type InstalledPackage = { name: string; version: string; path: string };

export type Finding = { advisory: Advisory; installed: InstalledPackage; accepted?: Acceptance; expired?: boolean };

const SEVERITIES = new Set(["low", "moderate", "high", "critical"]);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with the list itself (a range semver cannot read would otherwise match nothing). */
export function listProblems(list: AdvisoryList): string[] {
  const problems: string[] = [];
  if (!DAY.test(list.updated ?? "")) problems.push(`"updated" must be a date such as 2026-12-03, not ${JSON.stringify(list.updated)}`);
  if (!Array.isArray(list.advisories)) return [...problems, `"advisories" must be a list`];
  list.advisories.forEach((a, i) => {
    const where = `advisories[${i}] (${a.id ?? "no id"})`;
    if (!a.package) problems.push(`${where}: no package`);
    if (!a.id) problems.push(`${where}: no id`);
    if (!SEVERITIES.has(a.severity)) problems.push(`${where}: severity must be low, moderate, high or critical`);
    if (!a.vulnerable || semver.validRange(a.vulnerable) === null) problems.push(`${where}: "${a.vulnerable}" is not a semver range`);
  });
  for (const [i, x] of (list.accepted ?? []).entries()) {
    if (!x.reason?.trim()) problems.push(`accepted[${i}] (${x.id}): give the reason`);
    if (!DAY.test(x.until ?? "")) problems.push(`accepted[${i}] (${x.id}): "until" must be a date`);
  }
  return problems;
}

/** Is `version` in the advisory's vulnerable range? Prereleases are compared too: 15.2.3-canary.1 is below 15.2.3. */
export function isVulnerable(advisory: Advisory, version: string): boolean {
  return semver.valid(version) !== null && semver.satisfies(version, advisory.vulnerable, { includePrerelease: true });
}

/** Every installed package an advisory covers, with its acceptance if one applies. */
export function findVulnerable(list: AdvisoryList, installed: readonly InstalledPackage[], today: string): Finding[] {
  const byName = new Map<string, InstalledPackage[]>();
  for (const p of installed) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  const findings: Finding[] = [];
  for (const advisory of list.advisories) {
    for (const p of byName.get(advisory.package) ?? []) {
      if (!isVulnerable(advisory, p.version)) continue;
      const accepted = list.accepted?.find((x) => x.id === advisory.id && x.package === advisory.package);
      findings.push(accepted ? { advisory, installed: p, accepted, expired: accepted.until < today } : { advisory, installed: p });
    }
  }
  return findings;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

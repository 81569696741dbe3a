// The soak's verdicts and how they are printed: one line per check, then a table.
export type Check = { phase: string; name: string; ok: boolean; detail: string };

export function printTable(header: string[], rows: string[][], log: (l: string) => void, rightAligned: number[] = []): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  log(line(header));
  log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) log(line(r));
}

export function printChecks(checks: readonly Check[], log: (l: string) => void): void {
  printTable(
    ["phase", "check", "result", "measured"],
    checks.map((c) => [c.phase, c.name, c.ok ? "PASS" : "FAIL", c.detail]),
    log,
  );
}

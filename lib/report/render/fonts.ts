// The report's one typeface, DejaVu Sans, from the dejavu-fonts-ttf package: the PDF and the
// chart images both need glyphs the built-in PDF fonts lack (→ ≥ − × £ €), and the same font
// on every machine keeps the output identical. Resolved through Node's resolver from this
// module, which works under tsx, vitest and Next's server bundle (the package stays in
// node_modules; only its path is looked up).
import "server-only";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export const REPORT_FONT_FAMILY = "DejaVu Sans";

export type FontWeight = "regular" | "bold";

const FILES: Record<FontWeight, string> = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" };

export function reportFontPath(weight: FontWeight): string {
  // turbopackIgnore: Next's bundler would otherwise replace the lookup with a module number.
  const packageDir = path.dirname(createRequire(import.meta.url).resolve(/* turbopackIgnore: true */ "dejavu-fonts-ttf/package.json"));
  return path.join(packageDir, "ttf", FILES[weight]);
}

// Read once per process: every PDF embeds (a subset of) the same two files.
const bytes = new Map<FontWeight, Buffer>();

export function reportFontBytes(weight: FontWeight): Buffer {
  let b = bytes.get(weight);
  if (!b) bytes.set(weight, (b = readFileSync(reportFontPath(weight))));
  return b;
}

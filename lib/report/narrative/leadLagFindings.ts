// Do the lead measures predict the results? What the test of each declared lead → lag pair
// found, and which lag measures have no driver to test. Findings are worded as associations in
// past data, never as proof that an activity causes a result.
import type { ReportBlock, ReportSection } from "../document";
import type { ReportSnapshot } from "../snapshot/types";
import { DASH } from "@/lib/domain/format";
import { listText, plural, type Writer } from "./format";

export function leadLagFindingsSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "Lead → lag";
  const blocks: ReportBlock[] = [];
  const d = s.drivers;
  const count = (k: string) => d.filter((x) => x.kind === k).length;
  if (!d.length) {
    blocks.push({ kind: "paragraph", text: "No lead measure is declared as a driver of a lag measure in this scope, so nothing was tested. Name each lag measure's drivers (Measures) to test them." });
  } else {
    const parts = [
      count("predictive") ? `${count("predictive")} proved predictive` : "",
      count("weak") ? `${count("weak")} show weak evidence` : "",
      count("none") ? `${count("none")} show no evidence` : "",
      count("opposite") ? `${count("opposite")} moved in the unwanted direction` : "",
      count("insufficient") ? `${count("insufficient")} lack the data to test` : "",
    ].filter(Boolean);
    blocks.push({
      kind: "paragraph",
      text: `Of ${plural(d.length, "declared lead → lag pair")}, ${listText(parts)}. Each test regresses the lag's week-to-week change on the lead's change 0 to 8 weeks earlier over up to 52 weeks; a finding is an association in past data, not proof of cause.`,
    });
    blocks.push({ kind: "bullets", items: d.map((x) => `${x.leadName} → ${x.lagName}: ${x.text}`) });
    blocks.push({
      kind: "table",
      caption: "Lead → lag tests",
      columns: [
        { label: "Lead measure", align: "left" },
        { label: "Lag measure", align: "left" },
        { label: "Finding", align: "left" },
        { label: "Weeks later", align: "right" },
        { label: "n", align: "right" },
        { label: "p", align: "right" },
      ],
      rows: d.map((x) => {
        const item = `${x.leadName} → ${x.lagName}`;
        return [
          x.leadName,
          x.lagName,
          FINDING[x.kind] ?? x.kind,
          w.fact(S, item, "Best lag (weeks)", x.k, x.k == null ? DASH : w.num(x.k, 0)),
          w.fact(S, item, "n", x.n, w.num(x.n, 0)),
          w.fact(S, item, "p", x.p, x.p == null ? DASH : x.p < 0.001 ? "< 0.001" : w.num(x.p, 3)),
        ];
      }),
    });
  }
  const untested = s.lags.filter((l) => !d.some((x) => x.lagMeasureId === l.lagMeasureId));
  if (untested.length) blocks.push({ kind: "paragraph", text: `No driver is declared for ${listText(untested.map((l) => l.name))}: nothing was tested for ${untested.length === 1 ? "it" : "them"}.` });
  return { id: "predictive", title: "Do the lead measures predict the results?", blocks };
}

const FINDING: Record<string, string> = {
  predictive: "Predictive",
  opposite: "Unwanted direction",
  weak: "Weak evidence",
  none: "No evidence",
  insufficient: "Not enough data yet",
};

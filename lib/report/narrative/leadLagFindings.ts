// Do the lead measures predict the results? What the test of each declared lead → lag pair
// found, and which lag measures have no driver to test. The pairs are judged together (each on
// its Benjamini–Hochberg q-value across them, issue #13), and findings are worded as
// associations in the data so far, never as proof that an activity causes a result.
import type { ReportBlock, ReportSection } from "../document";
import type { ReportSnapshot } from "../snapshot/types";
import { DASH } from "@/lib/domain/format";
import { listText, plural, type Writer } from "./format";

export function leadLagFindingsSection(s: ReportSnapshot, w: Writer): ReportSection {
  const S = "Lead → lag";
  const blocks: ReportBlock[] = [];
  const d = s.drivers;
  const count = (k: string) => d.filter((x) => x.kind === k).length;
  const unitOf = (x: (typeof d)[number]) => x.unit ?? "week";
  const monthlyLags = [...new Set(d.filter((x) => unitOf(x) !== "week").map((x) => x.lagName))];
  if (!d.length) {
    blocks.push({ kind: "paragraph", text: "No lead measure is declared as a driver of a lag measure in this scope, so nothing was tested. Name each lag measure's drivers (Measures) to test them." });
  } else {
    const parts = [
      count("predictive") ? `${count("predictive")} ${count("predictive") === 1 ? "is" : "are"} predictive in the data so far` : "",
      count("weak") ? `${count("weak")} show weak evidence` : "",
      count("none") ? `${count("none")} show no evidence` : "",
      count("opposite") ? `${count("opposite")} moved in the unwanted direction` : "",
      count("insufficient") ? `${count("insufficient")} lack the data to test` : "",
    ].filter(Boolean);
    blocks.push({
      kind: "paragraph",
      text:
        `Of ${plural(d.length, "declared lead → lag pair")}, ${listText(parts)}. Each test ${monthlyLags.length ? "of a weekly lag measure regresses its" : "regresses the lag's"} week-to-week change on the lead's change 0 to 8 weeks earlier over up to 52 weeks. ` +
        `Its p-value allows for the 9 lags tried, and its q-value for the ${plural(d.length, "pair")} tested together: a pair is called only when q is at most 0.05 ` +
        `(so about 1 in 20 of the pairs called could be chance) and the lead also cuts the error of one-week-ahead forecasts of the lag. ` +
        `A finding is an association in the data so far, not proof of cause.` +
        (monthlyLags.length
          ? ` ${listText(monthlyLags)} ${monthlyLags.length === 1 ? "is" : "are"} observed monthly, so ${monthlyLags.length === 1 ? "its pairs are" : "their pairs are"} tested month by month instead: the month-to-month change on the change in the lead's monthly total 0 to 3 months earlier, over the months the lead was tracked, allowing for the 4 lags tried, with one-month-ahead forecasts.`
          : ""),
    });
    blocks.push({ kind: "bullets", items: d.map((x) => `${x.leadName} → ${x.lagName}: ${x.text}`) });
    blocks.push({
      kind: "table",
      caption: "Lead → lag tests",
      columns: [
        { label: "Lead measure", align: "left" },
        { label: "Lag measure", align: "left" },
        { label: "Finding", align: "left" },
        { label: monthlyLags.length ? "Later (weeks unless stated)" : "Weeks later", align: "right" },
        { label: "n", align: "right" },
        { label: "p (this lag)", align: "right" },
        { label: "p (all lags)", align: "right" },
        { label: "q (all pairs)", align: "right" },
        { label: "Forecast error cut", align: "right" },
      ],
      rows: d.map((x) => {
        const item = `${x.leadName} → ${x.lagName}`;
        return [
          x.leadName,
          x.lagName,
          FINDING[x.kind] ?? x.kind,
          w.fact(S, item, `Best lag (${unitOf(x)}s)`, x.k, x.k == null ? DASH : unitOf(x) === "week" ? w.num(x.k, 0) : `${w.num(x.k, 0)} ${unitOf(x)}${x.k === 1 ? "" : "s"}`),
          w.fact(S, item, "n", x.n, w.num(x.n, 0)),
          w.fact(S, item, "p (this lag)", x.p, pText(w, x.p)),
          w.fact(S, item, "p (all lags)", x.pFamily, pText(w, x.pFamily)),
          w.fact(S, item, "q (all pairs)", x.q, pText(w, x.q)),
          w.fact(S, item, "Forecast error cut", x.errorReduction == null ? null : x.errorReduction * 100, x.errorReduction == null ? DASH : w.share(x.errorReduction), "%"),
        ];
      }),
    });
  }
  const untested = s.lags.filter((l) => !d.some((x) => x.lagMeasureId === l.lagMeasureId));
  if (untested.length) blocks.push({ kind: "paragraph", text: `No driver is declared for ${listText(untested.map((l) => l.name))}: nothing was tested for ${untested.length === 1 ? "it" : "them"}.` });
  return { id: "predictive", title: "Do the lead measures predict the results?", blocks };
}

const pText = (w: Writer, p: number | null | undefined) => (p == null ? DASH : p < 0.001 ? "< 0.001" : w.num(p, 3));

const FINDING: Record<string, string> = {
  predictive: "Predictive so far",
  opposite: "Unwanted direction",
  weak: "Weak evidence",
  none: "No evidence",
  insufficient: "Not enough data yet",
};

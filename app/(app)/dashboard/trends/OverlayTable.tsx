// The overlay chart's text alternative: the same rows as its CSV.
import type { OverlayChartData } from "@/lib/charts/overlayChart";
import { formatNumber } from "@/lib/domain/format";
import { WideTable } from "@/app/_components/WideTable";

export function OverlayTable({ data, title, leadHead, lagHead, locale }: { data: OverlayChartData; title: string; leadHead: string; lagHead: string; locale: string }) {
  const n = (x: number | null) => formatNumber(x, locale, 2);
  return (
    <details>
      <summary>Show both series as a table</summary>
      <WideTable label="Lead and lag by period">
        <table data-testid="overlay-table">
          <caption className="muted" style={{ textAlign: "left" }}>
            {title}. A {data.period.noun} without a lag value shows a dash.
          </caption>
          <thead>
            <tr>
              <th scope="col">{data.period.head}</th>
              <th scope="col" className="num">
                {leadHead}
              </th>
              <th scope="col" className="num">
                {lagHead}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.weekStart}>
                <th scope="row">{r.label}</th>
                <td className="num">{n(r.lead)}</td>
                <td className="num">{n(r.lag)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </details>
  );
}

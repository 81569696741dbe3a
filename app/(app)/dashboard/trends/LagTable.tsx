// The lag chart's text alternative: every charted number, the same rows as its CSV.
import type { LagChartData } from "@/lib/charts/lagChart";
import { DASH, formatNumber } from "@/lib/domain/format";
import { LAG_STATUS_LABEL } from "@/lib/domain/status";
import { WideTable } from "@/app/_components/WideTable";

export function LagTable({ data, title, unit, locale }: { data: LagChartData; title: string; unit: string; locale: string }) {
  const n = (x: number | null) => formatNumber(x, locale, 2);
  const range = (lo: number | null, hi: number | null) => (lo == null || hi == null ? DASH : `${n(lo)} to ${n(hi)}`);
  return (
    <details>
      <summary>Show the lag values as a table</summary>
      <WideTable label="Lag values">
        <table data-testid="lag-table">
          <caption className="muted" style={{ textAlign: "left" }}>
            {title}
            {unit ? ` (${unit})` : ""}. Forecast weeks have no weekly mean yet.
          </caption>
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col" className="num">
                Weekly mean
              </th>
              <th scope="col" className="num">
                Path
              </th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Forecast
              </th>
              <th scope="col" className="num">
                80% range
              </th>
              <th scope="col" className="num">
                95% range
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.weekStart} data-week={r.weekStart}>
                <th scope="row">{r.label}</th>
                <td className="num">{n(r.value)}</td>
                <td className="num">{n(r.path)}</td>
                <td>
                  {r.status ? (
                    <span className={`badge ${r.status === "on" ? "green" : "red"}`}>{LAG_STATUS_LABEL[r.status === "on" ? "green" : "red"]}</span>
                  ) : (
                    <span className="muted">{r.kind === "forecast" ? "Forecast" : "No value"}</span>
                  )}
                </td>
                <td className="num">{n(r.forecast)}</td>
                <td className="num">{range(r.lo80, r.hi80)}</td>
                <td className="num">{range(r.lo95, r.hi95)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </details>
  );
}

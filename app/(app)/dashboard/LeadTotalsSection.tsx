// Weekly totals of the chosen lead measure per team, with the numbers as a table.
import type { LeadTotalsChartData } from "@/lib/charts/leadTotalsChart";
import { formatNumber } from "@/lib/domain/format";
import { LeadTotalsChart } from "./LeadTotalsChart";
import { WideTable } from "@/app/_components/WideTable";

type Props = {
  data: LeadTotalsChartData | null;
  title: string;
  unit: string;
  weekLabels: string[];
  locale: string;
  emptyText: string;
};

export function LeadTotalsSection({ data, title, unit, weekLabels, locale, emptyText }: Props) {
  return (
    <section className="card" aria-labelledby="totals-title">
      <h2 id="totals-title">{title}</h2>
      {!data || data.series.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        <>
          <LeadTotalsChart data={data} weekLabels={weekLabels} title={title} unit={unit} />
          <details>
            <summary>Show the numbers as a table</summary>
            <WideTable label="Weekly totals">
              <table data-testid="totals-table">
                <caption className="muted" style={{ textAlign: "left" }}>
                  {title} ({unit || "total"}). Weekly target in brackets.
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Week</th>
                    {data.series.map((s) => (
                      <th key={s.teamId} scope="col" className="num">
                        {s.teamName} ({formatNumber(s.weeklyTarget, locale)})
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.weeks.map((w, i) => (
                    <tr key={w}>
                      <th scope="row">{weekLabels[i]}</th>
                      {data.series.map((s) => (
                        <td key={s.teamId} className="num">
                          {formatNumber(s.totals[i]!, locale, 1)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </WideTable>
          </details>
        </>
      )}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { forbidden, notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { canExportReport, canManageMeasures, canViewDashboard } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { pageData } from "@/lib/http/page";
import { isUuid } from "@/lib/schemas/ids";
import { firstParam } from "@/lib/schemas/queryParams";
import { numberFormats, type NumberFormats } from "@/lib/domain/format";
import { programPage } from "@/lib/views/programPage";
import type { ProgramRoi } from "@/lib/views/programRoi";
import { ProgramForm } from "../ProgramForm";
import { BenefitForm } from "./BenefitForm";
import { BenefitLines } from "./BenefitLines";
import { CostForm } from "./CostForm";
import { CostLedger } from "./CostLedger";
import { IntangibleForm } from "./IntangibleForm";
import { RemovalArea, RemoveLineButton } from "./RemoveLineButton";
import { RoiChart, type RoiChartMonth } from "./RoiChart";
import { RoiSummary } from "./RoiSummary";
import { WhatIfControl } from "./WhatIfControl";
import { WideTable } from "@/app/_components/WideTable";

export const metadata: Metadata = { title: "Program ROI" };

/** A what-if percentage from the URL, clamped to the slider's −50…+50 in steps of 5. */
function whatIfPercent(raw: string | undefined): number {
  const n = Number(raw);
  return Number.isFinite(n) ? Math.max(-50, Math.min(50, Math.round(n / 5) * 5)) : 10;
}

type Props = { params: Promise<{ programId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProgramPage({ params, searchParams }: Props) {
  const ctx = await requirePageContext();
  if (!canViewDashboard(ctx.role)) forbidden();
  const { programId } = await params;
  if (!isUuid(programId)) notFound();
  const q = await searchParams;
  const pct = whatIfPercent(firstParam(q, "whatIfPct"));
  const page = await pageData(programPage(await getDb(), ctx, programId, { leadMeasureId: firstParam(q, "whatIfLead"), changePercent: pct }));
  const { roi, teams, lagMeasures, leadMeasures, whatIfLeadId: whatIfLead } = page;
  const fmt = numberFormats(roi.locale, roi.currency);
  const p = roi.program;
  // Viewers read the ROI; the ledgers' forms and the program's edit are for managers.
  const canEdit = canManageMeasures(ctx.role);
  return (
    <>
      <div className="page-head">
        <p>
          <Link href="/programs">← Programs</Link>
        </p>
        <div className="row" style={{ justifyContent: "space-between", alignItems: "center" }}>
          <h1>{p.name}</h1>
          {canExportReport(ctx.role) ? (
            <Link className="button" href={`/reports?scope=program&programId=${p.id}`}>
              Export a quarterly report
            </Link>
          ) : null}
        </div>
        <p className="muted">
          From {fmt.day(p.startDate)}
          {p.endDate ? ` to ${fmt.day(p.endDate)}` : ""} · participants: {p.participants.map((t) => t.name).join(", ") || "none"}
          {p.controls.length ? ` · control: ${p.controls.map((t) => t.name).join(", ")}` : ""}
        </p>
        {p.description ? <p>{p.description}</p> : null}
      </div>

      <Section id="summary" title="ROI summary">
        <RoiSummary roi={roi} fmt={fmt} />
      </Section>

      <Section id="chart" title="Cumulative benefits and costs, with the next four quarters">
        <ChartAndTable roi={roi} fmt={fmt} />
      </Section>

      <Section id="what-if" title="What if a lead measure changed?">
        {leadMeasures.length === 0 ? (
          <p className="empty">No lead measures yet, so there is nothing to change.</p>
        ) : (
          <>
            <WhatIfControl leads={leadMeasures} leadId={whatIfLead ?? leadMeasures[0]!.id} percent={pct} />
            <WhatIfResult roi={roi} fmt={fmt} />
          </>
        )}
      </Section>

      <Section id="costs" title="Cost ledger">
        <CostLedger roi={roi} fmt={fmt} editable={canEdit} />
        {canEdit ? (
          <>
            <h3>Add a cost</h3>
            <CostForm programId={p.id} today={roi.today} />
          </>
        ) : null}
      </Section>

      <Section id="budget" title="Training budget helper">
        {roi.trainingBudget ? (
          <p>{roi.trainingBudget.text}</p>
        ) : (
          <p className="empty">Give the program an average salary (Edit program) to compare the costs with a budget of the inflation rate × salary per person.</p>
        )}
      </Section>

      <Section id="benefits" title="Benefit lines">
        <BenefitLines roi={roi} fmt={fmt} editable={canEdit} />
        {canEdit ? (
          <>
            <h3>Add a benefit line</h3>
            <BenefitForm programId={p.id} lagMeasures={lagMeasures} hasControlTeams={p.controls.length > 0} />
          </>
        ) : null}
      </Section>

      <Section id="intangibles" title="Intangible benefits (listed, never priced)">
        <RemovalArea>
          {roi.intangibles.length === 0 ? (
            <p className="empty">None listed yet.</p>
          ) : (
            <ul aria-label="Intangible benefits">
              {roi.intangibles.map((i) => (
                <li key={i.id}>
                  <strong>{i.name}</strong>
                  {i.note ? ` — ${i.note}` : ""} {canEdit ? <RemoveLineButton kind="intangible" id={i.id} label={i.name} /> : null}
                </li>
              ))}
            </ul>
          )}
        </RemovalArea>
        {canEdit ? <IntangibleForm programId={p.id} /> : null}
      </Section>

      {canEdit ? (
      <Section id="edit" title="Edit program">
        <details>
          <summary>Name, dates, salary and teams</summary>
          <ProgramForm
            teams={teams}
            values={{
              id: p.id,
              name: p.name,
              description: p.description,
              startDate: p.startDate,
              endDate: p.endDate ?? "",
              averageSalary: roi.trainingBudget ? String(roi.trainingBudget.averageSalary) : "",
              participantTeamIds: p.participants.map((t) => t.id),
              controlTeamIds: p.controls.map((t) => t.id),
            }}
          />
        </details>
      </Section>
      ) : null}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="card" aria-labelledby={`${id}-title`} id={id} style={{ marginBottom: "1.25rem" }}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function chartMonths(roi: ProgramRoi): RoiChartMonth[] {
  const whatIf = roi.whatIf?.available ? roi.whatIf.projection : null;
  return [
    ...roi.months.map((m) => ({ month: m.month, kind: "actual" as const, cumulativeCosts: m.cumulativeCosts, cumulativeBenefits: m.cumulativeBenefits, lo: null, hi: null, whatIf: null })),
    ...roi.projection.months.map((m, i) => ({
      month: m.month,
      kind: "projected" as const,
      cumulativeCosts: m.cumulativeCosts,
      cumulativeBenefits: m.cumulativeBenefits,
      lo: m.cumulativeLo,
      hi: m.cumulativeHi,
      whatIf: whatIf?.[i]?.cumulativeBenefits ?? null,
    })),
  ];
}

function ChartAndTable({ roi, fmt }: { roi: ProgramRoi; fmt: NumberFormats }) {
  const months = chartMonths(roi);
  const pr = roi.projection;
  const summary = `Fully-loaded costs ${fmt.money(roi.totals.costs)}, benefits so far ${fmt.money(roi.totals.benefits)}; projected ROI after four quarters ${fmt.percent(pr.roiPercent)} (80% band ${fmt.percent(pr.roiLo)} to ${fmt.percent(pr.roiHi)}).`;
  return (
    <>
      <p>{summary}</p>
      <RoiChart months={months} title={`${roi.program.name} — cumulative benefits and costs`} currency={roi.currency} locale={roi.locale} summary={summary} />
      <h3>Projection by quarter</h3>
      <p className="muted" style={{ fontSize: "0.9rem" }}>
        Each 80% band is the 10th to 90th percentile of {fmt.number(pr.draws, 0)} simulated paths: every line&apos;s isolated improvement drawn from its sampling
        distribution and a whole path of its lag from the model the lag&apos;s forecast chose, each month capped at that draw&apos;s improvement, then added up — a quarter&apos;s band is the band of the
        quarter&apos;s total, never a sum of monthly bounds.
      </p>
      <WideTable label="Projection by quarter">
        <table aria-label="Projection by quarter">
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col">Months</th>
              <th scope="col">Projected benefits</th>
              <th scope="col">80% band</th>
              <th scope="col">ROI to its end</th>
            </tr>
          </thead>
          <tbody>
            {pr.quarters.map((qt) => (
              <tr key={qt.label}>
                <th scope="row">{qt.label}</th>
                <td>
                  {fmt.month(qt.from)} – {fmt.month(qt.to)}
                </td>
                <td>{fmt.money(qt.benefits)}</td>
                <td>
                  {fmt.money(qt.lo)} – {fmt.money(qt.hi)}
                </td>
                <td>{fmt.percent(qt.cumulativeRoiPercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
      {pr.lines.length ? (
        <ul className="muted" style={{ fontSize: "0.9rem" }}>
          {pr.lines.map((l) => (
            <li key={l.id}>
              {l.name}: {l.note}
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary>Every month as a table</summary>
        <WideTable label="Cumulative benefits and costs by month">
          <table aria-label="Cumulative benefits and costs by month">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Actual or projected</th>
                <th scope="col">Cumulative costs</th>
                <th scope="col">Cumulative benefits</th>
                <th scope="col">80% band</th>
                {roi.whatIf?.available ? <th scope="col">With the what-if</th> : null}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <tr key={m.month}>
                  <th scope="row">{fmt.month(m.month)}</th>
                  <td>{m.kind}</td>
                  <td>{fmt.money(m.cumulativeCosts)}</td>
                  <td>{fmt.money(m.cumulativeBenefits)}</td>
                  <td>{m.lo == null || m.hi == null ? "—" : `${fmt.money(m.lo)} – ${fmt.money(m.hi)}`}</td>
                  {roi.whatIf?.available ? <td>{m.whatIf == null ? "—" : fmt.money(m.whatIf)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </WideTable>
      </details>
    </>
  );
}

function WhatIfResult({ roi, fmt }: { roi: ProgramRoi; fmt: NumberFormats }) {
  const w = roi.whatIf;
  if (!w) return <p className="muted">Move the slider to see how the projected lag measures and ROI would move.</p>;
  if (!w.available) {
    return (
      <p role="status" data-testid="what-if-result">
        The what-if is unavailable because the data shows no predictive lead → lag relationship. {w.reason}
      </p>
    );
  }
  const sign = w.changePercent > 0 ? "+" : "";
  return (
    <div role="status" data-testid="what-if-result">
      <p>
        With {w.leadMeasure.name} at {sign}
        {w.changePercent}%, the projected ROI after four quarters moves from {fmt.percent(w.baseRoiPercent)} to <strong>{fmt.percent(w.roiPercent)}</strong> (
        {signedMoney(w.monthlyBenefitChange, fmt)} of benefit a month; 95% range {signedMoney(w.monthlyBenefitChangeRange[0], fmt)} to{" "}
        {signedMoney(w.monthlyBenefitChangeRange[1], fmt)}, from the uncertainty of the fitted slope).
      </p>
      <ul>
        {w.lines.map((l) => (
          <li key={l.id}>
            {l.name}: {l.available ? `projected lag change ${fmt.number(l.lagChange, 3)} — ${l.formula}` : `unchanged: ${l.reason}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "+£120.00" or "−£40.00" */
const signedMoney = (x: number, fmt: NumberFormats) => `${x >= 0 ? "+" : "−"}${fmt.money(Math.abs(x))}`;

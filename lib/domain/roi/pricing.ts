// Money per month: a line's improvement priced by the benefit's kind (retention, revenue, cost
// saving, or a manual value), with the formula and its numbers.
import { customerLifetimeValue } from "./formulas";
import { formatMoney, formatNumber } from "../format";
import type { BenefitParameters } from "./types";

/** Value of one retained customer per month: given directly, or CLV ÷ 12 from the CLV inputs. */
export function valuePerCustomerMonth(p: Extract<BenefitParameters, { kind: "RETENTION" }>): { value: number; text: string } | null {
  if (p.valuePerCustomer != null) return { value: p.valuePerCustomer, text: "" };
  if (p.clvMargin == null || p.clvRetention == null) return null;
  const clv = customerLifetimeValue({ margin: p.clvMargin, retention: p.clvRetention, discountRate: p.clvDiscountRate ?? 0, acquisitionCost: p.clvAcquisitionCost ?? 0 });
  return { value: Math.max(0, clv) / 12, text: `CLV ${p.clvMargin} × ${p.clvRetention}/(1 + ${p.clvDiscountRate ?? 0} − ${p.clvRetention}) − ${p.clvAcquisitionCost ?? 0} = ${clv.toFixed(2)}; ÷ 12` };
}

/** Money per month for an improvement (measure units, good direction), with its formula. */
export function monthlyMoney(params: BenefitParameters, improvement: number, unit: string, fmt: { locale: string; currency: string }): { value: number; formula: string } {
  const money = (v: number) => formatMoney(v, fmt.locale, fmt.currency, 2);
  const num = (v: number, d = 2) => formatNumber(v, fmt.locale, d);
  const per = (v: number) => `${money(v)} / month`;
  switch (params.kind) {
    case "RETENTION": {
      const vpc = valuePerCustomerMonth(params);
      if (!vpc) return { value: 0, formula: "No value per customer or CLV inputs: nothing is priced." };
      const value = (params.customerBase * improvement * vpc.value) / 100;
      const clv = vpc.text ? ` (${vpc.text})` : "";
      return { value, formula: `${num(params.customerBase, 0)} customers × ${num(improvement)} pts ÷ 100 × ${money(vpc.value)}${clv} = ${per(value)}` };
    }
    case "REVENUE":
      return { value: improvement, formula: `revenue up ${money(improvement)} per period = ${per(improvement)}` };
    case "COST_SAVING": {
      const value = improvement * params.volumePerMonth * params.costPerUnit;
      return { value, formula: `${num(improvement)} ${unit || "units"} saved × ${num(params.volumePerMonth, 0)} per month × ${money(params.costPerUnit)} = ${per(value)}` };
    }
    case "MANUAL":
      return { value: params.monthlyValue, formula: `manual value ${per(params.monthlyValue)}` };
  }
}

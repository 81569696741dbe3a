// The training budget helper: the per-person budget of the seed article (inflation rate × average
// salary) for the program's headcount, against its planned costs.
import { trainingBudgetPerPerson } from "./formulas";
import { formatMoney, formatNumber } from "../format";

export type TrainingBudget = { inflationRate: number; averageSalary: number; perPerson: number; headcount: number; total: number; plannedCosts: number; difference: number; text: string };

/** The seed article's per-person budget (inflation rate × salary) for the headcount, against the costs. */
export function trainingBudget(p: { inflationRate: number; averageSalary: number | null; headcount: number; plannedCosts: number; locale: string; currency: string }): TrainingBudget | null {
  if (p.averageSalary == null) return null;
  const perPerson = trainingBudgetPerPerson(p.inflationRate, p.averageSalary);
  const total = perPerson * p.headcount;
  const m = (v: number) => formatMoney(v, p.locale, p.currency, 2);
  const difference = total - p.plannedCosts;
  const text = `${formatNumber(p.inflationRate * 100, p.locale, 2)}% × ${m(p.averageSalary)} = ${m(perPerson)} per person × ${p.headcount} = ${m(total)}; planned costs ${m(p.plannedCosts)} (${difference >= 0 ? `${m(difference)} under` : `${m(-difference)} over`} budget)`;
  return { inflationRate: p.inflationRate, averageSalary: p.averageSalary, perPerson, headcount: p.headcount, total, plannedCosts: p.plannedCosts, difference, text };
}

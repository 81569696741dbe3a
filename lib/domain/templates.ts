// Starting points for new measures, from the source articles (shared/DOMAIN.md). Picking one
// fills the form; every field stays editable.
export type LeadTemplate = { name: string; description: string; unit: string; aggregation: "COUNT" | "SUM"; personWeeklyTarget: number };
export type LagTemplate = {
  name: string;
  description: string;
  kind: "PERCENTAGE" | "SCORE" | "CURRENCY" | "COUNT" | "DURATION";
  unit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  cadence: "WEEKLY" | "MONTHLY" | "QUARTERLY";
};

export const LEAD_TEMPLATES: LeadTemplate[] = [
  { name: "Coaching conversations", description: "One-to-one coaching on a real customer interaction.", unit: "conversations", aggregation: "COUNT", personWeeklyTarget: 2 },
  { name: "Recognitions given", description: "Specific praise or a reward for great service, given to a colleague.", unit: "recognitions", aggregation: "COUNT", personWeeklyTarget: 2 },
  { name: "Service moments discussed", description: "A service moment shared and discussed in a team meeting.", unit: "moments", aggregation: "COUNT", personWeeklyTarget: 1 },
  { name: "Customer stories and complaints shared", description: "A customer success story or complaint shared with the team, with what we learned.", unit: "stories", aggregation: "COUNT", personWeeklyTarget: 1 },
  { name: "Training hours", description: "Time spent in service training or practice.", unit: "hours", aggregation: "SUM", personWeeklyTarget: 1.5 },
  { name: "Follow-up calls", description: "Proactive calls to customers after a resolved issue.", unit: "calls", aggregation: "COUNT", personWeeklyTarget: 5 },
];

export const LAG_TEMPLATES: LagTemplate[] = [
  { name: "Customer satisfaction (CSAT)", description: "Share of surveyed customers who are satisfied.", kind: "PERCENTAGE", unit: "%", direction: "HIGHER_IS_BETTER", cadence: "WEEKLY" },
  { name: "Net Promoter Score (NPS)", description: "Promoters minus detractors.", kind: "SCORE", unit: "points", direction: "HIGHER_IS_BETTER", cadence: "MONTHLY" },
  { name: "Customer retention", description: "Share of customers kept over the period.", kind: "PERCENTAGE", unit: "%", direction: "HIGHER_IS_BETTER", cadence: "MONTHLY" },
  { name: "Customer churn", description: "Share of customers lost over the period.", kind: "PERCENTAGE", unit: "%", direction: "LOWER_IS_BETTER", cadence: "MONTHLY" },
  { name: "Customer effort score", description: "How hard customers say it was to get help (lower is easier).", kind: "SCORE", unit: "points", direction: "LOWER_IS_BETTER", cadence: "MONTHLY" },
  { name: "First-contact resolution", description: "Share of issues resolved on the first contact.", kind: "PERCENTAGE", unit: "%", direction: "HIGHER_IS_BETTER", cadence: "WEEKLY" },
  { name: "Average resolution time", description: "Time from first contact to resolution.", kind: "DURATION", unit: "hours", direction: "LOWER_IS_BETTER", cadence: "WEEKLY" },
  { name: "Average handling time", description: "Time an agent spends on one contact.", kind: "DURATION", unit: "minutes", direction: "LOWER_IS_BETTER", cadence: "WEEKLY" },
  { name: "Revenue", description: "Revenue in the period.", kind: "CURRENCY", unit: "USD", direction: "HIGHER_IS_BETTER", cadence: "MONTHLY" },
  { name: "Customer lifetime value", description: "Margin × retention multiple − acquisition cost.", kind: "CURRENCY", unit: "USD", direction: "HIGHER_IS_BETTER", cadence: "QUARTERLY" },
  { name: "Employee engagement", description: "Engagement survey score.", kind: "SCORE", unit: "points", direction: "HIGHER_IS_BETTER", cadence: "QUARTERLY" },
];

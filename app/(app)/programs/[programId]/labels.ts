// Labels shared by the benefit form (client) and the benefit list (server). A plain module: values
// imported from a "use client" file would reach server components as client references.
export const BENEFIT_KIND_LABEL = {
  RETENTION: "Retention (customers kept × value)",
  REVENUE: "Revenue-type measure (change × margin)",
  COST_SAVING: "Cost saving (fewer contacts, shorter handling)",
  MANUAL: "Manual value with evidence",
} as const;

export const ISOLATION_LABEL = {
  CONSERVATIVE: "Conservative: the smallest credible value of all methods",
  CONTROL_GROUP: "Control group (difference-in-differences)",
  TREND_LINE: "Trend line (pre-program trend as the counterfactual)",
  ESTIMATE: "Estimate by participants or managers × their confidence",
} as const;

// The choices and limits forms show in the browser (select options, maxLength, hints), without
// zod: a client component importing them from the schema modules would ship zod with its page
// (~30 kB gzipped; issue #12). The schemas import them from here and re-export them.

export const MIN_PASSWORD_LENGTH = 12;

export const MAX_COMMITMENT_LENGTH = 280;

/** Days a week may start on: Monday (ISO), Sunday (North America), Saturday (much of the Middle East). */
export const WEEK_START_CHOICES = [
  { value: 1, label: "Monday" },
  { value: 0, label: "Sunday" },
  { value: 6, label: "Saturday" },
] as const;

export const LOCALE_CHOICES = [
  { value: "en-US", label: "English (United States)" },
  { value: "en-GB", label: "English (United Kingdom)" },
  { value: "en-AU", label: "English (Australia)" },
  { value: "en-CA", label: "English (Canada)" },
  { value: "en-IN", label: "English (India)" },
  { value: "de-DE", label: "Deutsch (Deutschland)" },
  { value: "fr-FR", label: "Français (France)" },
  { value: "es-ES", label: "Español (España)" },
  { value: "es-MX", label: "Español (México)" },
  { value: "it-IT", label: "Italiano (Italia)" },
  { value: "nl-NL", label: "Nederlands (Nederland)" },
  { value: "pt-BR", label: "Português (Brasil)" },
  { value: "sv-SE", label: "Svenska (Sverige)" },
  { value: "pl-PL", label: "Polski (Polska)" },
  { value: "ja-JP", label: "日本語 (日本)" },
] as const;

export const COST_CATEGORIES = [
  "NEEDS_ASSESSMENT",
  "DESIGN_DEVELOPMENT",
  "DELIVERY",
  "PARTICIPANT_TIME",
  "TECHNOLOGY",
  "SUPPORT",
  "OVERHEAD",
  "EVALUATION",
] as const;

export const COST_CATEGORY_LABEL: Record<(typeof COST_CATEGORIES)[number], string> = {
  NEEDS_ASSESSMENT: "Needs assessment",
  DESIGN_DEVELOPMENT: "Design and development",
  DELIVERY: "Delivery and facilitation",
  PARTICIPANT_TIME: "Participants' time",
  TECHNOLOGY: "Technology and licences",
  SUPPORT: "Support (coaching, recognition budget)",
  OVERHEAD: "Overhead",
  EVALUATION: "Evaluation",
};

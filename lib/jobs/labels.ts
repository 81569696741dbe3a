// What each background job is, in words, for Settings → Jobs; a job not named here shows its
// queue's name. A new job adds its line.
const LABELS: Record<string, string> = {
  "report-export": "Report export",
};

export const jobLabel = (name: string): string => LABELS[name] ?? name;

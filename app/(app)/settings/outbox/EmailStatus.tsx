import type { OutboxEmailItem } from "@/lib/views/outbox";

const LOOK = {
  SENT: { className: "green", label: "Sent" },
  FAILED: { className: "red", label: "Failed" },
  STORED: { className: "none", label: "Stored only" },
} as const;

/** Sent, failed (with the mail server's answer) or only stored (no SMTP server). */
export function EmailStatus({ status, error }: Pick<OutboxEmailItem, "status" | "error">) {
  const look = LOOK[status];
  return (
    <>
      <span className={`badge ${look.className}`}>{look.label}</span>
      {error ? <span className="field-error" style={{ display: "block", overflowWrap: "anywhere" }}>{error}</span> : null}
    </>
  );
}

// The mail the app sends during the browser tests. scripts/e2e-server.ts runs a real SMTP server
// beside the app (SMTP_URL points at it) and writes every message it receives as a JSON file into
// `<data dir>/mail/`; specs read them here:
//
//   const mail = await waitForEmail(USERS.member.email, { subject: /invited you/ });
//   await page.goto(linkIn(mail, /\/invitations\//));
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Received } from "../tests/helpers/smtpServer";

export type { Received as Email };

/** The e2e server's data directory: `.data/e2e`, or `.data/e2e-<E2E_NAME>` for a named run. */
export function e2eDataDir(name = process.env.E2E_NAME): string {
  const folder = name ? `e2e-${name.replace(/[^a-z0-9-]/gi, "")}` : "e2e";
  return fileURLToPath(new URL(`../.data/${folder}`, import.meta.url));
}

/** Where the e2e server's SMTP server drops each message it receives. */
export function mailDir(dataDir = e2eDataDir()): string {
  return path.join(dataDir, "mail");
}

export type WaitForEmailOptions = {
  subject?: RegExp;
  /** How long to wait for it to arrive; 15 s by default. */
  timeoutMs?: number;
  /** Only mail received at or after this instant (e.g. a second reset link). */
  since?: Date;
};

/** Every message received so far, oldest first. */
export function receivedEmails(dir = mailDir()): Received[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  // File names start with the time received and a sequence number, so their order is arrival order.
  return files.sort().map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Received);
}

/** The first email to `to` (matching `subject`) the app has sent, waiting for it to arrive. */
export async function waitForEmail(to: string, opts: WaitForEmailOptions = {}): Promise<Received> {
  const want = to.trim().toLowerCase();
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  for (;;) {
    const all = receivedEmails();
    const found = all.find(
      (m) => m.to === want && (!opts.subject || opts.subject.test(m.subject)) && (!opts.since || Date.parse(m.receivedAt) >= opts.since.getTime()),
    );
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = all.map((m) => `${m.to}: ${m.subject}`).join("; ") || "none";
      throw new Error(`No email to ${to}${opts.subject ? ` with a subject matching ${opts.subject}` : ""} arrived (received: ${seen}).`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The first link in the email's text that matches `pattern`. */
export function linkIn(message: Pick<Received, "links" | "subject">, pattern: RegExp): string {
  const link = message.links.find((l) => pattern.test(l));
  if (!link) throw new Error(`No link matching ${pattern} in "${message.subject}" (links: ${message.links.join(", ") || "none"}).`);
  return link;
}

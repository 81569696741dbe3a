// A real SMTP server for tests: the `smtp-server` package on 127.0.0.1 (a random free port, no
// TLS, no authentication needed), every message parsed by `mailparser`. The integration tests
// start one in their own process and pass its url to the services as `{ smtpUrl }`; the e2e
// server (scripts/e2e-server.ts) starts one beside the app and writes each message to a folder
// that e2e/mailbox.ts reads. `{ reject: true }` answers every message with 550, so the path where
// the mail server refuses is tested for real.
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message as it arrived. */
export type Received = {
  /** The From header, e.g. `Leadlag <no-reply@leadlag.local>`. */
  from: string;
  /** The recipient, lower-cased (the envelope's first RCPT TO). */
  to: string;
  subject: string;
  text: string;
  /** The HTML part, "" when there is none. */
  html: string;
  /** Every http(s) URL in the plain text, in order. */
  links: string[];
  /** ISO 8601. */
  receivedAt: string;
  /** Every header as sent, by lower-case name (the last one of a repeated name). */
  headers: Record<string, string>;
};

export type TestSmtpServer = {
  /** smtp://127.0.0.1:PORT, for `SMTP_URL` or `sendEmail(…, { smtpUrl })`. */
  url: string;
  port: number;
  /** Everything received so far, oldest first. */
  messages: Received[];
  /** The first message (already received or still to come) to `to`, whose subject matches. */
  waitFor(to: string, opts?: WaitOptions): Promise<Received>;
  close(): Promise<void>;
};

export type WaitOptions = { subject?: RegExp; timeoutMs?: number };

export type SmtpServerOptions = {
  /** Refuse every message with "550 Mailbox unavailable". */
  reject?: boolean;
  /** Called with each message once parsed (the e2e server writes it to disk). */
  onMessage?: (message: Received) => void | Promise<void>;
  /** Defaults to 0: a free port. */
  port?: number;
};

/** The http(s) URLs of a plain-text body, without the punctuation that ends a sentence. */
export function linksOf(text: string): string[] {
  return (text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? []).map((u) => u.replace(/[.,;:!?]+$/, ""));
}

/** Whether `m` is the message `to` and `opts.subject` ask for. */
export function matches(m: Received, to: string, opts: WaitOptions = {}): boolean {
  return m.to === to.trim().toLowerCase() && (!opts.subject || opts.subject.test(m.subject));
}

function addressText(a: AddressObject | AddressObject[] | undefined): string {
  if (!a) return "";
  // `Name <address>` as people write it (mailparser's own text quotes the name).
  return (Array.isArray(a) ? a : [a])
    .flatMap((x) => x.value)
    .map((v) => (v.name ? `${v.name} <${v.address ?? ""}>` : (v.address ?? "")))
    .join(", ");
}

export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: Received[] = [];
  const waiters = new Set<(m: Received) => void>();
  const server = new SMTPServer({
    authOptional: true,
    // Plain text on the loopback: nodemailer would otherwise upgrade with STARTTLS and need a certificate.
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!options.reject) return callback();
      callback(Object.assign(new Error("Mailbox unavailable (the test server refuses every message)"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          const text = parsed.text ?? "";
          const rcpt = session.envelope.rcptTo[0]?.address ?? addressText(parsed.to);
          const message: Received = {
            from: addressText(parsed.from),
            to: rcpt.toLowerCase(),
            subject: parsed.subject ?? "",
            text,
            html: typeof parsed.html === "string" ? parsed.html : "",
            links: linksOf(text),
            receivedAt: new Date().toISOString(),
            headers: Object.fromEntries(parsed.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim()])),
          };
          messages.push(message);
          await options.onMessage?.(message);
          for (const w of waiters) w(message);
          callback();
        })
        .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
    },
  });
  server.on("error", (err) => console.error(`[test smtp] ${err.message}`));

  const port = await new Promise<number>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const addr = server.server.address();
      resolve(typeof addr === "object" && addr ? addr.port : 0);
    });
  });

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(to, opts = {}) {
      const already = messages.find((m) => matches(m, to, opts));
      if (already) return Promise.resolve(already);
      const timeoutMs = opts.timeoutMs ?? 10_000;
      return new Promise<Received>((resolve, reject) => {
        const waiter = (m: Received) => {
          if (!matches(m, to, opts)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(m);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = messages.map((m) => `${m.to}: ${m.subject}`).join("; ") || "none";
          reject(new Error(`No email to ${to}${opts.subject ? ` with a subject matching ${opts.subject}` : ""} within ${timeoutMs} ms (received: ${seen})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

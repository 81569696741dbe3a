// COPY … FROM STDIN through the pg driver, without another dependency: pg runs any object with
// a `submit` method as a query and calls it back with the protocol's messages, which is all
// pg-copy-streams does too. The rows go as COPY's text format, in 64 kB messages.
import type pg from "pg";

type Connection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
};

class CopyFrom {
  private settle!: { resolve: (n: number) => void; reject: (e: unknown) => void };
  readonly done = new Promise<number>((resolve, reject) => (this.settle = { resolve, reject }));
  private error: unknown = null;
  private rows = 0;
  constructor(
    private readonly text: string,
    private readonly chunks: Buffer[],
  ) {}
  submit(connection: Connection) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: Connection) {
    for (const c of this.chunks) connection.sendCopyFromChunk(c);
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }) {
    this.rows = Number(/COPY (\d+)/.exec(msg.text ?? "")?.[1] ?? 0);
  }
  handleError(err: unknown) {
    this.error = err;
  }
  handleReadyForQuery() {
    if (this.error) this.settle.reject(this.error);
    else this.settle.resolve(this.rows);
  }
  // Messages a COPY FROM does not get.
  handleRowDescription() {}
  handleDataRow() {}
  handlePortalSuspended() {}
  handleEmptyQuery() {}
  handleCopyData() {}
}

/** One value in COPY's text format. */
function field(v: string | number | null): string {
  if (v === null) return "\\N";
  return String(v).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/** The rows as COPY text, in chunks of about 64 kB. */
export function copyText(rows: (string | number | null)[][]): Buffer[] {
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  let size = 0;
  for (const r of rows) {
    const line = r.map(field).join("\t") + "\n";
    lines.push(line);
    size += line.length;
    if (size >= 65_536) {
      chunks.push(Buffer.from(lines.join("")));
      lines = [];
      size = 0;
    }
  }
  if (lines.length) chunks.push(Buffer.from(lines.join("")));
  return chunks;
}

/** Runs `COPY table (columns) FROM STDIN` with the prepared chunks; resolves with the rows copied. */
export function copyFrom(client: pg.Client, table: string, columns: string[], chunks: Buffer[]): Promise<number> {
  const q = new CopyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`, chunks);
  void client.query(q as unknown as pg.QueryConfig);
  return q.done;
}

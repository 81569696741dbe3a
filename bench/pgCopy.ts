// COPY … FROM STDIN through node-postgres, for the benchmarks' baselines: how fast PostgreSQL
// itself takes rows into a table, the yardstick an import is measured against. The whole text is
// in memory already, so it is sent in one go once the server asks for it (no stream needed).
import type pg from "pg";

/** The part of node-postgres's connection a submittable query drives (as pg-copy-streams does). */
type Connection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };

/** Runs `COPY … FROM STDIN` (text format) with `data` as its input; resolves with the rows copied. */
export function copyFrom(client: pg.ClientBase, sql: string, data: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    const submittable = {
      submit(connection: Connection) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: Connection) {
        const bytes = Buffer.from(data);
        // Messages of at most 1 MB, as psql sends them.
        for (let at = 0; at < bytes.length; at += 1 << 20) connection.sendCopyFromChunk(bytes.subarray(at, at + (1 << 20)));
        connection.endCopyFrom();
      },
      handleCommandComplete(msg: { text?: string }) {
        rows = Number(/^COPY (\d+)/.exec(msg.text ?? "")?.[1] ?? 0);
      },
      handleReadyForQuery() {
        resolve(rows);
      },
      handleError(err: Error) {
        reject(err);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handleCopyData() {},
      handlePortalSuspended() {},
    };
    (client as unknown as { query(q: unknown): void }).query(submittable);
  });
}

/** A value in COPY's text format. */
export function copyText(value: string | number | null): string {
  if (value === null) return "\\N";
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!);
}

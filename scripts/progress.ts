// Start-up's progress lines: a line as each step begins, with the seconds since the process
// started, and while a step goes on, a line every few seconds saying what it is at — so a first
// run, which creates the database, migrates, seeds and builds for a minute or more, never sits
// silent. The embedded database runs in WebAssembly on this thread and holds it for up to a
// minute at a time on a busy machine (creating its files, a large insert), so those lines come
// from a worker thread that writes to stdout itself.
import { Worker } from "node:worker_threads";

export type Progress = {
  /** A new step: printed at once. */
  step(text: string): void;
  /** Where the current step has got to: printed when nothing was said for a while. */
  update(text: string): void;
  /** Seconds since the process started, as printed ("12.3 s"). */
  elapsed(): string;
  stop(): void;
};

/** The worker: prints the current step when nothing was printed for `everyMs`. Plain JS (eval). */
const TICKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { writeSync } = require("node:fs");
let current;
let lastPrint = Date.now();
parentPort.on("message", (m) => {
  current = m.current;
  if (m.printedAt) lastPrint = m.printedAt;
});
setInterval(() => {
  if (!current || Date.now() - lastPrint < workerData.everyMs) return;
  lastPrint = Date.now();
  writeSync(1, "  … " + current + " (" + ((lastPrint - workerData.origin) / 1000).toFixed(1) + " s)\\n");
}, Math.min(500, workerData.everyMs));
`;

export function progressLines(opts: { everyMs?: number } = {}): Progress {
  const everyMs = opts.everyMs ?? 5_000;
  const origin = performance.timeOrigin;
  const ticker = new Worker(TICKER, { eval: true, workerData: { everyMs, origin } });
  ticker.unref();
  const elapsed = () => `${((Date.now() - origin) / 1000).toFixed(1)} s`;
  return {
    step(text) {
      console.log(`▸ ${text} (${elapsed()})`);
      ticker.postMessage({ current: text, printedAt: Date.now() });
    },
    update(text) {
      ticker.postMessage({ current: text });
    },
    elapsed,
    stop() {
      void ticker.terminate();
    },
  };
}

// How many report exports this server process works on at once. An export holds a few hundred
// megabytes and keeps a core busy for seconds; run without a limit, a handful of them starve
// every other request. Beyond the limit exports wait their turn in order (first come, first
// served), off the request path: the request that started one has long been answered.
//
// This is the seam a job queue (pg-boss, a later issue) replaces: the export asks for a slot,
// works, and gives the slot back; nothing else in the export knows how work is scheduled.
import { env } from "@/lib/env";

export type Release = () => void;

export class ExportSlots {
  private running = 0;
  private readonly queue: ((release: Release) => void)[] = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`ExportSlots needs at least one slot, not ${size}.`);
  }

  /** Exports working now. */
  get busy(): number {
    return this.running;
  }

  /** Exports waiting for a slot. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Would an export asking now start at once (a slot is free and nobody waits before it)? */
  hasFree(): boolean {
    return this.running < this.size && this.queue.length === 0;
  }

  /** Resolves with the slot's release once one is free: at once, or after everyone who asked before. */
  acquire(): Promise<Release> {
    if (this.hasFree()) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  /** `work` in a slot; the slot is given back however the work ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      // The slot passes straight to the next in line, so nobody can overtake the queue.
      if (next) next(this.releaser());
      else this.running--;
    };
  }
}

const globalForSlots = globalThis as unknown as { leadlagExportSlots?: ExportSlots };

/** This process's slots (LEADLAG_EXPORTS_PER_SERVER), one set per process even across reloads. */
export function serverExportSlots(): ExportSlots {
  globalForSlots.leadlagExportSlots ??= new ExportSlots(env().LEADLAG_EXPORTS_PER_SERVER);
  return globalForSlots.leadlagExportSlots;
}

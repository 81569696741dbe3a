// The browser side of a report export: start it (POST /api/v1/reports), then follow it
// (GET /api/v1/report-exports/<id>) until it has succeeded or failed.
import type { ExportState } from "@/lib/services/reportExports";

export type { ExportState };

export type ExportRequest = { scope: "organization" | "program"; programId?: string; quarter: string };

/** A refusal as the API words it, with the messages by field when the request was invalid. */
export class ExportFailed extends Error {
  constructor(
    message: string,
    public readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

type ErrorBody = { error?: { message?: string; details?: { fieldErrors?: Record<string, string[]> } } };

async function failure(res: Response): Promise<ExportFailed> {
  const body = (await res.json().catch(() => ({}))) as ErrorBody;
  return new ExportFailed(body.error?.message ?? `The server answered ${res.status}.`, body.error?.details?.fieldErrors ?? {});
}

async function stateOf(res: Response): Promise<ExportState> {
  if (!res.ok) throw await failure(res);
  return (await res.json()) as ExportState;
}

export async function startExport(input: ExportRequest, signal?: AbortSignal): Promise<ExportState> {
  return stateOf(await fetch("/api/v1/reports", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input), signal }));
}

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** Polls every `intervalMs` and reports each state, until the export is no longer running. */
export async function followExport(first: ExportState, onState: (s: ExportState) => void, signal?: AbortSignal, intervalMs = 400): Promise<ExportState> {
  let state = first;
  while (state.status === "running") {
    await wait(intervalMs, signal);
    state = await stateOf(await fetch(`/api/v1/report-exports/${state.id}`, { cache: "no-store", signal }));
    onState(state);
  }
  return state;
}

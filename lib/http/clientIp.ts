// The address a request came from, for the rate limits (lib/auth/rateLimits.ts).
//
// X-Forwarded-For is whatever the client wrote unless a proxy of ours rewrote it, so it is read
// only when LEADLAG_TRUST_PROXY says every request comes through such a proxy; then the
// address that proxy appended — the list's last — is the client's (earlier entries are the
// client's own claims). Otherwise the socket's address: the production server (scripts/server.ts)
// writes it into PEER_ADDRESS_HEADER on every request, replacing anything a client sent under
// that name. Without either (`next dev`), every request counts as one "unknown" address: the
// per-address limits then act as one limit for the whole server, which fails safe.
import { env } from "@/lib/env";

/** Set by scripts/server.ts from the TCP socket; a client's own value is overwritten. */
export const PEER_ADDRESS_HEADER = "x-leadlag-peer-address";

export const UNKNOWN_ADDRESS = "unknown";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(source: HeaderSource, name: string): string | undefined {
  if (source instanceof Headers) return source.get(name) ?? undefined;
  const v = source[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; trimmed and lower-cased. */
export function normalizeAddress(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith("::ffff:") && a.includes(".") ? a.slice("::ffff:".length) : a;
}

/** The client's address from a request's headers (a fetch Request's, or next-auth's plain object). */
export function clientIp(source: HeaderSource, trustProxy: boolean = env().LEADLAG_TRUST_PROXY): string {
  if (trustProxy) {
    const forwarded = header(source, "x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean);
    const last = forwarded?.at(-1);
    if (last) return normalizeAddress(last);
  }
  const peer = header(source, PEER_ADDRESS_HEADER);
  return peer ? normalizeAddress(peer) : UNKNOWN_ADDRESS;
}

/** The address of the request a server action or a page is answering. (next/headers is loaded
 *  here, not at the top: scripts/server.ts imports this file before Next is loaded.) */
export async function requestClientIp(): Promise<string> {
  const { headers } = await import("next/headers");
  return clientIp(await headers());
}

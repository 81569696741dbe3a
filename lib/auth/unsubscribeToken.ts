import "server-only";
// The one-click unsubscribe link in every reminder and digest email: it names the organization,
// the person and the kind, signed (HMAC-SHA256 with a key derived from the auth secret) so it
// needs no sign-in and cannot be forged for someone else. It does not expire: an old email's
// link still stops the emails (RFC 8058 expects the link to keep working).
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/domain/notifications/schedule";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/schemas/ids";
import { resolveAuthSecret } from "./secret";

export type Unsubscribe = { organizationId: string; userId: string; kind: NotificationKind };

function mac(payload: string, secret: string): Buffer {
  const key = Buffer.from(hkdfSync("sha256", secret, "leadlag-unsubscribe", "leadlag:unsubscribe", 32));
  return createHmac("sha256", key).update(payload).digest().subarray(0, 24);
}

export function unsubscribeToken(u: Unsubscribe, secret = resolveAuthSecret(env())): string {
  const payload = Buffer.from(`${u.organizationId}.${u.userId}.${u.kind}`).toString("base64url");
  return `${payload}.${mac(payload, secret).toString("base64url")}`;
}

/** What a token unsubscribes, or null when it was altered or is not one. */
export function readUnsubscribeToken(token: string, secret = resolveAuthSecret(env())): Unsubscribe | null {
  if (typeof token !== "string" || token.length > 300) return null;
  const [payload, sig, extra] = token.split(".");
  if (!payload || !sig || extra !== undefined) return null;
  const given = Buffer.from(sig, "base64url");
  const expected = mac(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const [organizationId, userId, kind, more] = Buffer.from(payload, "base64url").toString("utf8").split(".");
  if (more !== undefined || !organizationId || !userId || !isUuid(organizationId) || !isUuid(userId)) return null;
  if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind ?? "")) return null;
  return { organizationId, userId, kind: kind as NotificationKind };
}

// Page cursors. A cursor names the last row of a page by its sort key, so the next page starts
// right after it: no row is skipped or shown twice while others are written, and a deep page
// costs what the first does. Clients see an opaque string (the key's parts joined by "|", in
// base64url); one that does not decode to a well-formed key is not one we issued.
import { isIsoDate, type IsoDate } from "@/lib/domain/calendar/weeks";
import { isUuid } from "@/lib/schemas/ids";

function encode(parts: readonly string[]): string {
  return Buffer.from(parts.join("|")).toString("base64url");
}

/** The cursor's parts, or null unless there are exactly `count` of them, none empty. */
function decode(cursor: string, count: number): string[] | null {
  const parts = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  return parts.length === count && parts.every((p) => p !== "") ? parts : null;
}

/** A row's place in an oldest-first listing by (date, id): the REST API's lead entries. */
export type DateIdCursor = { date: IsoDate; id: string };

export function encodeDateIdCursor(c: DateIdCursor): string {
  return encode([c.date, c.id]);
}

/** The position a cursor points after, or null when it is not one of ours. */
export function decodeDateIdCursor(cursor: string): DateIdCursor | null {
  const [date, id] = decode(cursor, 2) ?? [];
  return date && isIsoDate(date) && isUuid(id) ? { date, id } : null;
}

/** A row's place in a newest-first listing by (date, createdAt, id): the drill-downs' entries and observations. */
export type KeysetCursor = { date: IsoDate; createdAt: string; id: string };

export function encodeKeysetCursor(c: KeysetCursor): string {
  return encode([c.date, c.createdAt, c.id]);
}

/** The position a cursor points after, or null when there is none or it is not one of ours (then: first page). */
export function decodeKeysetCursor(cursor: string | undefined): KeysetCursor | null {
  const [date, createdAt, id] = (cursor && decode(cursor, 3)) || [];
  if (!date || !isIsoDate(date) || !createdAt || Number.isNaN(Date.parse(createdAt)) || !isUuid(id)) return null;
  return { date, createdAt, id };
}

/** A row's place in a newest-first listing by (createdAt, id): the REST API's invitations. */
export type InstantIdCursor = { createdAt: Date; id: string };

export function encodeInstantIdCursor(c: InstantIdCursor): string {
  return encode([c.createdAt.toISOString(), c.id]);
}

/** The position a cursor points after, or null when it is not one of ours. */
export function decodeInstantIdCursor(cursor: string): InstantIdCursor | null {
  const [createdAt, id] = decode(cursor, 2) ?? [];
  const at = createdAt ? new Date(createdAt) : null;
  return at && !Number.isNaN(at.getTime()) && isUuid(id) ? { createdAt: at, id } : null;
}

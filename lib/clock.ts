// "Now" for the app's calendar: which day it is, which week is open, which quarter a report
// covers. The real time, unless LEADLAG_CLOCK fixes it to one instant (for tests: the browser
// suite runs every spec on the same Wednesday, whatever the date). Timestamps of what really
// happened (createdAt, a token's last use, a revocation) keep the real time.
import { env } from "./env";

export function now(): Date {
  const fixed = env().LEADLAG_CLOCK;
  return fixed ? new Date(fixed.getTime()) : new Date();
}

/**
 * A sign-in lock (lib/auth/rateLimits.ts) comes back as next-auth's `error` (the message the
 * server threw): the form and the page show it as it is. Any other error text is not shown: it
 * could be anything the server threw.
 */
export function isLockMessage(error: unknown): error is string {
  return typeof error === "string" && /^Too many sign-in attempts\. Try again in \d+ minutes?\.$/.test(error);
}

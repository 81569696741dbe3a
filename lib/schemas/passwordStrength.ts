// The server's password rule: at least 12 characters and not among the passwords seen most often
// in breaches. Server-only in practice (the list is large); the browser checks the length.
import { dictionary } from "@zxcvbn-ts/language-common";
import { MIN_PASSWORD_LENGTH, newPasswordSchema } from "./auth";

/** ~49,000 passwords seen most often in breaches (zxcvbn's list). */
const COMMON = new Set<string>((dictionary as Record<string, string[]>)["passwords-common"]);

/** Why a password is too easy to guess, or null. `avoid`: the person's name, email, organization. */
export function passwordProblem(password: string, avoid: readonly string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2) return "Use more than one or two different characters.";
  // "password1234", "qwerty!!2024": a common password with digits or symbols around it.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, "");
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core))) return "This password is one of the most common: choose another.";
  for (const word of avoid) {
    const w = word.trim().toLowerCase().split("@")[0]!;
    if (w.length >= 4 && lower.includes(w)) return "Don't use your name, email or organization in your password.";
  }
  return null;
}

/** A new password as the server accepts it (sign-up, reset, change, invitation): long enough, not common. */
export const strongPasswordSchema = newPasswordSchema.superRefine((v, ctx) => {
  if (v.length < MIN_PASSWORD_LENGTH) return; // said once, by newPasswordSchema
  const problem = passwordProblem(v);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});


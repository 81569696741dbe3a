// Inputs of signing in, signing up, choosing a password and accepting an invitation: one set of
// rules for the browser and the server.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "./formChoices";
import { text } from "./text";

// Zod-free, so client forms can import them without zod (./formChoices).
export { MIN_PASSWORD_LENGTH };

/** Lower-cased and trimmed: emails are stored and compared this way. */
export const emailSchema = text({ error: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Enter an email address such as ana@example.com."));

export const personNameSchema = text({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(120, "A name has at most 120 characters.");

/** A new password as the browser checks it: its length. The server also refuses common ones
 *  (strongPasswordSchema in ./passwordStrength.ts, kept apart so its 49,000-word list stays off
 *  the browser's bundle). */
export const newPasswordSchema = text({ error: "Choose a password." })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(200, "A password has at most 200 characters.");

export const credentialsSchema = z.object({
  email: emailSchema,
  password: text().min(1, "Enter your password.").max(200, "A password has at most 200 characters."),
});

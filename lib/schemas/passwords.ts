// The forms of the forgot-password flow and of changing a password on /account. Client-safe
// (length rules only): the server also refuses common passwords and ones made of the person's
// name or email (passwordProblem in ./passwordStrength.ts).
import { z } from "zod";
import { emailSchema, newPasswordSchema } from "./auth";
import { text } from "./text";

export const forgotPasswordSchema = z.object({ email: emailSchema });

const PASSWORDS_DIFFER = "The two passwords are not the same.";

export const resetPasswordSchema = z
  .object({
    password: newPasswordSchema,
    confirmPassword: text({ error: "Type the new password again." }).max(200),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: PASSWORDS_DIFFER });

export const changePasswordSchema = z
  .object({
    currentPassword: text({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
    newPassword: newPasswordSchema,
    confirmPassword: text({ error: "Type the new password again." }).max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: PASSWORDS_DIFFER });

/** A reset link's token: 32 random bytes, base64url. */
export const resetTokenSchema = text().regex(/^[A-Za-z0-9_-]{43}$/);

/** What a person's password must not contain: their name, each part of it, their email. */
export function personalWords(user: { name: string; email: string }): string[] {
  return [user.name, ...user.name.split(/[\s,.'-]+/), user.email];
}

// The forgot-password email: one link, valid for an hour, usable once.
import { composeEmail, type EmailMessage } from "./message";

export function passwordResetEmail(input: { to: string; name: string; url: string; validForMinutes: number; hasPassword: boolean }): EmailMessage {
  return composeEmail({
    kind: "password-reset",
    to: input.to,
    subject: input.hasPassword ? "Reset your Leadlag password" : "Set a password for Leadlag",
    paragraphs: [
      `Hi ${input.name},`,
      input.hasPassword
        ? "Someone (we hope you) asked to reset the password of your Leadlag account. Choose a new one with the link below."
        : "Someone (we hope you) asked to set a password for your Leadlag account, which signs in with single sign-on today. Choose one with the link below.",
      "Choosing a new password signs you out on every device; you will be signed in again on the one you use.",
    ],
    action: { label: input.hasPassword ? "Choose a new password" : "Set a password", url: input.url },
    footer: [
      `The link works once, for ${input.validForMinutes} minutes.`,
      "If you did not ask for this, ignore this email: nothing changes until the link is used.",
    ],
  });
}

// Input of sign-up and of creating another organization: one set of rules for the browser and the
// server. The server's password rule is stricter (common passwords, the person's own name, email or
// organization): signUpServerSchema in lib/services/signup.ts adds it.
import { z } from "zod";
import { emailSchema, newPasswordSchema, personNameSchema } from "./auth";
import { updateOrganizationSchema } from "./organization";
import { text } from "./text";

const settings = updateOrganizationSchema.shape;

/** A new organization: its name and calendar, money and number formats. */
export const newOrganizationSchema = z.object({
  organizationName: text({ error: "Give your organization a name." })
    .trim()
    .min(1, "Give your organization a name.")
    .max(100, "Keep the name under 100 characters."),
  timeZone: settings.timeZone,
  weekStartsOn: settings.weekStartsOn,
  currency: settings.currency,
  locale: settings.locale,
});

export const signUpSchema = newOrganizationSchema.extend({
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

export type NewOrganizationInput = z.output<typeof newOrganizationSchema>;
export type SignUpInput = z.output<typeof signUpSchema>;

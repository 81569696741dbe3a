import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { AuthCard } from "../AuthCard";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/context";
import { getDb } from "@/lib/db";
import { timeZoneChoices } from "@/lib/schemas/organization";
import { signUpAvailability } from "@/lib/services/signup";
import { SignUpForm } from "./SignUpForm";

export const metadata: Metadata = { title: "Create an organization" };

export default async function SignUpPage() {
  // Someone signed in creates another organization from their account instead.
  if (await getViewer()) redirect("/organizations/new");
  const availability = await signUpAvailability(await getDb());
  return (
    <AuthCard>
      {availability === "invite-only" ? (
        <>
          <h2>Sign-up is by invitation</h2>
          <p>
            On this Leadlag, people join an organization when an admin invites them. Ask an admin of your organization for an invitation:
            it arrives by email with a link to set your password.
          </p>
          <p>
            Already have an account? <Link href="/sign-in">Sign in</Link>
          </p>
        </>
      ) : (
        <>
          <p className="muted">
            {availability === "first-owner"
              ? "Welcome! This Leadlag has no one yet: create your organization and become its owner."
              : "Create your organization: you will be its owner, set up your teams and measures, then invite your colleagues."}
          </p>
          <SignUpForm timeZones={timeZoneChoices()} firstOwner={availability === "first-owner"} />
        </>
      )}
    </AuthCard>
  );
}

import type { Metadata } from "next";
import Link from "@/app/_components/Link";
import { AuthCard } from "../../AuthCard";
import { AppError } from "@/lib/errors";
import { pendingSignUp } from "@/lib/services/signup";
import { ConfirmForm } from "./ConfirmForm";

export const metadata: Metadata = { title: "Confirm your sign-up" };

// The link only shows what it will create; a button creates it. A GET that created the
// organization would be used up by mail scanners that open links before the person does.
export default async function ConfirmSignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  let pending: ReturnType<typeof pendingSignUp> | null = null;
  let problem = "";
  try {
    pending = pendingSignUp(value);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problem = err.message;
  }
  return (
    <AuthCard>
      {pending ? (
        <>
          <h2>Create {pending.organizationName}</h2>
          <p>
            Your email {pending.email} is confirmed. Create the organization <strong>{pending.organizationName}</strong> with you,{" "}
            {pending.name}, as its owner?
          </p>
          <ConfirmForm token={value} />
        </>
      ) : (
        <>
          <h2>This link does not work</h2>
          <p>{problem}</p>
          <p>
            <Link href="/sign-up">Sign up again</Link> · <Link href="/sign-in">Sign in</Link>
          </p>
        </>
      )}
    </AuthCard>
  );
}

import type { Metadata } from "next";
import { SignOutButton } from "./SignOutButton";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <div className="auth-wrap">
      <div className="card auth-card">
        <h1>Sign out?</h1>
        <p className="muted">You can sign back in at any time; nothing you logged is lost.</p>
        <SignOutButton />
      </div>
    </div>
  );
}

import type { Metadata } from "next";
import { ForgotPasswordForm } from "./ForgotPasswordForm";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <div className="auth-wrap">
      <div className="card auth-card" style={{ display: "grid", gap: "0.9rem" }}>
        <div>
          <h1>Forgot your password?</h1>
          <p className="muted" style={{ marginBottom: 0 }}>
            Enter the email address you sign in with and we&apos;ll send you a link to choose a new password. People who sign in
            with single sign-on can set a password this way too.
          </p>
        </div>
        <ForgotPasswordForm />
      </div>
    </div>
  );
}

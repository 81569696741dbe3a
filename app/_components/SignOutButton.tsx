"use client";
// Sign out in one click: next-auth's signOut() posts the CSRF token and lands on /sign-in.
// Without JavaScript the form goes to next-auth's GET /api/auth/signout, which sets that token's
// cookie and sends the browser to /sign-out, whose one button posts it.
import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton({ className = "link-button" }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <form
      action="/api/auth/signout"
      method="get"
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        void signOut({ callbackUrl: "/sign-in" });
      }}
    >
      <button type="submit" className={className} disabled={pending}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}

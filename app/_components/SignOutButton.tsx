"use client";
// Sign out in one click: next-auth's signOut() fetches a CSRF token, posts it and lands on
// /sign-in. Without JavaScript the header's form goes to next-auth's GET /api/auth/signout, which
// sets that token's cookie and sends the browser to /sign-out; there (`csrfToken` given) the form
// posts the token itself.
import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton({ className = "link-button", csrfToken }: { className?: string; csrfToken?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <form
      action="/api/auth/signout"
      method={csrfToken === undefined ? "get" : "post"}
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        void signOut({ callbackUrl: "/sign-in" });
      }}
    >
      {csrfToken === undefined ? null : (
        <>
          <input type="hidden" name="csrfToken" value={csrfToken} />
          <input type="hidden" name="callbackUrl" value="/sign-in" />
        </>
      )}
      <button type="submit" className={className} disabled={pending}>
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}

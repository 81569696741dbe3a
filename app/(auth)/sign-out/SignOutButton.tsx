"use client";

import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <div className="row">
      <button
        type="button"
        disabled={pending}
        autoFocus
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: "/sign-in" });
        }}
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
      <Link className="button secondary" href="/" style={{ background: "#eceff3", color: "var(--text)" }}>
        Cancel
      </Link>
    </div>
  );
}

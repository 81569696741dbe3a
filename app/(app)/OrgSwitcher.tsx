"use client";
// The active organization in the header: a menu for people who belong to several. Choosing one
// switches at once (the button is there for keyboards without a pointer and for no-JS).
import { useActionState, useRef } from "react";
import type { ActionState } from "@/lib/http/runAction";
import { switchOrganizationAction } from "./switchOrganization";

export function OrgSwitcher({ organizations, activeId }: { organizations: { organizationId: string; name: string }[]; activeId: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(switchOrganizationAction, { status: "idle" });
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={action} className="org-switcher" style={{ display: "inline-flex", gap: "0.35rem", alignItems: "center" }}>
      <label htmlFor="org-switcher" className="sr-only">
        Organization
      </label>
      <select
        id="org-switcher"
        name="organizationId"
        defaultValue={activeId}
        disabled={pending}
        onChange={() => formRef.current?.requestSubmit()}
        style={{ font: "inherit", padding: "0.2rem 0.4rem", borderRadius: 6, border: "1px solid var(--border)", maxWidth: "14rem" }}
      >
        {organizations.map((o) => (
          <option key={o.organizationId} value={o.organizationId}>
            {o.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="secondary">
          Switch
        </button>
      </noscript>
      {state.status === "error" ? (
        <span role="alert" className="field-error">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

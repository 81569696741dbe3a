// What each API token scope allows, in one place for the settings page and the OpenAPI document.
// Free of server-only imports: the token form renders these in the browser.
import type { ApiScope } from "@/lib/services/apiTokens";

export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "measures:read": "Read lead and lag measures with their current targets.",
  "measures:write": "Change measure definitions and targets (no v1 endpoint needs it yet).",
  "entries:read": "Read lead entries and lag observations, and export them.",
  "entries:write": "Push lead entries and lag observations, one at a time, in batches or as CSV imports.",
  "teams:read": "Read teams and who is on them.",
  "teams:write": "Create teams and set their member lists (HR sync).",
  "reports:read": "List quarterly ROI reports, follow their exports, and download them (PDF, Markdown, CSV appendix).",
  "reports:write": "Export a new quarterly ROI report.",
  "people:read": "List the organization's people and pending invitations.",
  "people:write": "Invite people and revoke invitations.",
  "audit:read": "Export the audit trail: who changed what, when, in words and as the values before and after.",
};

// Every operation of REST API v1, as data: method, path, scope, the zod schema of its body or
// query, and its answers by status (JSON bodies by the name of their zod schema in
// lib/schemas/responses). lib/http/openapi/document.ts turns the list into the OpenAPI document;
// the integration tests check every response they receive against the same list.
import type { z } from "zod";
import { batchLagObservationsSchema, apiLagObservationSchema } from "@/lib/schemas/apiLagObservation";
import { apiLeadEntrySchema, batchLeadEntriesSchema, listLeadEntriesQuerySchema } from "@/lib/schemas/apiLeadEntry";
import { createTeamSchema, setTeamMembersSchema } from "@/lib/schemas/team";
import { forecastQuerySchema, leadLagQuerySchema } from "@/lib/schemas/analytics";
import { exportReportSchema } from "@/lib/schemas/reports";
import { roiEvaluateSchema } from "@/lib/schemas/roiEvaluate";
import { inviteSchema, listInvitationsQuerySchema } from "@/lib/schemas/invitations";
import { listPeopleQuerySchema } from "@/lib/schemas/people";
import { auditExportQuerySchema } from "@/lib/schemas/audit";
import { apiCreateCommitmentsSchema, apiEditCommitmentSchema, listCheckInsQuerySchema, listCommitmentsQuerySchema } from "@/lib/schemas/apiCheckIn";
import type { ResponseName } from "@/lib/schemas/responses";
import type { ApiScope } from "@/lib/services/apiTokens";
import type { JsonSchema } from "./jsonSchema";

export type Method = "get" | "post" | "put" | "patch" | "delete";

export type Operation = {
  method: Method;
  path: string;
  summary: string;
  description?: string;
  /** The scope a token needs; null = any valid token (and any signed-in member); "public" = no authentication. */
  scope: ApiScope | null | "public";
  /** The JSON body's zod schema. */
  body?: z.ZodType;
  /** A non-JSON body (CSV uploads). */
  upload?: { content: Record<string, { schema: JsonSchema }> };
  query?: z.ZodObject;
  /** Path parameters that are not ids (ids are documented as UUIDs). */
  pathParams?: Record<string, JsonSchema>;
  /** Query parameters written out by hand (endpoints whose schemas parse strings for forms). */
  queryParams?: { name: string; description: string; schema: JsonSchema }[];
  ok: { status: number } & Answer;
  also?: Record<string, Answer>;
  /** Refusals, each in the one error shape (a 500 is always possible). */
  errors: number[];
};

/** A JSON body (`json`: its schema's name in lib/schemas/responses), or files of the given media types (`content`). */
export type Answer = { description: string } & ({ json: ResponseName } | { content: Record<string, { schema: JsonSchema }> });

export const ERROR_TEXT: Record<number, string> = {
  400: "Invalid JSON, or the body breaks a rule: `details.fieldErrors` by field, or `details.problems` by index for batches. Nothing was written.",
  401: "No token, or the token is malformed, unknown or revoked.",
  403: "The token lacks the scope, or the signed-in person's role does not allow it; or a write with the session cookie came from another origin.",
  404: "No such record in the caller's organization (records of other organizations are never visible).",
  409: "Conflicts with existing data.",
  415: "A write with the session cookie sent a body of another type than the operation takes (`application/json`; CSV uploads: `multipart/form-data` or `text/csv`). Tokens may also send CSV as `text/plain`.",
  429: "Too many at once or too often (an organization's report export already under way, invitations past the hourly limit): nothing was done; try again after the seconds in `Retry-After`.",
  500: "Something failed on our side; no internals are revealed.",
  503: "The server is busy (or its database is away) and did not start on the request: try again after the seconds in `Retry-After`.",
};

const REPORTS_ROLE = "Managers and above (a token needs `reports:read`).";

const CSV_UPLOAD = {
  content: {
    "text/csv": { schema: { type: "string" } },
    "multipart/form-data": {
      schema: {
        type: "object",
        properties: {
          file: { type: "string", contentMediaType: "text/csv" },
          dateOrder: { type: "string", enum: ["ymd", "dmy", "mdy"] },
          decimalMark: { type: "string", enum: ["dot", "comma"] },
          mapping: { type: "string", description: "JSON: field → column (0-based index or header name)." },
        },
        required: ["file"],
      },
    },
  },
};

const teamIdPath = "/api/v1/teams/{teamId}/members";

const INVITATIONS: Operation[] = [
  {
    method: "post",
    path: "/api/v1/invitations",
    summary: "Invite people by email",
    description:
      "Each address gets an email with a link that works once, for 7 days. All or nothing: any bad address is listed in `details.problems` " +
      "(by index) and no one is invited. People who are already members are listed in `alreadyMembers`; an address with a pending " +
      "invitation is sent a new link instead of a second invitation. Managers may give the member and viewer roles; admins and tokens any role but owner. " +
      "Each email sent counts against hourly limits per inviter and per organization: a request that would pass one is refused whole with 429.",
    scope: "people:write",
    body: inviteSchema,
    ok: { status: 201, description: "At least one new invitation was sent.", json: "InviteResult" },
    also: { "200": { description: "No new invitation: every address was a member or already invited (and was sent again).", json: "InviteResult" } },
    errors: [400, 401, 403, 429],
  },
  {
    method: "get",
    path: "/api/v1/invitations",
    summary: "List invitations (paged)",
    description: "Newest first, in every state. Follow `nextCursor` until it is null. Managers and above (a token needs `people:read`).",
    scope: "people:read",
    query: listInvitationsQuerySchema,
    ok: { status: 200, description: "One page.", json: "InvitationPage" },
    errors: [400, 401, 403],
  },
  {
    method: "delete",
    path: "/api/v1/invitations/{invitationId}",
    summary: "Revoke an invitation",
    description: "Its link stops working. Revoking a revoked invitation changes nothing; an accepted one cannot be revoked (409).",
    scope: "people:write",
    ok: { status: 200, description: "The revoked invitation.", json: "InvitationRevoked" },
    errors: [401, 403, 404, 409],
  },
];

const CHECK_IN_ROLE =
  "As on the check-in page: the team's members read it, managers and above any team's; the team lead and managers change anyone's commitments, " +
  "a member only their own (this week's, or last week's before the check-in reviews them); viewers read only.";

const CHECK_INS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/teams/{teamId}/check-ins",
    summary: "List a team's held check-ins (paged)",
    description:
      "Newest week first, each with when it was held and by whom, the meeting's start and length (when run in meeting mode), its notes and decisions, " +
      "the commitments it reviewed (made for the week before) and those it made. Follow `nextCursor` until it is null. " + CHECK_IN_ROLE,
    scope: "teams:read",
    query: listCheckInsQuerySchema,
    ok: { status: 200, description: "One page.", json: "CheckInPage" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/teams/{teamId}/commitments",
    summary: "List a team's commitments for a week",
    description: "This week's unless `week` names a day of another. " + CHECK_IN_ROLE,
    scope: "teams:read",
    query: listCommitmentsQuerySchema,
    ok: { status: 200, description: "The week's commitments, oldest first.", json: "CommitmentList" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/teams/{teamId}/commitments",
    summary: "Make commitments for a week",
    description: "One or two a person a week, each optionally tied to a lead measure the team tracks. All or nothing. " + CHECK_IN_ROLE,
    scope: "teams:write",
    body: apiCreateCommitmentsSchema,
    ok: { status: 201, description: "The new commitments.", json: "CommitmentsCreated" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "patch",
    path: "/api/v1/commitments/{commitmentId}",
    summary: "Edit a commitment before its review",
    description:
      "Sets the text and the lead measure (null or left out: none). Only while it is not reviewed and the check-in that reviews it " +
      "(the next week's) has not been held; after that, 409. Audited. " + CHECK_IN_ROLE,
    scope: "teams:write",
    body: apiEditCommitmentSchema,
    ok: { status: 200, description: "The commitment as changed.", json: "CommitmentOne" },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "delete",
    path: "/api/v1/commitments/{commitmentId}",
    summary: "Delete a commitment before its review",
    description: "Under the same rule as editing it. Audited. " + CHECK_IN_ROLE,
    scope: "teams:write",
    ok: { status: 200, description: "The deleted commitment.", json: "CommitmentOne" },
    errors: [401, 403, 404, 409],
  },
];

export const OPERATIONS: Operation[] = [
  ...INVITATIONS,
  ...CHECK_INS,
  {
    method: "get",
    path: "/api/health",
    summary: "Is the server up, and can it reach its database?",
    description: "For load balancers and readiness checks. No authentication.",
    scope: "public",
    ok: { status: 200, description: "Up, and the database answers.", json: "Health" },
    also: { "503": { description: "The database is unreachable (within 5 seconds). Try again after the seconds in `Retry-After`.", json: "HealthUnavailable" } },
    errors: [],
  },
  {
    method: "get",
    path: "/api/v1/teams",
    summary: "List teams with member counts",
    description: "Tokens and managers see every active team; members see their own teams.",
    scope: "teams:read",
    ok: { status: 200, description: "The teams, by name.", json: "TeamList" },
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/api/v1/teams",
    summary: "Create a team",
    description: "Managers and above.",
    scope: "teams:write",
    body: createTeamSchema,
    ok: { status: 201, description: "The new team.", json: "TeamCreated" },
    errors: [400, 401, 403, 409],
  },
  {
    method: "get",
    path: teamIdPath,
    summary: "List a team's members",
    scope: "teams:read",
    ok: { status: 200, description: "The members, by name.", json: "TeamMemberList" },
    errors: [401, 403, 404],
  },
  {
    method: "put",
    path: teamIdPath,
    summary: "Set a team's members by email (HR sync)",
    description:
      "Replaces the member list: listed people are added, unlisted ones removed. Everyone must already be an active member of the organization " +
      "(deactivated or removed people may stay on a team they are on, but are not added); " +
      "unknown emails are listed in `details.unknownEmails` and nothing changes. Managers and above.",
    scope: "teams:write",
    body: setTeamMembersSchema,
    ok: { status: 200, description: "What changed, and the new member list.", json: "SetMembersResult" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/measures",
    summary: "List lead and lag measures with current targets",
    description: "Lead measures with the teams tracking them and this week's targets; lag measures with baseline, target and direction.",
    scope: "measures:read",
    ok: { status: 200, description: "Every measure of the organization.", json: "Measures" },
    errors: [401, 403],
  },
  {
    method: "get",
    path: "/api/v1/users",
    summary: "List the organization's people (paged)",
    description:
      "By name, with role, status (active or deactivated) and active teams; people removed from the organization are not listed. " +
      "Follow `nextCursor` until it is null. Managers and above (a token needs `people:read`).",
    scope: "people:read",
    query: listPeopleQuerySchema,
    ok: { status: 200, description: "One page.", json: "UserPage" },
    errors: [400, 401, 403],
  },
  {
    method: "get",
    path: "/api/v1/lead-entries",
    summary: "List lead entries (paged)",
    description: "Oldest day first. Follow `nextCursor` until it is null. Members see only their own teams' entries.",
    scope: "entries:read",
    query: listLeadEntriesQuerySchema,
    ok: { status: 200, description: "One page.", json: "LeadEntryPage" },
    errors: [400, 401, 403],
  },
  {
    method: "post",
    path: "/api/v1/lead-entries",
    summary: "Add one lead entry",
    description:
      "Adds to a person's day. With an API token, name the person (email or userId). Send an `idempotencyKey` so a retry adds nothing twice. " +
      "The same key with a different request (another person, team, measure, date, value or note) is refused with 409.",
    scope: "entries:write",
    body: apiLeadEntrySchema,
    ok: { status: 201, description: "Created.", json: "LeadEntryCreated" },
    also: { "200": { description: "Replay of an idempotency key: the entry stored the first time.", json: "LeadEntryReplayed" } },
    errors: [400, 401, 403, 404, 409],
  },
  {
    method: "post",
    path: "/api/v1/lead-entries/batch",
    summary: "Set up to 10,000 lead values at once",
    description:
      "Each item sets a person's value for a measure on a day, replacing what was there (`value: null` clears it); repeating a batch changes nothing. " +
      "All or nothing, with every problem listed by index.",
    scope: "entries:write",
    body: batchLeadEntriesSchema,
    ok: { status: 200, description: "Counts.", json: "BatchResult" },
    errors: [400, 401, 403],
  },
  {
    method: "post",
    path: "/api/v1/lag-observations",
    summary: "Record one lag measure result",
    description: "Replaces any result for the same measure, team and date. Managers and above.",
    scope: "entries:write",
    body: apiLagObservationSchema,
    ok: { status: 201, description: "Recorded.", json: "LagObservationRecorded" },
    also: { "200": { description: "Recorded, replacing an earlier result.", json: "LagObservationReplaced" } },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/lag-observations/batch",
    summary: "Record up to 10,000 lag results at once",
    description: "All or nothing, with every problem listed by index. Managers and above.",
    scope: "entries:write",
    body: batchLagObservationsSchema,
    ok: { status: 200, description: "Counts.", json: "BatchResult" },
    errors: [400, 401, 403],
  },
  ...(["lead-entries", "lag-observations"] as const).flatMap((kind): Operation[] => [
    {
      method: "get",
      path: `/api/v1/imports/${kind}/template.csv`,
      summary: `A ${kind} CSV template`,
      description:
        "The header row the importer reads and two or three example rows in the organization's own team, measure (and people's) names, " +
        "each valid as it stands, so the file imports unchanged. Managers and above.",
      scope: "entries:read",
      ok: { status: 200, description: "The CSV file.", content: { "text/csv": { schema: { type: "string" } } } },
      errors: [401, 403],
    },
    {
      method: "post",
      path: `/api/v1/imports/${kind}/preview`,
      summary: `Check a ${kind} CSV without writing`,
      description:
        "Send the file as `text/csv` or as the `file` field of a form. Answers with the column mapping, every problem found, and how many ready rows " +
        "are new (`creates`), replace an earlier value (`replaces`, the first ones listed in `replaced`) or match what is there (`unchanged`).",
      scope: "entries:write",
      upload: CSV_UPLOAD,
      ok: { status: 200, description: "The preview.", json: "ImportPreview" },
      errors: [400, 401, 403],
    },
    {
      method: "post",
      path: `/api/v1/imports/${kind}/commit`,
      summary: `Import a ${kind} CSV, all or nothing`,
      description: "Streams progress as NDJSON, ending with a `done` line: `rows`, `written`, `replaced` (earlier entries removed) and, counted as the preview counts, " +
        "`creates`, `replaces` and `unchanged`. A file with any problem is refused with 400 and nothing is written.",
      scope: "entries:write",
      upload: CSV_UPLOAD,
      ok: { status: 200, description: "Progress lines.", content: { "application/x-ndjson": { schema: { type: "string" } } } },
      errors: [400, 401, 403],
    },
  ]),
  ...(["lead-entries", "lag-observations"] as const).map(
    (kind): Operation => ({
      method: "get",
      path: `/api/v1/exports/${kind}.csv`,
      summary: `Export ${kind} as CSV`,
      description: "In the columns the importer reads, so an export can be edited and imported back. Managers and above.",
      scope: "entries:read",
      queryParams: [
        { name: "from", description: "First day, inclusive (YYYY-MM-DD).", schema: { type: "string", format: "date" } },
        { name: "to", description: "Last day, inclusive (YYYY-MM-DD).", schema: { type: "string", format: "date" } },
        { name: "team", description: "Only this team.", schema: { type: "string", format: "uuid" } },
        { name: "bom", description: "Start with a byte-order mark (helps Excel).", schema: { type: "string", enum: ["true", "false"], default: "true" } },
      ],
      ok: { status: 200, description: "The CSV file.", content: { "text/csv": { schema: { type: "string" } } } },
      errors: [400, 401, 403, 404],
    }),
  ),
  {
    method: "get",
    path: "/api/v1/exports/audit.csv",
    summary: "Export the audit trail as CSV",
    description:
      "Newest first: when (ISO 8601, UTC), who, action, record, the change in words, and the values before and after as JSON. " +
      "Takes the audit page's filters. Owners and admins (a token needs `audit:read`).",
    scope: "audit:read",
    query: auditExportQuerySchema,
    ok: { status: 200, description: "The CSV file.", content: { "text/csv": { schema: { type: "string" } } } },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/analytics/lead-lag",
    summary: "Does a lead measure predict a lag measure?",
    description:
      "First-differences both weekly series (lead: weekly totals, 0 in a week without entries; lag: weekly means, missing in a week without a value) " +
      "and, for each lag k = 0…maxLagWeeks, regresses the lag's change on the lead's change k weeks earlier (OLS). " +
      "The strongest k has the largest |t| among fits with n ≥ 8; `evidence.pFamily` corrects its p for the lags tried (seeded permutation test of max |t|), " +
        "each fit also has Newey–West (HAC) inference, and `predictive` also needs the lagged lead to cut the one-week-ahead forecast error (rolling origin). " +
        "The verdict describes an association in the data so far, never a cause. " +
      "Managers and above (a token needs `measures:read`).",
    scope: "measures:read",
    query: leadLagQuerySchema,
    ok: { status: 200, description: "The fits for every k, the best k and the verdict.", json: "LeadLagAnalysis" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/analytics/forecast",
    summary: "Forecast a lag measure's next weeks",
    description:
      "The last 26 weekly means (weeks without a value are left out) forecast by a linear trend or a random walk with drift, whichever " +
      "had the smaller one-week-ahead error in a rolling-origin backtest (`forecast.model`, `forecast.backtest`), with 80% and 95% " +
      "prediction intervals from the t distribution. Percentages and NPS are fitted on the logit scale of their range, times, counts " +
      "and money on the log scale or as they are, cut at zero (also chosen by the backtest), so the forecast and its bands stay within " +
      "`forecast.range`. Needs at least 8 weeks with values; " +
      "otherwise `forecast.kind` is `insufficient` with a reason. " +
      "Managers and above (a token needs `measures:read`).",
    scope: "measures:read",
    query: forecastQuerySchema,
    ok: { status: 200, description: "The history and the forecast.", json: "LagForecast" },
    errors: [400, 401, 403, 404],
  },
  {
    method: "post",
    path: "/api/v1/roi/evaluate",
    summary: "Evaluate an ROI (stateless calculator)",
    description:
      "Nothing is read or stored. Each benefit line counts value × margin × isolation × confidence × (1 + adjustment); " +
      "BCR = benefits ÷ costs; ROI % = (benefits − costs) ÷ costs × 100; payback = costs ÷ (benefits ÷ months), null without a benefit. " +
      "Costs must add up to more than zero. Any valid API token may call it, whatever its scopes, and any signed-in member.",
    scope: null,
    body: roiEvaluateSchema,
    ok: { status: 200, description: "The ROI, with each line's attributed value.", json: "RoiEvaluation" },
    errors: [400, 401],
  },
  {
    method: "post",
    path: "/api/v1/reports",
    summary: "Export a quarterly ROI report",
    description:
      "Starts building the report on the organization or one ROI program for a quarter (`2026-Q3`; a quarter still running is reported up to its last ended week). " +
      "Answers at once with the export's state and its URL in `Location`; follow it with GET until `status` is `succeeded` (then `reportId` names the report) or `failed` (`error` says why; nothing was saved). " +
      "An organization has one export under way at a time (`LEADLAG_EXPORTS_PER_ORGANIZATION`): another is refused with 429 until it ends. " +
      "A busy server starts it later (`stage` says `Waiting for a free slot`); an export that runs past its time limit fails. " +
      "A quarter that ended before the organization's first record, or has no ended week yet, is refused with 400. " +
      "Managers and above (a token needs `reports:write`).",
    scope: "reports:write",
    body: exportReportSchema,
    ok: { status: 202, description: "Started. The `Location` header is the export's URL.", json: "ReportExport" },
    errors: [400, 401, 403, 404, 429],
  },
  {
    method: "get",
    path: "/api/v1/reports",
    summary: "List the organization's quarterly reports",
    description: `Newest first. ${REPORTS_ROLE}`,
    scope: "reports:read",
    ok: { status: 200, description: "Every report.", json: "ReportList" },
    errors: [401, 403],
  },
  {
    method: "get",
    path: "/api/v1/reports/{reportId}",
    summary: "Read a quarterly report",
    description: `The report as its page shows it, rebuilt from the snapshot stored at export: the same report always reads the same. ${REPORTS_ROLE}`,
    scope: "reports:read",
    ok: { status: 200, description: "The report's entry, document and fingerprints.", json: "ReportView" },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/reports/{reportId}/{file}",
    summary: "Download a quarterly report as PDF, Markdown or CSV",
    description:
      "`report.pdf`, `report.md`, or `appendix.csv` (every number of the report: section, item, metric, value, unit, display). " +
      `Regenerated from the stored snapshot, so the same report gives identical bytes every time. ${REPORTS_ROLE}`,
    scope: "reports:read",
    pathParams: { file: { type: "string", enum: ["report.pdf", "report.md", "appendix.csv"] } },
    queryParams: [{ name: "inline", description: "`1` shows the PDF in the browser (`Content-Disposition: inline`) instead of downloading it.", schema: { type: "string", enum: ["1"] } }],
    ok: {
      status: 200,
      description: "The file, as an attachment.",
      content: {
        "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } },
        "text/markdown": { schema: { type: "string" } },
        "text/csv": { schema: { type: "string" } },
      },
    },
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: "/api/v1/report-exports/{exportId}",
    summary: "Follow a report export",
    description: `Poll until \`status\` is not \`running\`. An export whose server stopped reads as failed within a minute. ${REPORTS_ROLE}`,
    scope: "reports:read",
    ok: { status: 200, description: "The export's state.", json: "ReportExport" },
    errors: [401, 403, 404],
  },
];

/** A session's write is refused when cross-origin (403), and when its body has the wrong type (415). */
function browserWriteErrors(op: Operation): number[] {
  if (op.method === "get") return [];
  return op.body || op.upload ? [403, 415] : [403];
}

/** Every answer an operation documents, by status; refusals in the one error shape share a response (`shared`). */
export function answersOf(op: Operation): Record<string, Answer & { shared?: string }> {
  const { status, ...ok } = op.ok;
  return {
    [String(status)]: ok,
    ...op.also,
    // Any request may meet an overloaded server (503 + Retry-After) unless the operation says otherwise;
    // any write from a browser session may be refused as cross-origin (403) or for its body's type (415).
    ...Object.fromEntries([...new Set([...op.errors, ...browserWriteErrors(op), 500, ...(op.also?.["503"] ? [] : [503])])].map((s) => [String(s), { description: ERROR_TEXT[s]!, json: "Error" as const, shared: `E${s}` }])),
  };
}

/** The operation that serves a request, by method and path (`/api/v1/teams/3f…/members` is `/api/v1/teams/{teamId}/members`). */
export function findOperation(method: string, pathname: string): Operation | undefined {
  const ops = OPERATIONS.filter((op) => op.method === method.toLowerCase());
  const matches = (template: string) => new RegExp(`^${template.replace(/\./g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`).test(pathname);
  // A literal path wins over a template that would also match it.
  return ops.find((op) => op.path === pathname) ?? ops.find((op) => matches(op.path));
}

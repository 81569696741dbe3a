import "server-only";
// The lead-entry endpoints of the REST API, between the JSON the integrations send and the
// services the app uses: people named by email are resolved to members, the API's `date` is the
// services' `entryDate`, and rule messages come back under the field names the caller sent.
import * as clock from "@/lib/clock";
import type { Db } from "@/lib/db/client";
import { canViewAllTeams, requireWriter } from "@/lib/auth/permissions";
import { AppError, parseOrThrow, validationError, type FieldErrors } from "@/lib/errors";
import { decodeDateIdCursor } from "@/lib/queries/cursor";
import { leadEntriesPage } from "@/lib/queries/leadEntriesPage";
import { apiLeadCellSchema, apiLeadEntrySchema, batchLeadEntriesSchema, listLeadEntriesQuerySchema } from "@/lib/schemas/apiLeadEntry";
import { createLeadEntry, problemsOf, setLeadCells, type CellWrite, type LeadEntryView } from "@/lib/services/leadEntries";
import { loadEntryRules } from "@/lib/services/leadRules";
import type { ApiCaller } from "../apiRoute";
import { parseBatch, throwIfProblems } from "../validation";

const NAME_THE_PERSON = "Name the person the entry is for: give email or userId (an API token acts for no one in particular).";
const UNKNOWN_EMAIL = "No member of this organization has this email.";

/** The API's name for a field the services report. */
function apiField(field: string, sent: { email?: string }): string {
  if (field === "entryDate") return "date";
  if (field === "userId" && sent.email) return "email";
  return field;
}

export type ApiLeadEntryView = Omit<LeadEntryView, "entryDate"> & { date: string };

function view({ entryDate, ...rest }: LeadEntryView): ApiLeadEntryView {
  return { ...rest, date: entryDate };
}

/** POST /api/v1/lead-entries: adds one entry to a person's day; idempotent per key. */
export async function addLeadEntry(db: Db, caller: ApiCaller, body: unknown): Promise<{ entry: ApiLeadEntryView; created: boolean }> {
  const { ctx } = caller;
  const input = parseOrThrow(apiLeadEntrySchema, body);
  let userId = input.userId;
  if (!userId && input.email) {
    const m = await db.membership.findFirst({ where: { organizationId: ctx.organizationId, user: { email: input.email } }, select: { userId: true } });
    if (!m) throw validationError({ email: [UNKNOWN_EMAIL] });
    userId = m.userId;
  }
  if (!userId && caller.kind === "token") throw validationError({ email: [NAME_THE_PERSON] });
  try {
    const { entry, created } = await createLeadEntry(
      db,
      ctx,
      {
        teamId: input.teamId,
        leadMeasureId: input.leadMeasureId,
        userId,
        entryDate: input.date,
        value: input.value,
        note: input.note,
        idempotencyKey: input.idempotencyKey,
      },
      clock.now(),
      "API",
    );
    return { entry: view(entry), created };
  } catch (err) {
    if (!(err instanceof AppError) || !err.details?.fieldErrors) throw err;
    const renamed: FieldErrors = {};
    for (const [field, messages] of Object.entries(err.details.fieldErrors)) renamed[apiField(field, input)] = messages;
    throw new AppError(err.code, err.message, { ...err.details, fieldErrors: renamed });
  }
}

export type BatchResult = { received: number; written: number; replaced: number };

/** POST /api/v1/lead-entries/batch: sets cells, all or nothing, with every problem by index. */
export async function setLeadEntryBatch(db: Db, caller: ApiCaller, body: unknown, now: Date = clock.now()): Promise<BatchResult> {
  const { ctx } = caller;
  // A viewer may set no cell at all: one 403, as the single entry answers, not a problem per entry.
  requireWriter(ctx.role);
  const { items, problems } = parseBatch(batchLeadEntriesSchema, apiLeadCellSchema, body, "entries");
  // Loaded once for the whole batch: checking 10,000 entries then needs no further query.
  const rules = await loadEntryRules(db, ctx, now);
  const cells: CellWrite[] = [];
  items.forEach((e, index) => {
    if (!e) return;
    const userId = e.userId ?? (e.email ? rules.peopleByEmail.get(e.email) : caller.kind === "session" ? ctx.userId : undefined);
    if (!userId) {
      problems.push({ index, field: "email", message: e.email ? UNKNOWN_EMAIL : NAME_THE_PERSON });
      return;
    }
    const cell: CellWrite = { userId, teamId: e.teamId, leadMeasureId: e.leadMeasureId, entryDate: e.date, value: e.value, note: e.note };
    for (const p of problemsOf(rules, ctx, [cell])) problems.push({ index, field: apiField(p.field, e), message: p.message });
    cells.push(cell);
  });
  throwIfProblems(problems);
  const { written, deleted } = await setLeadCells(db, ctx, cells, { source: "API", rules, now, auditNote: "api-batch" });
  return { received: items.length, written, replaced: deleted };
}

/** GET /api/v1/lead-entries: one page; members see only their own teams' entries. */
export async function listLeadEntries(db: Db, caller: ApiCaller, query: Record<string, string>) {
  const { ctx } = caller;
  const q = parseOrThrow(listLeadEntriesQuerySchema, query);
  const after = q.cursor ? decodeDateIdCursor(q.cursor) : undefined;
  if (after === null) throw validationError({ cursor: ["This cursor is not one we issued; start again without it."] });
  if (q.from && q.to && q.from > q.to) throw validationError({ to: ["Must be on or after `from`."] });
  return leadEntriesPage(db, {
    organizationId: ctx.organizationId,
    from: q.from,
    to: q.to,
    teamId: q.teamId,
    leadMeasureId: q.leadMeasureId,
    userId: q.userId,
    after,
    limit: q.limit,
    onTeamsOf: canViewAllTeams(ctx.role) ? undefined : ctx.userId,
  });
}

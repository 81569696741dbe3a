// Who to invite, read from what people paste or upload: a list of addresses (commas, semicolons
// or new lines between them; "Ana Lima <ana@example.com>" as mail programs copy it), or a CSV
// file with an email column and optional role and teams columns. Pure: the invitation service
// checks each address, role and team against the organization.
import { resolveMapping, type ColumnSpec } from "./columns";
import type { RowProblem } from "./options";
import { parseCsv } from "./parse";
import { readText } from "./values";

export type Invitee = {
  /** Where the person was written, for messages: `Row 4` of a file, or the pasted text itself. */
  at: string;
  /** 0-based position among the invitees (the API's `emails` index). */
  index: number;
  email: string;
  /** As written; blank = the request's role. */
  role?: string;
  /** Team names (or ids) as written; absent = the request's teams. */
  teams?: string[];
};

type InviteeField = "email" | "role" | "teams";

export const INVITEE_COLUMNS: readonly ColumnSpec<InviteeField>[] = [
  { field: "email", header: "email", required: true, aliases: ["e-mail", "mail", "email address", "address", "work email"], description: "The person's email address." },
  { field: "role", header: "role", required: false, aliases: ["access"], description: "Admin, manager, member or viewer; blank for the role chosen on the form." },
  { field: "teams", header: "teams", required: false, aliases: ["team"], description: "Team names separated by | or ;. Blank for the teams chosen on the form." },
];

/** "Ana Lima <ana@example.com>" → ana@example.com; quotes and mailto: are dropped. */
export function addressOf(written: string): string {
  const angle = /<([^<>]*)>\s*$/.exec(written);
  const address = (angle ? angle[1]! : written).trim().replace(/^mailto:/i, "");
  return address.replace(/^["']+|["']+$/g, "").trim();
}

/** The pieces of a pasted list: split at commas, semicolons, new lines and tabs outside "quotes" and <angle brackets>. */
function splitList(text: string): string[] {
  const pieces: string[] = [];
  let piece = "";
  let quoted = false;
  let angled = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "<" && !quoted) angled = true;
    else if (ch === ">" && !quoted) angled = false;
    if (/[,;\n\r\t]/.test(ch) && !(quoted || angled)) {
      pieces.push(piece);
      piece = "";
    } else piece += ch;
  }
  return [...pieces, piece];
}

/** Every address of a pasted list, in order. Separators: commas, semicolons, new lines, tabs. */
export function readAddressList(text: string | readonly string[]): Invitee[] {
  const pieces = typeof text === "string" ? splitList(text) : text;
  const out: Invitee[] = [];
  for (const piece of pieces) {
    const written = piece.trim();
    if (written === "") continue;
    out.push({ at: `“${written.length > 60 ? `${written.slice(0, 57)}…` : written}”`, index: out.length, email: addressOf(written) });
  }
  return out;
}

/** Team names or ids in one cell: separated by |, ; or , (whichever the file's own separator leaves). */
function teamList(cell: string): string[] | undefined {
  const names = cell.split(/[|;,]/).map((n) => n.trim()).filter(Boolean);
  return names.length ? names : undefined;
}

export type InviteeFile = { invitees: Invitee[]; problems: RowProblem[] };

/**
 * A CSV file of invitees. A file whose first line is an address and not a header is read as a
 * plain list of addresses, one a line (what a spreadsheet's single column exports).
 */
export function readInviteeCsv(text: string): InviteeFile {
  const parsed = parseCsv(text);
  if (parsed.header.length && parsed.header.some((h) => h.includes("@"))) {
    const rows = [{ row: parsed.headerRow, cells: parsed.header }, ...parsed.records];
    return {
      invitees: rows.map((r, index) => ({ at: `Row ${r.row}`, index, email: addressOf(r.cells.find((c) => c.includes("@")) ?? r.cells[0] ?? "") })),
      problems: parsed.problems,
    };
  }
  const { mapping, problems } = resolveMapping(parsed.header, INVITEE_COLUMNS);
  if (problems.length || parsed.problems.length) return { invitees: [], problems: [...parsed.problems, ...problems] };
  const cell = (cells: string[], i: number | null) => (i == null ? "" : readText(cells[i] ?? ""));
  return {
    invitees: parsed.records.map((r, index) => {
      const role = cell(r.cells, mapping.role);
      const teams = teamList(cell(r.cells, mapping.teams));
      return { at: `Row ${r.row}`, index, email: addressOf(cell(r.cells, mapping.email)), ...(role ? { role } : {}), ...(teams ? { teams } : {}) };
    }),
    problems: [],
  };
}

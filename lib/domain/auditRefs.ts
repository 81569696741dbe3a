// The records an audit event names by id — people, teams, measures, programs, API tokens — so a
// page of the trail can look all of them up in one query and tell each event in names. Pure.

export type AuditRefKind = "person" | "team" | "lead" | "lag" | "program" | "token";

/** What a looked-up record is called now (measures with their unit, lag measures with their cadence). */
export type AuditName = { name: string; unit?: string | null; cadence?: string | null };

/** Looked-up names by `${kind}:${id}`. */
export type AuditNames = ReadonlyMap<string, AuditName>;

export const refKey = (kind: AuditRefKind, id: string) => `${kind}:${id}`;

/** The part of an audit event that names records. */
export type AuditRefSource = { actorId?: string | null; entityType: string; entityId: string; before: unknown; after: unknown };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Snapshot keys that hold ids, and the kind of record each names. */
const KEYS: Record<string, AuditRefKind> = {
  userId: "person",
  ownerIds: "person",
  ownerId: "person",
  owners: "person",
  previousOwnerId: "person",
  teamId: "team",
  teamIds: "team",
  teams: "team",
  participantTeamIds: "team",
  controlTeamIds: "team",
  leadMeasureId: "lead",
  driverIds: "lead",
  lagMeasureId: "lag",
  ownedLagMeasureIds: "lag",
  programId: "program",
};

/** The record the event is about, by its type, when its id is a record's id. */
const ENTITY: Record<string, AuditRefKind> = {
  Membership: "person",
  User: "person",
  Team: "team",
  LeadMeasure: "lead",
  LagMeasure: "lag",
  Program: "program",
  ApiToken: "token",
};

/** Every (kind, id) the event names, each once. */
export function auditRefs(events: readonly AuditRefSource[]): Map<AuditRefKind, Set<string>> {
  const out = new Map<AuditRefKind, Set<string>>();
  const add = (kind: AuditRefKind, id: unknown) => {
    if (typeof id !== "string" || !UUID.test(id)) return;
    let set = out.get(kind);
    if (!set) out.set(kind, (set = new Set()));
    set.add(id.toLowerCase());
  };
  const walk = (value: unknown, depth: number) => {
    if (depth > 4 || value == null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      const kind = KEYS[key];
      if (kind && Array.isArray(v)) for (const id of v) add(kind, id);
      else if (kind) add(kind, v);
      walk(v, depth + 1);
    }
  };
  for (const e of events) {
    add("person", e.actorId);
    const kind = ENTITY[e.entityType];
    if (kind) add(kind, e.entityId);
    // A grid cell's id is "person|measure|day".
    if (e.entityType === "LeadCell") {
      const [userId, leadMeasureId] = e.entityId.split("|");
      add("person", userId);
      add("lead", leadMeasureId);
    }
    walk(e.before, 0);
    walk(e.after, 0);
  }
  return out;
}

// Record ids are UUIDs. A value from a path, a query string or a form that is not one names
// nothing we have: callers answer "not found" (or drop it) without asking the database, which
// would refuse to cast it.

/** 8-4-4-4-12 hex digits, any version or variant: what PostgreSQL's uuid type accepts. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID_PATTERN.test(value);
}

// The SQL for "first day of the week containing a date", shared by the weekly aggregations.
// weekStartsOn is 0 (Sunday) … 6 and is passed as a parameter, never pasted into the text.
import { Prisma } from "@/lib/generated/prisma/client";

export function weekStartSql(dateColumn: Prisma.Sql, weekStartsOn: number): Prisma.Sql {
  return Prisma.sql`(${dateColumn} - ((extract(dow from ${dateColumn})::int - ${weekStartsOn}::int + 7) % 7))::date`;
}

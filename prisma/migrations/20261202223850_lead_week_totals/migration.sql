-- CreateTable
CREATE TABLE "LeadWeekTotal" (
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "leadMeasureId" UUID NOT NULL,
    "weekStart" DATE NOT NULL,
    "total" DECIMAL NOT NULL,
    "entries" INTEGER NOT NULL,

    CONSTRAINT "LeadWeekTotal_pkey" PRIMARY KEY ("organizationId","teamId","leadMeasureId","weekStart")
);

-- CreateIndex
CREATE INDEX "LeadWeekTotal_organizationId_weekStart_idx" ON "LeadWeekTotal"("organizationId", "weekStart");

-- CreateIndex
CREATE INDEX "LeadWeekTotal_organizationId_leadMeasureId_weekStart_idx" ON "LeadWeekTotal"("organizationId", "leadMeasureId", "weekStart");

-- CreateIndex
CREATE INDEX "CheckIn_organizationId_weekStart_idx" ON "CheckIn"("organizationId", "weekStart");

-- CreateIndex
CREATE INDEX "Commitment_organizationId_weekStart_idx" ON "Commitment"("organizationId", "weekStart");

-- The weekly roll-up is kept by the database itself, in the same transaction as every write to
-- "LeadEntry" — whichever code path writes (a single entry, a batch, a CSV import, an undo, a
-- cascade from a deleted team or organization) — by statement-level triggers that see the rows
-- a statement changed as a whole (transition tables): one aggregate per statement, not per row.
-- Adding and subtracting deltas (never recomputing from "LeadEntry") keeps concurrent writers
-- correct: the upsert and the update take the roll-up row's lock and add to what is committed.

-- The week start of a date in a calendar whose weeks start on `week_starts_on` (0 = Sunday),
-- the same expression as lib/queries/weekSql.ts weekStartSql.
CREATE FUNCTION leadlag_week_start(d date, week_starts_on int) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (d - ((extract(dow from d)::int - week_starts_on + 7) % 7))::date $$;

CREATE FUNCTION leadlag_lead_week_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "LeadWeekTotal" AS w ("organizationId", "teamId", "leadMeasureId", "weekStart", total, entries)
  SELECT n."organizationId", n."teamId", n."leadMeasureId", leadlag_week_start(n."entryDate", o."weekStartsOn"),
         sum(n.value::numeric), count(*)::int
    FROM added n
    JOIN "Organization" o ON o.id = n."organizationId"
   GROUP BY 1, 2, 3, 4
  ON CONFLICT ("organizationId", "teamId", "leadMeasureId", "weekStart")
  DO UPDATE SET total = w.total + excluded.total, entries = w.entries + excluded.entries;
  RETURN NULL;
END $$;

-- Subtracts without reading "Organization" (gone already when an organization is deleted): an
-- organization's roll-up rows all use one week start, so the one row of (team, measure) whose
-- week holds the entry's date is the row with weekStart in [date − 6, date].
CREATE FUNCTION leadlag_lead_week_totals_subtract() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows that lose all their entries go…
  WITH d AS (
    SELECT w."organizationId", w."teamId", w."leadMeasureId", w."weekStart", count(*)::int AS entries
      FROM removed r
      JOIN "LeadWeekTotal" w
        ON w."organizationId" = r."organizationId" AND w."teamId" = r."teamId" AND w."leadMeasureId" = r."leadMeasureId"
       AND w."weekStart" BETWEEN r."entryDate" - 6 AND r."entryDate"
     GROUP BY 1, 2, 3, 4
  )
  DELETE FROM "LeadWeekTotal" w
   USING d
   WHERE w."organizationId" = d."organizationId" AND w."teamId" = d."teamId" AND w."leadMeasureId" = d."leadMeasureId"
     AND w."weekStart" = d."weekStart" AND w.entries <= d.entries;
  -- …the others lose what was taken out.
  WITH d AS (
    SELECT w."organizationId", w."teamId", w."leadMeasureId", w."weekStart", sum(r.value::numeric) AS total, count(*)::int AS entries
      FROM removed r
      JOIN "LeadWeekTotal" w
        ON w."organizationId" = r."organizationId" AND w."teamId" = r."teamId" AND w."leadMeasureId" = r."leadMeasureId"
       AND w."weekStart" BETWEEN r."entryDate" - 6 AND r."entryDate"
     GROUP BY 1, 2, 3, 4
  )
  UPDATE "LeadWeekTotal" w
     SET total = w.total - d.total, entries = w.entries - d.entries
    FROM d
   WHERE w."organizationId" = d."organizationId" AND w."teamId" = d."teamId" AND w."leadMeasureId" = d."leadMeasureId"
     AND w."weekStart" = d."weekStart";
  RETURN NULL;
END $$;

CREATE FUNCTION leadlag_lead_week_totals_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "LeadWeekTotal";
  RETURN NULL;
END $$;

-- An organization that moves its week start gets its roll-up rebuilt in its new calendar.
CREATE FUNCTION leadlag_lead_week_totals_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "LeadWeekTotal" WHERE "organizationId" = NEW.id;
  INSERT INTO "LeadWeekTotal" ("organizationId", "teamId", "leadMeasureId", "weekStart", total, entries)
  SELECT e."organizationId", e."teamId", e."leadMeasureId", leadlag_week_start(e."entryDate", NEW."weekStartsOn"),
         sum(e.value::numeric), count(*)::int
    FROM "LeadEntry" e
   WHERE e."organizationId" = NEW.id
   GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;

-- The subtraction runs before the addition on an UPDATE (triggers fire in name order).
CREATE TRIGGER "LeadEntry_week_totals_a_update_old" AFTER UPDATE ON "LeadEntry"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION leadlag_lead_week_totals_subtract();
CREATE TRIGGER "LeadEntry_week_totals_b_update_new" AFTER UPDATE ON "LeadEntry"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION leadlag_lead_week_totals_add();
CREATE TRIGGER "LeadEntry_week_totals_insert" AFTER INSERT ON "LeadEntry"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION leadlag_lead_week_totals_add();
CREATE TRIGGER "LeadEntry_week_totals_delete" AFTER DELETE ON "LeadEntry"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION leadlag_lead_week_totals_subtract();
CREATE TRIGGER "LeadEntry_week_totals_truncate" AFTER TRUNCATE ON "LeadEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION leadlag_lead_week_totals_truncate();
CREATE TRIGGER "Organization_week_totals_rebuild" AFTER UPDATE OF "weekStartsOn" ON "Organization"
  FOR EACH ROW WHEN (OLD."weekStartsOn" IS DISTINCT FROM NEW."weekStartsOn")
  EXECUTE FUNCTION leadlag_lead_week_totals_rebuild();

-- The entries already there.
INSERT INTO "LeadWeekTotal" ("organizationId", "teamId", "leadMeasureId", "weekStart", total, entries)
SELECT e."organizationId", e."teamId", e."leadMeasureId", leadlag_week_start(e."entryDate", o."weekStartsOn"),
       sum(e.value::numeric), count(*)::int
  FROM "LeadEntry" e
  JOIN "Organization" o ON o.id = e."organizationId"
 GROUP BY 1, 2, 3, 4;

-- Taking entries out of the weekly roll-up, faster: a 10,000-row delete (an import replacing
-- cells, a team's history cleared) joined every removed row to the roll-up on a date range,
-- which PostgreSQL planned as a scan of the (team, measure)'s weeks per row — seconds per
-- statement. The removed rows are now summed per (team, measure, day) first (a team's people
-- share a row), and each day finds its week's row by one probe of the primary key.
--
-- Subtract first, then drop the rows left with no entries, found by their keys (the UPDATE
-- returns them): the UPDATE locks those rows until the transaction ends, so no other writer
-- can add to one in between, and a row another writer had added to before the lock is
-- updated as it is now and kept. Still without reading "Organization" (gone already when an organization is
-- deleted): an organization's roll-up rows all use one week start, so the one row of (team,
-- measure) whose week holds a date is the row with weekStart in [date − 6, date].
CREATE OR REPLACE FUNCTION leadlag_lead_week_totals_subtract() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone_org uuid[];
  gone_team uuid[];
  gone_measure uuid[];
  gone_week date[];
BEGIN
  WITH days AS (
    SELECT "organizationId", "teamId", "leadMeasureId", "entryDate", sum(value::numeric) AS total, count(*)::int AS entries
      FROM removed
     GROUP BY 1, 2, 3, 4
  ), d AS (
    SELECT w."organizationId", w."teamId", w."leadMeasureId", w."weekStart", sum(days.total) AS total, sum(days.entries)::int AS entries
      FROM days
      CROSS JOIN LATERAL (
        SELECT x."organizationId", x."teamId", x."leadMeasureId", x."weekStart"
          FROM "LeadWeekTotal" x
         WHERE x."organizationId" = days."organizationId" AND x."teamId" = days."teamId"
           AND x."leadMeasureId" = days."leadMeasureId"
           AND x."weekStart" BETWEEN days."entryDate" - 6 AND days."entryDate"
      ) w
     GROUP BY 1, 2, 3, 4
  ), subtracted AS (
    UPDATE "LeadWeekTotal" w
       SET total = w.total - d.total, entries = w.entries - d.entries
      FROM d
     WHERE w."organizationId" = d."organizationId" AND w."teamId" = d."teamId" AND w."leadMeasureId" = d."leadMeasureId"
       AND w."weekStart" = d."weekStart"
    RETURNING w."organizationId", w."teamId", w."leadMeasureId", w."weekStart", w.entries
  )
  SELECT array_agg("organizationId"), array_agg("teamId"), array_agg("leadMeasureId"), array_agg("weekStart")
    INTO gone_org, gone_team, gone_measure, gone_week
    FROM subtracted
   WHERE entries <= 0;

  IF gone_org IS NOT NULL THEN
    DELETE FROM "LeadWeekTotal" w
     USING unnest(gone_org, gone_team, gone_measure, gone_week) AS g(organization_id, team_id, measure_id, week_start)
     WHERE w."organizationId" = g.organization_id AND w."teamId" = g.team_id AND w."leadMeasureId" = g.measure_id
       AND w."weekStart" = g.week_start AND w.entries <= 0;
  END IF;
  RETURN NULL;
END $$;

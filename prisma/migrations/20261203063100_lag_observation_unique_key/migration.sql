-- A lag observation is identified by its organization, measure, team (null: the organization as a
-- whole) and date; recording it again replaces it. Until now only the application kept that
-- rule (delete, then insert); two writers at once could both insert. The database now keeps it.
--
-- First the duplicates that may exist are removed, keeping the newest (a replacement always
-- inserts a new row, so the newest is the last value recorded). Window partitions group nulls
-- together, so organization-wide duplicates are found too.
DELETE FROM "LagObservation" o
 USING (
   SELECT "organizationId", id,
          row_number() OVER (PARTITION BY "organizationId", "lagMeasureId", "teamId", "observedOn"
                             ORDER BY "createdAt" DESC, id DESC) AS n
     FROM "LagObservation"
 ) d
 WHERE d.n > 1 AND o."organizationId" = d."organizationId" AND o.id = d.id;

-- NULLS NOT DISTINCT (PostgreSQL 15+, PGlite too): two organization-wide results of a measure on
-- one day collide like two results of one team. Prisma's schema cannot say it; it sees the same
-- columns as @@unique([organizationId, lagMeasureId, teamId, observedOn]) in schema.prisma.
CREATE UNIQUE INDEX "LagObservation_organizationId_lagMeasureId_teamId_observedO_key"
    ON "LagObservation"("organizationId", "lagMeasureId", "teamId", "observedOn") NULLS NOT DISTINCT;

-- The request an idempotency key was first used with, as a SHA-256 of its canonical form: a
-- replay with the same key and the same request answers with the stored entry, the same key
-- with a different request is refused (409) instead of silently answered with the first entry.
-- Entries recorded before this have no hash and replay as before.
ALTER TABLE "LeadEntry" ADD COLUMN "idempotencyHash" TEXT;

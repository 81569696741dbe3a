-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('OPEN', 'DONE', 'PARTIAL', 'NOT_DONE');

-- AlterTable
ALTER TABLE "LeadMeasure" ADD COLUMN     "activeFrom" DATE,
ADD COLUMN     "activeTo" DATE;

-- CreateTable
CREATE TABLE "LeadTarget" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "leadMeasureId" UUID NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "weeklyTarget" DOUBLE PRECISION NOT NULL,
    "personWeeklyTarget" DOUBLE PRECISION,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadTarget_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "LeadMeasureOwner" (
    "organizationId" UUID NOT NULL,
    "leadMeasureId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "LeadMeasureOwner_pkey" PRIMARY KEY ("organizationId","leadMeasureId","userId")
);

-- CreateTable
CREATE TABLE "LagDriver" (
    "organizationId" UUID NOT NULL,
    "lagMeasureId" UUID NOT NULL,
    "leadMeasureId" UUID NOT NULL,

    CONSTRAINT "LagDriver_pkey" PRIMARY KEY ("organizationId","lagMeasureId","leadMeasureId")
);

-- CreateTable
CREATE TABLE "Commitment" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "weekStart" DATE NOT NULL,
    "leadMeasureId" UUID,
    "text" TEXT NOT NULL,
    "status" "CommitmentStatus" NOT NULL DEFAULT 'OPEN',
    "reason" TEXT NOT NULL DEFAULT '',
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "weekStart" DATE NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heldById" UUID,
    "notes" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LeadTarget_organizationId_teamId_leadMeasureId_effectiveFro_key" ON "LeadTarget"("organizationId", "teamId", "leadMeasureId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "LagDriver_organizationId_leadMeasureId_idx" ON "LagDriver"("organizationId", "leadMeasureId");

-- CreateIndex
CREATE INDEX "Commitment_organizationId_teamId_weekStart_idx" ON "Commitment"("organizationId", "teamId", "weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_organizationId_teamId_weekStart_key" ON "CheckIn"("organizationId", "teamId", "weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_organizationId_tokenHash_key" ON "ApiToken"("organizationId", "tokenHash");

-- AddForeignKey
ALTER TABLE "LeadTarget" ADD CONSTRAINT "LeadTarget_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadTarget" ADD CONSTRAINT "LeadTarget_organizationId_teamId_leadMeasureId_fkey" FOREIGN KEY ("organizationId", "teamId", "leadMeasureId") REFERENCES "TeamLeadMeasure"("organizationId", "teamId", "leadMeasureId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadMeasureOwner" ADD CONSTRAINT "LeadMeasureOwner_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadMeasureOwner" ADD CONSTRAINT "LeadMeasureOwner_organizationId_leadMeasureId_fkey" FOREIGN KEY ("organizationId", "leadMeasureId") REFERENCES "LeadMeasure"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadMeasureOwner" ADD CONSTRAINT "LeadMeasureOwner_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "Membership"("organizationId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LagDriver" ADD CONSTRAINT "LagDriver_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LagDriver" ADD CONSTRAINT "LagDriver_organizationId_lagMeasureId_fkey" FOREIGN KEY ("organizationId", "lagMeasureId") REFERENCES "LagMeasure"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LagDriver" ADD CONSTRAINT "LagDriver_organizationId_leadMeasureId_fkey" FOREIGN KEY ("organizationId", "leadMeasureId") REFERENCES "LeadMeasure"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "Membership"("organizationId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_organizationId_leadMeasureId_fkey" FOREIGN KEY ("organizationId", "leadMeasureId") REFERENCES "LeadMeasure"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: each existing assignment's target has applied from the beginning. From now on every
-- assignment has at least one dated target row, starting 2000-01-01.
INSERT INTO "LeadTarget" ("organizationId", "id", "teamId", "leadMeasureId", "effectiveFrom", "weeklyTarget", "personWeeklyTarget")
SELECT "organizationId", gen_random_uuid(), "teamId", "leadMeasureId", DATE '2000-01-01', "weeklyTarget", "personWeeklyTarget"
  FROM "TeamLeadMeasure";

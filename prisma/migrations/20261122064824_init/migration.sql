-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'ADMIN', 'MANAGER', 'MEMBER');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "LagKind" AS ENUM ('PERCENTAGE', 'SCORE', 'CURRENCY', 'COUNT', 'DURATION');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('WEEKLY', 'MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "Aggregation" AS ENUM ('COUNT', 'SUM');

-- CreateEnum
CREATE TYPE "EntrySource" AS ENUM ('MANUAL', 'CSV', 'API', 'SEED');

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "weekStartsOn" SMALLINT NOT NULL DEFAULT 1,
    "currency" CHAR(3) NOT NULL DEFAULT 'USD',
    "locale" TEXT NOT NULL DEFAULT 'en-US',
    "greenThreshold" DOUBLE PRECISION NOT NULL DEFAULT 1.0,
    "amberThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("organizationId","userId")
);

-- CreateTable
CREATE TABLE "Team" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Team_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "isLead" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamMember_pkey" PRIMARY KEY ("organizationId","teamId","userId")
);

-- CreateTable
CREATE TABLE "LeadMeasure" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "unit" TEXT NOT NULL DEFAULT '',
    "aggregation" "Aggregation" NOT NULL DEFAULT 'SUM',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "LeadMeasure_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "TeamLeadMeasure" (
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "leadMeasureId" UUID NOT NULL,
    "weeklyTarget" DOUBLE PRECISION NOT NULL,
    "personWeeklyTarget" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamLeadMeasure_pkey" PRIMARY KEY ("organizationId","teamId","leadMeasureId")
);

-- CreateTable
CREATE TABLE "LagMeasure" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "teamId" UUID,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "LagKind" NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "direction" "Direction" NOT NULL,
    "cadence" "Cadence" NOT NULL DEFAULT 'MONTHLY',
    "baselineValue" DOUBLE PRECISION NOT NULL,
    "baselineDate" DATE NOT NULL,
    "targetValue" DOUBLE PRECISION NOT NULL,
    "targetDate" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "LagMeasure_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "LeadEntry" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "leadMeasureId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "entryDate" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "source" "EntrySource" NOT NULL DEFAULT 'MANUAL',
    "idempotencyKey" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeadEntry_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "LagObservation" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "lagMeasureId" UUID NOT NULL,
    "teamId" UUID,
    "observedOn" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "source" "EntrySource" NOT NULL DEFAULT 'MANUAL',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LagObservation_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_organizationId_name_key" ON "Team"("organizationId", "name");

-- CreateIndex
CREATE INDEX "TeamMember_organizationId_userId_idx" ON "TeamMember"("organizationId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "LeadMeasure_organizationId_name_key" ON "LeadMeasure"("organizationId", "name");

-- CreateIndex
CREATE INDEX "TeamLeadMeasure_organizationId_leadMeasureId_idx" ON "TeamLeadMeasure"("organizationId", "leadMeasureId");

-- CreateIndex
CREATE INDEX "LagMeasure_organizationId_teamId_idx" ON "LagMeasure"("organizationId", "teamId");

-- CreateIndex
CREATE UNIQUE INDEX "LagMeasure_organizationId_name_key" ON "LagMeasure"("organizationId", "name");

-- CreateIndex
CREATE INDEX "LeadEntry_organizationId_leadMeasureId_entryDate_idx" ON "LeadEntry"("organizationId", "leadMeasureId", "entryDate");

-- CreateIndex
CREATE INDEX "LeadEntry_organizationId_teamId_entryDate_idx" ON "LeadEntry"("organizationId", "teamId", "entryDate");

-- CreateIndex
CREATE INDEX "LeadEntry_organizationId_userId_entryDate_idx" ON "LeadEntry"("organizationId", "userId", "entryDate");

-- CreateIndex
CREATE UNIQUE INDEX "LeadEntry_organizationId_idempotencyKey_key" ON "LeadEntry"("organizationId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "LagObservation_organizationId_lagMeasureId_observedOn_idx" ON "LagObservation"("organizationId", "lagMeasureId", "observedOn");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_entityType_entityId_idx" ON "AuditEvent"("organizationId", "entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_createdAt_idx" ON "AuditEvent"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamMember" ADD CONSTRAINT "TeamMember_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "Membership"("organizationId", "userId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadMeasure" ADD CONSTRAINT "LeadMeasure_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamLeadMeasure" ADD CONSTRAINT "TeamLeadMeasure_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamLeadMeasure" ADD CONSTRAINT "TeamLeadMeasure_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamLeadMeasure" ADD CONSTRAINT "TeamLeadMeasure_organizationId_leadMeasureId_fkey" FOREIGN KEY ("organizationId", "leadMeasureId") REFERENCES "LeadMeasure"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LagMeasure" ADD CONSTRAINT "LagMeasure_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LagMeasure" ADD CONSTRAINT "LagMeasure_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadEntry" ADD CONSTRAINT "LeadEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadEntry" ADD CONSTRAINT "LeadEntry_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadEntry" ADD CONSTRAINT "LeadEntry_organizationId_leadMeasureId_fkey" FOREIGN KEY ("organizationId", "leadMeasureId") REFERENCES "LeadMeasure"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeadEntry" ADD CONSTRAINT "LeadEntry_organizationId_userId_fkey" FOREIGN KEY ("organizationId", "userId") REFERENCES "Membership"("organizationId", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LagObservation" ADD CONSTRAINT "LagObservation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LagObservation" ADD CONSTRAINT "LagObservation_organizationId_lagMeasureId_fkey" FOREIGN KEY ("organizationId", "lagMeasureId") REFERENCES "LagMeasure"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LagObservation" ADD CONSTRAINT "LagObservation_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

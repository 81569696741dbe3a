-- CreateEnum
CREATE TYPE "ProgramTeamRole" AS ENUM ('PARTICIPANT', 'CONTROL');

-- CreateEnum
CREATE TYPE "CostCategory" AS ENUM ('NEEDS_ASSESSMENT', 'DESIGN_DEVELOPMENT', 'DELIVERY', 'PARTICIPANT_TIME', 'TECHNOLOGY', 'SUPPORT', 'OVERHEAD', 'EVALUATION');

-- CreateEnum
CREATE TYPE "BenefitKind" AS ENUM ('RETENTION', 'REVENUE', 'COST_SAVING', 'MANUAL');

-- CreateEnum
CREATE TYPE "IsolationMethod" AS ENUM ('CONTROL_GROUP', 'TREND_LINE', 'ESTIMATE', 'CONSERVATIVE');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "trainingInflationRate" DOUBLE PRECISION NOT NULL DEFAULT 0.0175;

-- CreateTable
CREATE TABLE "Program" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "averageSalary" DOUBLE PRECISION,
    "rangeSeed" INTEGER NOT NULL DEFAULT 20240601,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Program_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ProgramTeam" (
    "organizationId" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "role" "ProgramTeamRole" NOT NULL,

    CONSTRAINT "ProgramTeam_pkey" PRIMARY KEY ("organizationId","programId","teamId")
);

-- CreateTable
CREATE TABLE "ProgramCost" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "category" "CostCategory" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "incurredOn" DATE NOT NULL,
    "amount" DOUBLE PRECISION NOT NULL,
    "hours" DOUBLE PRECISION,
    "hourlyRate" DOUBLE PRECISION,
    "cohorts" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramCost_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ProgramBenefit" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "BenefitKind" NOT NULL,
    "lagMeasureId" UUID,
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "margin" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "confidence" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "isolationMethod" "IsolationMethod" NOT NULL DEFAULT 'CONSERVATIVE',
    "estimateShare" DOUBLE PRECISION,
    "estimateConfidence" DOUBLE PRECISION,
    "evidence" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramBenefit_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ProgramIntangible" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "programId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgramIntangible_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Program_organizationId_name_key" ON "Program"("organizationId", "name");

-- CreateIndex
CREATE INDEX "ProgramTeam_organizationId_teamId_idx" ON "ProgramTeam"("organizationId", "teamId");

-- CreateIndex
CREATE INDEX "ProgramCost_organizationId_programId_incurredOn_idx" ON "ProgramCost"("organizationId", "programId", "incurredOn");

-- CreateIndex
CREATE INDEX "ProgramBenefit_organizationId_programId_idx" ON "ProgramBenefit"("organizationId", "programId");

-- CreateIndex
CREATE INDEX "ProgramBenefit_organizationId_lagMeasureId_idx" ON "ProgramBenefit"("organizationId", "lagMeasureId");

-- CreateIndex
CREATE INDEX "ProgramIntangible_organizationId_programId_idx" ON "ProgramIntangible"("organizationId", "programId");

-- AddForeignKey
ALTER TABLE "Program" ADD CONSTRAINT "Program_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramTeam" ADD CONSTRAINT "ProgramTeam_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramTeam" ADD CONSTRAINT "ProgramTeam_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "Program"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramTeam" ADD CONSTRAINT "ProgramTeam_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramCost" ADD CONSTRAINT "ProgramCost_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramCost" ADD CONSTRAINT "ProgramCost_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "Program"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramBenefit" ADD CONSTRAINT "ProgramBenefit_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramBenefit" ADD CONSTRAINT "ProgramBenefit_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "Program"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramBenefit" ADD CONSTRAINT "ProgramBenefit_organizationId_lagMeasureId_fkey" FOREIGN KEY ("organizationId", "lagMeasureId") REFERENCES "LagMeasure"("organizationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramIntangible" ADD CONSTRAINT "ProgramIntangible_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgramIntangible" ADD CONSTRAINT "ProgramIntangible_organizationId_programId_fkey" FOREIGN KEY ("organizationId", "programId") REFERENCES "Program"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

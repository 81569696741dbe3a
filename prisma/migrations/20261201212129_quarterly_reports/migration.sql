-- CreateEnum
CREATE TYPE "ReportScope" AS ENUM ('ORGANIZATION', 'PROGRAM');

-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "Report" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "scope" "ReportScope" NOT NULL,
    "programId" UUID,
    "quarter" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "asOf" DATE NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "snapshotSha256" TEXT NOT NULL,
    "pdfSha256" TEXT NOT NULL,
    "pdfPages" INTEGER NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Report_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "ReportExport" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "scope" "ReportScope" NOT NULL,
    "programId" UUID,
    "quarter" TEXT NOT NULL,
    "status" "ExportStatus" NOT NULL DEFAULT 'RUNNING',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "stage" TEXT NOT NULL DEFAULT 'Starting',
    "error" TEXT,
    "reportId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportExport_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE INDEX "Report_organizationId_quarter_createdAt_idx" ON "Report"("organizationId", "quarter", "createdAt");

-- CreateIndex
CREATE INDEX "ReportExport_organizationId_createdAt_idx" ON "ReportExport"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportExport" ADD CONSTRAINT "ReportExport_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

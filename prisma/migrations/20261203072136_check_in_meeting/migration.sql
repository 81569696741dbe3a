-- AlterTable
ALTER TABLE "CheckIn" ADD COLUMN     "decisions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "startedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CheckInMeeting" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "weekStart" DATE NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedById" UUID,
    "step" INTEGER NOT NULL DEFAULT 0,
    "stepStartedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notes" TEXT NOT NULL DEFAULT '',
    "decisions" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "CheckInMeeting_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CheckInMeeting_organizationId_teamId_weekStart_key" ON "CheckInMeeting"("organizationId", "teamId", "weekStart");

-- AddForeignKey
ALTER TABLE "CheckInMeeting" ADD CONSTRAINT "CheckInMeeting_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInMeeting" ADD CONSTRAINT "CheckInMeeting_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

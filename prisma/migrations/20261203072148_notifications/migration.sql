-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('MEMBER_REMINDER', 'CHECK_IN_REMINDER', 'MANAGER_DIGEST', 'EXECUTIVE_DIGEST');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'IN_APP', 'SLACK', 'TEAMS');

-- CreateEnum
CREATE TYPE "NotificationSendStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "onLeaveUntil" DATE;

-- CreateTable
CREATE TABLE "NotificationDefault" (
    "organizationId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "day" SMALLINT NOT NULL,
    "hour" SMALLINT NOT NULL,
    "email" BOOLEAN NOT NULL DEFAULT true,
    "inApp" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "NotificationDefault_pkey" PRIMARY KEY ("organizationId","kind")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "organizationId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "enabled" BOOLEAN NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("organizationId","userId","kind","channel")
);

-- CreateTable
CREATE TABLE "Notification" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "html" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "NotificationSend" (
    "organizationId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "periodKey" TEXT NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "userId" UUID,
    "teamId" UUID,
    "address" TEXT NOT NULL DEFAULT '',
    "message" JSONB NOT NULL,
    "status" "NotificationSendStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationSend_pkey" PRIMARY KEY ("organizationId","id")
);

-- CreateTable
CREATE TABLE "TeamWebhook" (
    "organizationId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "urlSealed" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamWebhook_pkey" PRIMARY KEY ("organizationId","teamId","channel")
);

-- CreateIndex
CREATE INDEX "Notification_organizationId_userId_createdAt_idx" ON "Notification"("organizationId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "NotificationSend_organizationId_status_claimedAt_idx" ON "NotificationSend"("organizationId", "status", "claimedAt");

-- CreateIndex
CREATE INDEX "NotificationSend_organizationId_createdAt_idx" ON "NotificationSend"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationSend_organizationId_recipient_kind_periodKey_ch_key" ON "NotificationSend"("organizationId", "recipient", "kind", "periodKey", "channel");

-- AddForeignKey
ALTER TABLE "NotificationDefault" ADD CONSTRAINT "NotificationDefault_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationSend" ADD CONSTRAINT "NotificationSend_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamWebhook" ADD CONSTRAINT "TeamWebhook_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamWebhook" ADD CONSTRAINT "TeamWebhook_organizationId_teamId_fkey" FOREIGN KEY ("organizationId", "teamId") REFERENCES "Team"("organizationId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "LagMeasure" ADD COLUMN     "ownerId" UUID;

-- CreateIndex
CREATE INDEX "LagMeasure_organizationId_ownerId_idx" ON "LagMeasure"("organizationId", "ownerId");

-- AddForeignKey
ALTER TABLE "LagMeasure" ADD CONSTRAINT "LagMeasure_organizationId_ownerId_fkey" FOREIGN KEY ("organizationId", "ownerId") REFERENCES "Membership"("organizationId", "userId") ON DELETE NO ACTION ON UPDATE CASCADE;

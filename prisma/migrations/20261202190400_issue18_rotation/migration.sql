-- AlterTable
ALTER TABLE "Secret" ADD COLUMN "expiresAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "RotationPolicy" (
    "secretId" TEXT NOT NULL,
    "everySeconds" INTEGER NOT NULL,
    "generator" JSONB NOT NULL,
    "rotator" JSONB,
    "nextRunAt" TIMESTAMPTZ(3) NOT NULL,
    "lastRunAt" TIMESTAMPTZ(3),
    "lastVersion" INTEGER,
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMPTZ(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RotationPolicy_pkey" PRIMARY KEY ("secretId")
);

-- CreateIndex
CREATE INDEX "RotationPolicy_nextRunAt_idx" ON "RotationPolicy"("nextRunAt");

-- AddForeignKey
ALTER TABLE "RotationPolicy" ADD CONSTRAINT "RotationPolicy_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret"("id") ON DELETE CASCADE ON UPDATE CASCADE;

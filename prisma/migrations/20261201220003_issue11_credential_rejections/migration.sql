-- Issue 11, finding 6: rejected bearer tokens are counted here per window,
-- source address and presented prefix; only the first of each key and
-- window, and one summary of the rest, reach the audit chain.

-- CreateTable
CREATE TABLE "CredentialRejection" (
    "kind" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "reported" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CredentialRejection_pkey" PRIMARY KEY ("kind","ip","windowStart","reason","prefix")
);

-- CreateIndex
CREATE INDEX "CredentialRejection_windowStart_idx" ON "CredentialRejection"("windowStart");

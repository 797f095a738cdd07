-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "namespaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecretBinding" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "secretId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "uid" INTEGER NOT NULL DEFAULT 0,
    "gid" INTEGER NOT NULL DEFAULT 0,
    "mode" INTEGER NOT NULL DEFAULT 292,
    "envName" TEXT,
    "key" TEXT,
    "pinnedVersion" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SecretBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceToken" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "ServiceToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecretAccess" (
    "id" TEXT NOT NULL,
    "secretId" TEXT NOT NULL,
    "readerKey" TEXT NOT NULL,
    "readerType" TEXT NOT NULL,
    "readerId" TEXT NOT NULL,
    "readerLabel" TEXT NOT NULL,
    "firstReadAt" TIMESTAMPTZ(3) NOT NULL,
    "lastReadAt" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SecretAccess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Service_namespaceId_name_key" ON "Service"("namespaceId", "name");

-- CreateIndex
CREATE INDEX "SecretBinding_secretId_idx" ON "SecretBinding"("secretId");

-- CreateIndex
CREATE UNIQUE INDEX "SecretBinding_serviceId_target_key" ON "SecretBinding"("serviceId", "target");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceToken_tokenHash_key" ON "ServiceToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ServiceToken_serviceId_idx" ON "ServiceToken"("serviceId");

-- CreateIndex
CREATE INDEX "SecretAccess_readerKey_idx" ON "SecretAccess"("readerKey");

-- CreateIndex
CREATE UNIQUE INDEX "SecretAccess_secretId_readerKey_key" ON "SecretAccess"("secretId", "readerKey");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretBinding" ADD CONSTRAINT "SecretBinding_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretBinding" ADD CONSTRAINT "SecretBinding_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceToken" ADD CONSTRAINT "ServiceToken_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretAccess" ADD CONSTRAINT "SecretAccess_secretId_fkey" FOREIGN KEY ("secretId") REFERENCES "Secret"("id") ON DELETE CASCADE ON UPDATE CASCADE;

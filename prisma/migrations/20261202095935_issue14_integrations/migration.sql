-- CreateTable
CREATE TABLE "Integration" (
    "id" TEXT NOT NULL,
    "namespaceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3),
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "Integration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Integration_tokenHash_key" ON "Integration"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Integration_namespaceId_name_key" ON "Integration"("namespaceId", "name");

-- AddForeignKey
ALTER TABLE "Integration" ADD CONSTRAINT "Integration_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Issue 14: integration:manage, kept equal to lib/rbac/permissions.ts by a
-- test. Owner holds everything, admin everything but reveal/purge/bind, and
-- deployer mints credentials; custom roles are left as they are.
UPDATE "Role" SET "permissions" = array_append("permissions", 'integration:manage')
  WHERE "id" IN ('role_owner', 'role_admin', 'role_deployer') AND NOT ('integration:manage' = ANY ("permissions"));
UPDATE "Role" SET "description" = 'Deploy services: bind secrets, mint service tokens and integrations. Binding grants reading: a service''s tokens read every bound value.' WHERE "id" = 'role_deployer';

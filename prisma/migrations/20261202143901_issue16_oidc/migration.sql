-- CreateTable
CREATE TABLE "OidcGroupMapping" (
    "id" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "namespaceId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OidcGroupMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OidcMappedGrant" (
    "bindingId" TEXT NOT NULL,
    "mappingId" TEXT,

    CONSTRAINT "OidcMappedGrant_pkey" PRIMARY KEY ("bindingId")
);

-- CreateIndex
CREATE INDEX "OidcGroupMapping_group_idx" ON "OidcGroupMapping"("group");

-- AddForeignKey
ALTER TABLE "OidcGroupMapping" ADD CONSTRAINT "OidcGroupMapping_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OidcGroupMapping" ADD CONSTRAINT "OidcGroupMapping_namespaceId_fkey" FOREIGN KEY ("namespaceId") REFERENCES "Namespace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OidcMappedGrant" ADD CONSTRAINT "OidcMappedGrant_bindingId_fkey" FOREIGN KEY ("bindingId") REFERENCES "RoleBinding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OidcMappedGrant" ADD CONSTRAINT "OidcMappedGrant_mappingId_fkey" FOREIGN KEY ("mappingId") REFERENCES "OidcGroupMapping"("id") ON DELETE SET NULL ON UPDATE CASCADE;

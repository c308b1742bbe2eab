-- The compliance gate: each organisation keeps its own list of the documents it asks of
-- contractors, and each trade says which of them it requires. The free-text names each
-- trade kept become the organisation's document types (one per name, any case).
CREATE TABLE "DocumentType" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DocumentType_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "DocumentType_organisationId_name_key" ON "DocumentType"("organisationId", "name");
-- One name per document, whatever its case.
CREATE UNIQUE INDEX "DocumentType_organisationId_lower_name_key" ON "DocumentType"("organisationId", lower("name"));
ALTER TABLE "DocumentType" ADD CONSTRAINT "DocumentType_organisationId_fkey"
    FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "DocumentRequirement" (
    "categoryId" TEXT NOT NULL,
    "documentTypeId" TEXT NOT NULL,
    CONSTRAINT "DocumentRequirement_pkey" PRIMARY KEY ("categoryId", "documentTypeId")
);
CREATE INDEX "DocumentRequirement_documentTypeId_idx" ON "DocumentRequirement"("documentTypeId");
ALTER TABLE "DocumentRequirement" ADD CONSTRAINT "DocumentRequirement_categoryId_fkey"
    FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "DocumentRequirement" ADD CONSTRAINT "DocumentRequirement_documentTypeId_fkey"
    FOREIGN KEY ("documentTypeId") REFERENCES "DocumentType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Ids in the shape of the app's (c + 24 lowercase characters).
INSERT INTO "DocumentType" ("id", "organisationId", "name")
SELECT 'c' || substr(md5(random()::text || c."organisationId" || lower(trim(required.name))), 1, 24), c."organisationId", min(trim(required.name))
FROM "Category" c CROSS JOIN LATERAL unnest(c."requiredAccreditations") AS required(name)
WHERE trim(required.name) <> ''
GROUP BY c."organisationId", lower(trim(required.name));

INSERT INTO "DocumentRequirement" ("categoryId", "documentTypeId")
SELECT DISTINCT c.id, d.id
FROM "Category" c CROSS JOIN LATERAL unnest(c."requiredAccreditations") AS required(name)
JOIN "DocumentType" d ON d."organisationId" = c."organisationId" AND lower(d.name) = lower(trim(required.name));

ALTER TABLE "Category" DROP COLUMN "requiredAccreditations";

-- Offered although required documents were missing or expired: the manager's override.
ALTER TABLE "Assignment" ADD COLUMN "complianceOverride" JSONB;

-- CreateTable
CREATE TABLE "CspReport" (
    "id" TEXT NOT NULL,
    "documentUri" TEXT NOT NULL,
    "effectiveDirective" TEXT NOT NULL,
    "blockedUri" TEXT,
    "sourceFile" TEXT,
    "lineNumber" INTEGER,
    "sample" TEXT,
    "userAgent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CspReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CspReport_createdAt_idx" ON "CspReport"("createdAt");

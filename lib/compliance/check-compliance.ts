import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { TTx } from "@/lib/db";
import { decideCompliance, type TComplianceDecision } from "./decide-compliance";

type TReader = Pick<TTx | PrismaClient, "documentRequirement" | "accreditation">;

// The documents a trade of the organisation requires, by name (none without a trade).
export async function requiredDocuments(reader: TReader, categoryId: string | null): Promise<string[]> {
  if (!categoryId) return [];
  const requirements = await reader.documentRequirement.findMany({
    where: { categoryId },
    select: { documentType: { select: { name: true } } },
    orderBy: { documentType: { name: "asc" } },
  });
  return requirements.map((r) => r.documentType.name);
}

// The gate's decision for each company, from the company's own accreditations (not a
// technician's) against what the work order's trade requires.
export async function checkCompliance(
  reader: TReader,
  categoryId: string | null,
  companyIds: string[],
  now: Date,
): Promise<Map<string, TComplianceDecision>> {
  const required = await requiredDocuments(reader, categoryId);
  const held =
    required.length && companyIds.length
      ? await reader.accreditation.findMany({
          where: { contractorCompanyId: { in: companyIds }, personId: null },
          select: { contractorCompanyId: true, type: true, expiresAt: true },
        })
      : [];
  return new Map(
    companyIds.map((id) => [
      id,
      decideCompliance(
        required,
        held.filter((h) => h.contractorCompanyId === id),
        now,
      ),
    ]),
  );
}

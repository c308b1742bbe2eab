import "server-only";
import type { ContractorRole } from "@/generated/prisma/client";
import type { TTx } from "@/lib/db";

// Who hears about a task on the contractor side: its office (admins and office staff, or
// the roles given) who can still sign in.
export async function contractorOfficeEmails(
  tx: TTx,
  contractorCompanyId: string,
  roles: readonly ContractorRole[] = ["ADMIN", "OFFICE"],
): Promise<string[]> {
  const people = await tx.contractorPerson.findMany({
    where: { contractorCompanyId, active: true, role: { in: [...roles] }, user: { deactivatedAt: null } },
    select: { user: { select: { email: true } } },
  });
  return people.map((p) => p.user.email);
}

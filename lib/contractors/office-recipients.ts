import "server-only";
import type { TTx } from "@/lib/db";

// Who hears about a task on the contractor side: its office (admins and office staff)
// who can still sign in.
export async function contractorOfficeEmails(tx: TTx, contractorCompanyId: string): Promise<string[]> {
  const people = await tx.contractorPerson.findMany({
    where: { contractorCompanyId, active: true, role: { in: ["ADMIN", "OFFICE"] }, user: { deactivatedAt: null } },
    select: { user: { select: { email: true } } },
  });
  return people.map((p) => p.user.email);
}

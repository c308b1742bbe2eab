import "server-only";
import type { StaffRole } from "@/generated/prisma/client";
import type { TTx } from "@/lib/db";

// Who hears about money on the client side: the organisation's admins and managers (the
// roles that decide on invoices and not-to-exceed increases, or the roles given) who can
// still sign in.
export async function staffApproverEmails(
  tx: TTx,
  organisationId: string,
  roles: readonly StaffRole[] = ["ADMIN", "MANAGER"],
): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { organisationId, role: { in: [...roles] }, user: { deactivatedAt: null } },
    select: { user: { select: { email: true } } },
  });
  return members.map((m) => m.user.email);
}

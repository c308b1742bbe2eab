import "server-only";
import type { TTx } from "@/lib/db";

// Who hears about money on the client side: the organisation's admins and managers (the
// roles that decide on invoices and not-to-exceed increases) who can still sign in.
export async function staffApproverEmails(tx: TTx, organisationId: string): Promise<string[]> {
  const members = await tx.membership.findMany({
    where: { organisationId, role: { in: ["ADMIN", "MANAGER"] }, user: { deactivatedAt: null } },
    select: { user: { select: { email: true } } },
  });
  return members.map((m) => m.user.email);
}

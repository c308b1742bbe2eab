import "server-only";
import { db } from "@/lib/db";

// Where a person lands after signing in: their own area.
export async function homeForUser(userId: string): Promise<string> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      memberships: { select: { id: true }, take: 1 },
      contractorPersons: { where: { active: true }, select: { role: true } },
    },
  });
  if (!user) return "/signin";
  if (user.memberships.length) return "/staff";
  if (user.contractorPersons.some((p) => p.role !== "TECHNICIAN")) return "/desk";
  if (user.contractorPersons.length) return "/tech";
  return "/signin";
}

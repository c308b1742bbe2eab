import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { siteScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

export async function listSites(actor: TStaffActor) {
  return db.site.findMany({
    where: siteScope(actor),
    orderBy: { name: "asc" },
    include: { _count: { select: { workOrders: true } } },
  });
}

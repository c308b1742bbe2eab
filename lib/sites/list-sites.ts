import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { siteScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { byNaturalName } from "@/lib/lists/natural-order";

export async function listSites(actor: TStaffActor) {
  const sites = await db.site.findMany({
    where: siteScope(actor),
    include: { _count: { select: { workOrders: true } } },
  });
  return byNaturalName(sites);
}

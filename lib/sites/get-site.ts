import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { siteScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";

export async function getSite(actor: TStaffActor, siteId: string) {
  if (!isId(siteId)) throw notFound("Site");
  const site = await db.site.findFirst({
    where: { ...siteScope(actor), id: siteId },
    include: { assets: { orderBy: { name: "asc" }, include: { _count: { select: { workOrders: true } } } } },
  });
  if (!site) throw notFound("Site");
  return site;
}

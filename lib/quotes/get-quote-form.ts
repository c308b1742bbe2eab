import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { workOrderScope } from "@/lib/authz/scopes";
import { documentKey } from "@/lib/compliance/decide-compliance";
import { listNetworkContractors } from "@/lib/contractors/list-network-contractors";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { now as presentMoment } from "@/lib/time/now";

// What the request form needs: the work order (its trade and the site's clock) and the
// network companies that work in its trade (a network link without trades counts for
// every trade), each with the compliance gate's decision; suspended companies are left out.
export async function getQuoteForm(actor: TStaffActor, workOrderId: string, now = presentMoment()) {
  if (!isId(workOrderId)) throw notFound("Work order");
  const workOrder = await db.workOrder.findFirst({
    where: { ...workOrderScope(actor), id: workOrderId, archivedAt: null },
    select: {
      id: true,
      number: true,
      title: true,
      description: true,
      categoryId: true,
      category: { select: { name: true } },
      site: { select: { name: true, city: true, timezone: true } },
    },
  });
  if (!workOrder) throw notFound("Work order");
  const [contractors, links] = await Promise.all([
    listNetworkContractors(actor, workOrder.categoryId, now),
    db.networkLink.findMany({
      where: { organisationId: actor.organisationId },
      select: { contractorCompanyId: true, trades: true },
    }),
  ]);
  const trade = workOrder.category ? documentKey(workOrder.category.name) : null;
  const tradesOf = new Map(links.map((l) => [l.contractorCompanyId, l.trades.map(documentKey)]));
  return {
    workOrder,
    zone: workOrder.site.timezone ?? actor.organisationTimeZone,
    contractors: contractors.filter((c) => {
      const trades = tradesOf.get(c.id) ?? [];
      return c.status !== "SUSPENDED" && (!trade || trades.length === 0 || trades.includes(trade));
    }),
  };
}

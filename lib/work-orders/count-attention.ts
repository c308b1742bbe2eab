import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { countAccreditationAlerts } from "@/lib/accreditations/list-accreditation-alerts";
import { EXPIRING_SOON_DAYS } from "@/lib/contractors/accreditation-status";
import { db } from "@/lib/db";
import { COUNT_CAP } from "@/lib/lists/count-cap";
import { ATTENTION } from "./attention";
import { countWorkOrders } from "./list-work-orders";
import { ZWorkOrderListSchema } from "./schemas";

export type TAttentionCount = { key: string; label: string; href: string; matches: number; more: boolean };

// The staff home's "needs attention" groups with their counts, each a link to the list
// that shows them: work orders as the list counts them, submitted invoices, and the
// network's accreditations about to lapse.
export async function countAttention(actor: TStaffActor, now = new Date()): Promise<TAttentionCount[]> {
  const workOrders = ATTENTION.map(async ({ needs, label }) => {
    const { matches, more } = await countWorkOrders(actor, ZWorkOrderListSchema.parse({ needs }), now);
    return { key: needs, label, href: `/staff?needs=${needs}`, matches, more };
  });
  const invoices = db.invoice
    .findMany({
      where: { organisationId: actor.organisationId, status: "SUBMITTED" },
      select: { id: true },
      take: COUNT_CAP + 1,
    })
    .then((rows) => ({
      key: "invoices",
      label: "Invoices waiting for approval",
      href: "/staff/invoices?status=SUBMITTED",
      matches: Math.min(rows.length, COUNT_CAP),
      more: rows.length > COUNT_CAP,
    }));
  const accreditations = countAccreditationAlerts(actor, now).then((matches) => ({
    key: "accreditations",
    label: `Contractor accreditations expired or expiring within ${EXPIRING_SOON_DAYS} days`,
    href: "/staff/contractors?accreditations=expiring",
    matches,
    more: false,
  }));
  return Promise.all([...workOrders, invoices, accreditations]);
}

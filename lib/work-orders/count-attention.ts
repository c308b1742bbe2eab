import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { countAccreditationAlerts } from "@/lib/accreditations/list-accreditation-alerts";
import { EXPIRING_SOON_DAYS } from "@/lib/contractors/accreditation-status";
import { db } from "@/lib/db";
import { GLANCE_CAP } from "@/lib/lists/count-cap";
import { ATTENTION } from "./attention";
import { countWorkOrderSets } from "./list-work-orders";
import { ZWorkOrderListSchema } from "./schemas";

export type TAttentionCount = { key: string; label: string; href: string; matches: number; more: boolean };

// The staff home's "needs attention" groups with their counts, each a link to the list
// that shows them: work orders as the list counts them (one statement for every group),
// submitted invoices, and the network's accreditations about to lapse. Each is counted up
// to GLANCE_CAP.
export async function countAttention(actor: TStaffActor, now = new Date()): Promise<TAttentionCount[]> {
  const workOrders = countWorkOrderSets(
    actor,
    ATTENTION.map(({ needs }) => ({ filters: ZWorkOrderListSchema.parse({ needs }), cap: GLANCE_CAP })),
    now,
  ).then((counts) =>
    ATTENTION.map(({ needs, label }, i) => ({ key: needs, label, href: `/staff?needs=${needs}`, ...counts[i] })),
  );
  const invoices = db.$queryRaw<{ matches: number }[]>`
    SELECT count(*)::int AS matches FROM (
      SELECT 1 FROM "Invoice" i WHERE i."organisationId" = ${actor.organisationId} AND i.status = 'SUBMITTED'
      LIMIT ${GLANCE_CAP + 1}) capped`.then(([{ matches }]) => ({
    key: "invoices",
    label: "Invoices waiting for approval",
    href: "/staff/invoices?status=SUBMITTED",
    matches: Math.min(matches, GLANCE_CAP),
    more: matches > GLANCE_CAP,
  }));
  const accreditations = countAccreditationAlerts(actor, now).then((matches) => ({
    key: "accreditations",
    label: `Contractor accreditations expired or expiring within ${EXPIRING_SOON_DAYS} days`,
    href: "/staff/contractors?accreditations=expiring",
    matches: Math.min(matches, GLANCE_CAP),
    more: matches > GLANCE_CAP,
  }));
  const [groups, ...others] = await Promise.all([workOrders, invoices, accreditations]);
  return [...groups, ...others];
}

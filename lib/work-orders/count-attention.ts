import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { Prisma } from "@/generated/prisma/client";
import { accreditationAlertsCountRead } from "@/lib/accreditations/list-accreditation-alerts";
import { readTogether, type TRead } from "@/lib/database/read-together";
import { EXPIRING_SOON_DAYS } from "@/lib/contractors/accreditation-status";
import { GLANCE_CAP } from "@/lib/lists/count-cap";
import { ATTENTION } from "./attention";
import { workOrderCountsRead } from "./list-work-orders";
import { ZWorkOrderListSchema } from "./schemas";

export type TAttentionCount = { key: string; label: string; href: string; matches: number; more: boolean };

// The staff home's "needs attention" groups with their counts, each a link to the list
// that shows them: work orders as the list counts them, submitted invoices, and the
// network's accreditations about to lapse, each up to GLANCE_CAP, as one read of the page.
export function attentionRead(actor: TStaffActor, now = new Date()): TRead<TAttentionCount[]> {
  const workOrders = workOrderCountsRead(
    actor,
    ATTENTION.map(({ needs }) => ({ filters: ZWorkOrderListSchema.parse({ needs }), cap: GLANCE_CAP })),
    now,
  );
  const accreditations = accreditationAlertsCountRead(actor, GLANCE_CAP, now);
  const capped = (matches: number) => ({ matches: Math.min(matches, GLANCE_CAP), more: matches > GLANCE_CAP });
  return {
    sql: Prisma.sql`SELECT json_build_array((${workOrders.sql}), (SELECT count(*)::int FROM (
      SELECT 1 FROM "Invoice" i WHERE i."organisationId" = ${actor.organisationId} AND i.status = 'SUBMITTED'
      LIMIT ${GLANCE_CAP + 1}) capped), (${accreditations.sql}))`,
    read: (value) => {
      const [groups, invoices, alerts] = value as [unknown, number, unknown];
      return [
        ...workOrders.read(groups).map((count, i) => ({
          key: ATTENTION[i].needs,
          label: ATTENTION[i].label,
          href: `/staff?needs=${ATTENTION[i].needs}`,
          ...count,
        })),
        {
          key: "invoices",
          label: "Invoices waiting for approval",
          href: "/staff/invoices?status=SUBMITTED",
          ...capped(invoices),
        },
        {
          key: "accreditations",
          label: `Contractor accreditations expired or expiring within ${EXPIRING_SOON_DAYS} days`,
          href: "/staff/contractors?accreditations=expiring",
          ...capped(accreditations.read(alerts)),
        },
      ];
    },
  };
}

export async function countAttention(actor: TStaffActor, now = new Date()): Promise<TAttentionCount[]> {
  const [attention] = await readTogether([attentionRead(actor, now)]);
  return attention;
}

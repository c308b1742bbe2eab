import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { ATTENTION } from "./attention";
import { countWorkOrders } from "./list-work-orders";
import { ZWorkOrderListSchema } from "./schemas";

// The staff home's "needs attention" groups with their counts, as the list counts them.
export async function countAttention(actor: TStaffActor, now = new Date()) {
  return Promise.all(
    ATTENTION.map(async ({ needs, label }) => {
      const { matches, more } = await countWorkOrders(actor, ZWorkOrderListSchema.parse({ needs }), now);
      return { needs, label, matches, more };
    }),
  );
}

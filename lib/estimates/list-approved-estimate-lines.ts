import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { estimateLineScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { priceEstimate } from "./price-estimate";

// The approved estimate a contractor works to, in the client's currency.
export async function listApprovedEstimateLines(actor: TDeskActor, workOrderId: string, currency: string) {
  const lines = await db.estimateLine.findMany({
    where: { AND: [estimateLineScope(actor), { workOrderId }] },
    orderBy: { position: "asc" },
  });
  return priceEstimate(lines, currency);
}

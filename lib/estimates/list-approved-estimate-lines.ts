import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { estimateLineScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { readCountRule } from "./counted-lines";
import { listLineComments } from "./line-comments";
import { priceEstimate } from "./price-estimate";

// The approved estimate a contractor works to, in the client's currency: each current
// line with the manager's approval and the customer's decision, which of them count, and
// the comments on them.
export async function listApprovedEstimateLines(actor: TDeskActor, workOrderId: string, currency: string) {
  const lines = await db.estimateLine.findMany({
    where: { AND: [estimateLineScope(actor), { workOrderId, supersededAt: null }] },
    orderBy: { position: "asc" },
  });
  if (lines.length === 0) return { ...priceEstimate([], currency), comments: [] };
  const [rule, comments] = await Promise.all([
    readCountRule(db, lines[0].organisationId),
    listLineComments(actor, workOrderId),
  ]);
  return { ...priceEstimate(lines, currency, rule), comments };
}

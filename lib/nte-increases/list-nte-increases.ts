import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { nteIncreaseScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { sumLines } from "@/lib/money/sum-lines";

type TRequestedLine = {
  description: string;
  quantity: string;
  unitCode: string;
  unitPrice: string;
  taxPercent: string;
};

// A work order's requests for a higher not-to-exceed, newest first, each with its lines
// and their net (what the amount would rise by).
export async function listNteIncreases(
  actor: TStaffActor | TDeskActor,
  where: { workOrderId: string } | { assignmentId: string },
) {
  const requests = await db.nteIncreaseRequest.findMany({
    where: { ...nteIncreaseScope(actor), ...where },
    orderBy: { createdAt: "desc" },
  });
  return requests.map((request) => {
    const lines = request.lines as TRequestedLine[];
    return { ...request, lines, extra: sumLines(lines, request.currency) };
  });
}

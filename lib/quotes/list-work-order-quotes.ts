import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { now as presentMoment } from "@/lib/time/now";
import { quotePhase } from "./quote-phase";

// The requests for quote of one work order, newest first, each with where it stands.
export async function listWorkOrderQuotes(actor: TStaffActor, workOrderId: string, now = presentMoment()) {
  const requests = await db.quoteRequest.findMany({
    where: { organisationId: actor.organisationId, workOrderId },
    orderBy: { createdAt: "desc" },
    select: { id: true, status: true, deadline: true, sealed: true, _count: { select: { invitations: true } } },
  });
  return requests.map((request) => ({ ...request, phase: quotePhase(request, now) }));
}

import { withActor } from "@/lib/actions/route";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";
import { streamWorkOrderChanges } from "@/lib/realtime/stream-work-order-changes";
import { getWorkOrder } from "@/lib/work-orders/get-work-order";

export const dynamic = "force-dynamic";

// Server-sent events: the staff work order page refreshes when anyone changes it.
export const GET = withActor("staff", "workOrder.read", async (actor, request, params: { id: string }) => {
  if (!isId(params.id)) throw notFound("Work order");
  const workOrder = await getWorkOrder(actor, params.id);
  return streamWorkOrderChanges(workOrder.id, request.signal);
});

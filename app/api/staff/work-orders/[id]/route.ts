import { withActor } from "@/lib/actions/route";
import { invalidInput } from "@/lib/errors";
import { ZIdSchema } from "@/lib/ids";
import { getWorkOrder } from "@/lib/work-orders/get-work-order";

export const GET = withActor("staff", "workOrder.read", async (actor, _request, params: { id: string }) => {
  if (!ZIdSchema.safeParse(params.id).success) throw invalidInput("Malformed work order id");
  return { workOrder: await getWorkOrder(actor, params.id) };
});

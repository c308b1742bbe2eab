import { withActor } from "@/lib/actions/route";
import { exportWorkOrdersCsv } from "@/lib/work-orders/export-work-orders";
import { ZWorkOrderListSchema } from "@/lib/work-orders/schemas";

export const dynamic = "force-dynamic";

export const GET = withActor("staff", "workOrder.read", async (actor, request) => {
  const filters = ZWorkOrderListSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportWorkOrdersCsv(actor, { ...filters, after: undefined }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="work-orders-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});

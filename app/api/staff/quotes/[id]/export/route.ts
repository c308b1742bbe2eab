import { withActor } from "@/lib/actions/route";
import { exportComparisonCsv } from "@/lib/quotes/export-comparison";

export const dynamic = "force-dynamic";

export const GET = withActor("staff", "workOrder.read", async (actor, _request, params: { id: string }) => {
  const { csv, number } = await exportComparisonCsv(actor, params.id);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="quotes-work-order-${number}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});

import "server-only";
import type { TTx } from "@/lib/db";

// The request's live task (its contractor's), locked, and that task's live visit.
export async function lockLiveTask(tx: TTx, requestId: string) {
  const [task] = await tx.$queryRaw<
    {
      id: string;
      status: string;
      version: number;
      organisationId: string;
      workOrderId: string;
      contractorCompanyId: string;
    }[]
  >`
    SELECT a.id, a.status::text, a.version, a."organisationId", a."workOrderId", a."contractorCompanyId"
    FROM "Assignment" a JOIN "TenantRequest" r ON r."workOrderId" = a."workOrderId"
    WHERE r.id = ${requestId} AND a.status NOT IN ('DECLINED', 'CANCELLED')
    ORDER BY a."createdAt" DESC LIMIT 1 FOR UPDATE OF a`;
  if (!task) return { task: null, visit: null };
  const visit = await tx.visit.findFirst({
    where: { assignmentId: task.id, status: { in: ["BOOKED", "PROPOSED"] } },
    orderBy: { createdAt: "desc" },
  });
  return { task, visit };
}

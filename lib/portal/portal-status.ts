import type { AssignmentStatus, WorkOrderStatus } from "@/generated/prisma/client";

export type TPortalStatus = { headline: string; tone: "neutral" | "info" | "warning" | "success" };

// The one status a customer reads: where their job stands in their words, from the work
// order and its current task (never the contractor's internal steps).
export function portalStatus(workOrder: WorkOrderStatus, task: AssignmentStatus | null): TPortalStatus {
  if (workOrder === "CANCELLED") return { headline: "Cancelled", tone: "neutral" };
  if (workOrder === "COMPLETED" || task === "REVIEWED" || task === "INVOICED")
    return { headline: "Completed", tone: "success" };
  switch (task) {
    case null:
    case "OFFERED":
    case "DECLINED":
    case "CANCELLED":
      return { headline: "Received: a contractor is being arranged", tone: "info" };
    case "ACCEPTED":
      return { headline: "Contractor booked: the visit date is being arranged", tone: "info" };
    case "SCHEDULED":
      return { headline: "Visit booked", tone: "info" };
    case "IN_PROGRESS":
      return { headline: "Work under way on site", tone: "warning" };
    case "REVISIT":
      return { headline: "Another visit is needed", tone: "warning" };
    case "PERFORMED":
    case "COMPLETED":
      return { headline: "Work done: being checked", tone: "success" };
  }
}

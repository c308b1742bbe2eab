import type { AssignmentStatus } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";

// Time and costs are recorded on work the company has taken on, until it is invoiced
// (work done before a task was withdrawn still counts).
export function workTimeOpen(status: AssignmentStatus): void {
  if (status === "OFFERED" || status === "DECLINED")
    throw new AppError("INVALID_TRANSITION", "Accept the task before recording time or costs on it.");
  if (status === "INVOICED")
    throw new AppError("INVALID_TRANSITION", "This task is invoiced: time and costs can no longer be added.");
}

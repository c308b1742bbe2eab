import "server-only";
import { statusLabel } from "@/lib/statuses/status-words";
import type { AssignmentStatus } from "@/generated/prisma/client";
import { formatDuration } from "@/lib/work-time/parse-duration";
import { describeTechnicianChange } from "@/lib/timeline/describe-event";

// The technician's short history of a task, in plain words; office-only detail stays out.
// seesMessages: the contractor lets its technicians read the thread with the client.
export function describeForTechnician(
  event: { type: string; data: unknown },
  { seesMessages }: { seesMessages: boolean },
): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  switch (event.type) {
    case "assignment.offered":
      return "offered the task to the company";
    case "assignment.status_changed":
      return `moved it to ${statusLabel(data.to as AssignmentStatus).toLowerCase()}${data.reason ? `: “${data.reason}”` : ""}${describeTechnicianChange(data) ? ` and ${describeTechnicianChange(data)}` : ""}`;
    case "assignment.technicians_assigned":
    case "assignment.technicians_removed":
      return describeTechnicianChange(data) || "changed the technicians";
    case "technician.checked_in":
      return "arrived on site";
    case "technician.check_in_located":
      return "added the location of the arrival";
    case "technician.result_recorded":
      return `recorded ${data.serviceTask}`;
    case "technician.defect_reported":
      return `reported a ${String(data.severity).toLowerCase()} defect`;
    case "attachment.uploaded":
      return `added ${data.filename}`;
    case "message.posted":
      if (seesMessages && data.excerpt) return `wrote: “${data.excerpt}”`;
      return data.from === "client"
        ? "wrote to your office"
        : data.from === "contractor"
          ? "wrote to the client"
          : "wrote a message";
    case "work.time_recorded":
      return `recorded ${formatDuration(Number(data.minutes))} of ${String(data.labourType).toLowerCase()} time for ${data.person}`;
    // Technicians never see prices: a cost is only named.
    case "work.cost_recorded":
      return `recorded a cost: ${data.description}`;
    default:
      return "updated the task";
  }
}

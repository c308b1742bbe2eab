import type { AssignmentStatus, WorkOrderStatus } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { statusLabel } from "@/lib/statuses/status-words";

// The one state machine for a contractor's task (SPEC §2). Every caller moves a task
// through `transition`, so a refused move is refused the same way everywhere.
export type TTaskEvent =
  | "accept"
  | "decline"
  | "schedule"
  | "checkIn"
  | "requestRevisit"
  | "perform"
  | "complete"
  | "review"
  | "sendBack"
  | "invoice"
  | "cancel";

export type TTaskParty = "staff" | "desk" | "tech" | "system";

type TRule = { from: readonly AssignmentStatus[]; to: AssignmentStatus; by: readonly TTaskParty[] };

export const TRANSITIONS: Record<TTaskEvent, TRule> = {
  accept: { from: ["OFFERED"], to: "ACCEPTED", by: ["desk"] },
  decline: { from: ["OFFERED"], to: "DECLINED", by: ["desk", "system"] },
  // A technician books the visits of their own tasks (agreed with a tenant on the phone).
  schedule: { from: ["ACCEPTED", "SCHEDULED", "REVISIT"], to: "SCHEDULED", by: ["desk", "tech", "system"] },
  checkIn: { from: ["ACCEPTED", "SCHEDULED", "REVISIT", "IN_PROGRESS"], to: "IN_PROGRESS", by: ["tech", "desk"] },
  requestRevisit: { from: ["IN_PROGRESS"], to: "REVISIT", by: ["tech", "desk"] },
  perform: { from: ["IN_PROGRESS"], to: "PERFORMED", by: ["tech", "desk"] },
  // Offices that do not use the technician app complete straight from the schedule.
  complete: { from: ["ACCEPTED", "SCHEDULED", "IN_PROGRESS", "REVISIT", "PERFORMED"], to: "COMPLETED", by: ["desk"] },
  // The system reviews work only when it auto-approves its invoice (lib/invoices).
  review: { from: ["COMPLETED"], to: "REVIEWED", by: ["staff", "system"] },
  sendBack: { from: ["COMPLETED"], to: "IN_PROGRESS", by: ["staff"] },
  invoice: { from: ["REVIEWED"], to: "INVOICED", by: ["desk", "staff", "system"] },
  cancel: {
    from: ["OFFERED", "ACCEPTED", "SCHEDULED", "IN_PROGRESS", "REVISIT", "PERFORMED"],
    to: "CANCELLED",
    by: ["staff", "system"],
  },
};

export function canTransition(status: AssignmentStatus, event: TTaskEvent, party: TTaskParty): boolean {
  const rule = TRANSITIONS[event];
  return rule.from.includes(status) && rule.by.includes(party);
}

export function transition(status: AssignmentStatus, event: TTaskEvent, party: TTaskParty): AssignmentStatus {
  const rule = TRANSITIONS[event];
  if (!rule.by.includes(party)) throw new AppError("FORBIDDEN", `You cannot ${event} this task.`);
  if (!rule.from.includes(status)) {
    throw new AppError(
      "INVALID_TRANSITION",
      `A task that is ${statusLabel(status).toLowerCase()} cannot be moved by "${event}".`,
    );
  }
  return rule.to;
}

// Where a technician may still do work on site: record results, report defects, add
// photos (and, once performed, add what the office still needs).
export const WORKABLE_STATUSES: readonly AssignmentStatus[] = [
  "ACCEPTED",
  "SCHEDULED",
  "IN_PROGRESS",
  "REVISIT",
  "PERFORMED",
];
export const isWorkable = (status: AssignmentStatus) => WORKABLE_STATUSES.includes(status);

// Where the office may add technicians to a task: accepted and not yet performed.
export const TECHNICIAN_ASSIGNABLE: readonly AssignmentStatus[] = ["ACCEPTED", "SCHEDULED", "IN_PROGRESS", "REVISIT"];
export const canAssignTechnicians = (status: AssignmentStatus) => TECHNICIAN_ASSIGNABLE.includes(status);

// Open statuses: at most one live assignment per work order.
export const LIVE_STATUSES: AssignmentStatus[] = [
  "OFFERED",
  "ACCEPTED",
  "SCHEDULED",
  "IN_PROGRESS",
  "REVISIT",
  "PERFORMED",
  "COMPLETED",
  "REVIEWED",
  "INVOICED",
];

export function workOrderStatusFor(status: AssignmentStatus): WorkOrderStatus {
  switch (status) {
    case "OFFERED":
    case "ACCEPTED":
    case "SCHEDULED":
      return "ASSIGNED";
    case "IN_PROGRESS":
    case "REVISIT":
    case "PERFORMED":
      return "IN_PROGRESS";
    case "COMPLETED":
      return "AWAITING_REVIEW";
    case "REVIEWED":
    case "INVOICED":
      return "COMPLETED";
    case "DECLINED":
    case "CANCELLED":
      return "OPEN";
  }
}

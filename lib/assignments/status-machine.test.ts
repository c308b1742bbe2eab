import { describe, expect, it } from "vitest";
import type { AssignmentStatus, WorkOrderStatus } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { canTransition, transition, workOrderStatusFor, type TTaskEvent, type TTaskParty } from "./status-machine";

const ALL_STATUSES: AssignmentStatus[] = [
  "OFFERED",
  "ACCEPTED",
  "DECLINED",
  "SCHEDULED",
  "IN_PROGRESS",
  "REVISIT",
  "PERFORMED",
  "COMPLETED",
  "REVIEWED",
  "INVOICED",
  "CANCELLED",
];
const PARTIES: TTaskParty[] = ["staff", "desk", "tech", "system"];
const EVENTS: TTaskEvent[] = [
  "accept",
  "decline",
  "schedule",
  "checkIn",
  "requestRevisit",
  "perform",
  "complete",
  "review",
  "sendBack",
  "invoice",
  "cancel",
];

// Every allowed move, written out from SPEC §2 (not computed from the code's rules):
// event, from, to, and who may make it. Anything not listed is refused.
const ALLOWED = `
  accept          OFFERED      ACCEPTED     desk
  decline         OFFERED      DECLINED     desk system
  schedule        ACCEPTED     SCHEDULED    desk tech system
  schedule        SCHEDULED    SCHEDULED    desk tech system
  schedule        REVISIT      SCHEDULED    desk tech system
  checkIn         ACCEPTED     IN_PROGRESS  tech desk
  checkIn         SCHEDULED    IN_PROGRESS  tech desk
  checkIn         REVISIT      IN_PROGRESS  tech desk
  checkIn         IN_PROGRESS  IN_PROGRESS  tech desk
  requestRevisit  IN_PROGRESS  REVISIT      tech desk
  perform         IN_PROGRESS  PERFORMED    tech desk
  complete        ACCEPTED     COMPLETED    desk
  complete        SCHEDULED    COMPLETED    desk
  complete        IN_PROGRESS  COMPLETED    desk
  complete        REVISIT      COMPLETED    desk
  complete        PERFORMED    COMPLETED    desk
  review          COMPLETED    REVIEWED     staff system
  sendBack        COMPLETED    IN_PROGRESS  staff
  invoice         REVIEWED     INVOICED     desk staff system
  cancel          OFFERED      CANCELLED    staff system
  cancel          ACCEPTED     CANCELLED    staff system
  cancel          SCHEDULED    CANCELLED    staff system
  cancel          IN_PROGRESS  CANCELLED    staff system
  cancel          REVISIT      CANCELLED    staff system
  cancel          PERFORMED    CANCELLED    staff system
`
  .trim()
  .split("\n")
  .map((line) => {
    const [event, from, to, ...by] = line.trim().split(/\s+/);
    return {
      event: event as TTaskEvent,
      from: from as AssignmentStatus,
      to: to as AssignmentStatus,
      by: by as TTaskParty[],
    };
  });

const WORK_ORDER_STATUS: Record<AssignmentStatus, WorkOrderStatus> = {
  OFFERED: "ASSIGNED",
  ACCEPTED: "ASSIGNED",
  SCHEDULED: "ASSIGNED",
  IN_PROGRESS: "IN_PROGRESS",
  REVISIT: "IN_PROGRESS",
  PERFORMED: "IN_PROGRESS",
  COMPLETED: "AWAITING_REVIEW",
  REVIEWED: "COMPLETED",
  INVOICED: "COMPLETED",
  DECLINED: "OPEN",
  CANCELLED: "OPEN",
};

function refusal(status: AssignmentStatus, event: TTaskEvent, party: TTaskParty): unknown {
  try {
    transition(status, event, party);
  } catch (error) {
    return error;
  }
  return null;
}

describe("task state machine", () => {
  for (const event of EVENTS) {
    for (const status of ALL_STATUSES) {
      for (const party of PARTIES) {
        const row = ALLOWED.find((r) => r.event === event && r.from === status && r.by.includes(party));
        it(`${event} from ${status} by ${party}: ${row ? `→ ${row.to}` : "refused"}`, () => {
          expect(canTransition(status, event, party)).toBe(Boolean(row));
          if (row) return expect(transition(status, event, party)).toBe(row.to);
          // A party that may never make this move is forbidden; one that may, from
          // another status, is told the move does not fit the task's state.
          const mayEver = ALLOWED.some((r) => r.event === event && r.by.includes(party));
          const error = refusal(status, event, party);
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe(mayEver ? "INVALID_TRANSITION" : "FORBIDDEN");
        });
      }
    }
  }

  it("lets nothing leave a declined, cancelled or invoiced task", () => {
    for (const terminal of ["DECLINED", "CANCELLED", "INVOICED"] as AssignmentStatus[]) {
      expect(EVENTS.filter((e) => PARTIES.some((p) => canTransition(terminal, e, p)))).toEqual([]);
    }
  });

  it("maps every task status to its work order's status", () => {
    for (const status of ALL_STATUSES) expect(workOrderStatusFor(status), status).toBe(WORK_ORDER_STATUS[status]);
  });
});

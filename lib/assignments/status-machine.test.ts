import { describe, expect, it } from "vitest";
import type { AssignmentStatus } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { canTransition, transition, TRANSITIONS, workOrderStatusFor, type TTaskEvent, type TTaskParty } from "./status-machine";

const ALL_STATUSES: AssignmentStatus[] = ["OFFERED", "ACCEPTED", "DECLINED", "SCHEDULED", "IN_PROGRESS", "REVISIT", "PERFORMED", "COMPLETED", "REVIEWED", "INVOICED", "CANCELLED"];
const PARTIES: TTaskParty[] = ["staff", "desk", "tech", "system"];

describe("task state machine", () => {
  for (const [event, rule] of Object.entries(TRANSITIONS) as [TTaskEvent, (typeof TRANSITIONS)[TTaskEvent]][]) {
    for (const status of ALL_STATUSES) {
      for (const party of PARTIES) {
        const allowed = rule.from.includes(status) && rule.by.includes(party);
        it(`${event} from ${status} by ${party} is ${allowed ? "allowed" : "refused"}`, () => {
          expect(canTransition(status, event, party)).toBe(allowed);
          if (allowed) {
            expect(transition(status, event, party)).toBe(rule.to);
          } else {
            const error = (() => {
              try {
                transition(status, event, party);
              } catch (e) {
                return e;
              }
            })();
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe(rule.by.includes(party) ? "INVALID_TRANSITION" : "FORBIDDEN");
          }
        });
      }
    }
  }

  it("has terminal states that nothing leaves except invoicing a reviewed task", () => {
    for (const terminal of ["DECLINED", "CANCELLED", "INVOICED"] as AssignmentStatus[]) {
      const exits = (Object.keys(TRANSITIONS) as TTaskEvent[]).filter((e) => PARTIES.some((p) => canTransition(terminal, e, p)));
      expect(exits).toEqual([]);
    }
  });

  it("maps every task status to a work order status", () => {
    expect(workOrderStatusFor("OFFERED")).toBe("ASSIGNED");
    expect(workOrderStatusFor("IN_PROGRESS")).toBe("IN_PROGRESS");
    expect(workOrderStatusFor("COMPLETED")).toBe("AWAITING_REVIEW");
    expect(workOrderStatusFor("REVIEWED")).toBe("COMPLETED");
    expect(workOrderStatusFor("DECLINED")).toBe("OPEN");
  });
});

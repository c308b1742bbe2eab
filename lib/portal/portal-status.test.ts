import { describe, expect, it } from "vitest";
import { portalStatus } from "./portal-status";

describe("the status a customer reads", () => {
  it.each([
    ["OPEN", null, "Received: a contractor is being arranged"],
    ["ASSIGNED", "OFFERED", "Received: a contractor is being arranged"],
    ["OPEN", "DECLINED", "Received: a contractor is being arranged"],
    ["ASSIGNED", "ACCEPTED", "Contractor booked: the visit date is being arranged"],
    ["ASSIGNED", "SCHEDULED", "Visit booked"],
    ["IN_PROGRESS", "IN_PROGRESS", "Work under way on site"],
    ["IN_PROGRESS", "REVISIT", "Another visit is needed"],
    ["IN_PROGRESS", "PERFORMED", "Work done: being checked"],
    ["AWAITING_REVIEW", "COMPLETED", "Work done: being checked"],
    ["AWAITING_REVIEW", "REVIEWED", "Completed"],
    ["COMPLETED", "INVOICED", "Completed"],
    ["CANCELLED", "CANCELLED", "Cancelled"],
  ] as const)("work order %s, task %s: %s", (workOrder, task, headline) => {
    expect(portalStatus(workOrder, task).headline).toBe(headline);
  });
});

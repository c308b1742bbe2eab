import { describe, expect, it } from "vitest";
import { ZAddAccreditationSchema } from "@/lib/accreditations/schemas";
import {
  ZAcceptAssignmentSchema,
  ZBulkEditTasksSchema,
  ZCompleteAssignmentSchema,
  ZScheduleAssignmentSchema,
} from "@/lib/assignments/schemas";
import { ZCreateWorkOrderSchema } from "@/lib/work-orders/schemas";

const id = `c${"a".repeat(24)}`;
const messageFor = (
  result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } },
  field: string,
) => result.error?.issues.find((issue) => issue.path[0] === field)?.message;

// Every form that takes a date refuses one the calendar or the database cannot hold.
describe("dates in every form", () => {
  const impossible = ["0000-01-01T09:00", "20266-01-01T09:00", "-0001-01-01T09:00", "2027-02-31T09:00"];

  it.each(impossible)("a visit, a plan, a bulk edit and an on-site time refuse %s", (value) => {
    expect(
      messageFor(ZScheduleAssignmentSchema.safeParse({ assignmentId: id, scheduledAt: value }), "scheduledAt"),
    ).toMatch(/^Enter a real date and time/);
    expect(messageFor(ZAcceptAssignmentSchema.safeParse({ assignmentId: id, plannedAt: value }), "plannedAt")).toMatch(
      /^Enter a real date and time/,
    );
    expect(
      messageFor(ZBulkEditTasksSchema.safeParse({ assignmentIds: [id], scheduledAt: value }), "scheduledAt"),
    ).toMatch(/^Enter a real date and time/);
    expect(
      messageFor(ZCompleteAssignmentSchema.safeParse({ assignmentId: id, actualOnSiteAt: value }), "actualOnSiteAt"),
    ).toMatch(/^Enter a real date and time/);
  });

  it.each(impossible.map((v) => v.slice(0, -6)))("a due date and an expiry date refuse %s", (value) => {
    expect(
      messageFor(ZCreateWorkOrderSchema.safeParse({ title: "Boiler", siteId: id, dueAt: value }), "dueAt"),
    ).toMatch(/^Enter a real date between/);
    expect(
      messageFor(ZAddAccreditationSchema.safeParse({ companyId: id, type: "Gas Safe", expiresAt: value }), "expiresAt"),
    ).toMatch(/^Enter a real date between/);
  });

  it("takes real ones: a visit as the wall clock typed (read later in its site's zone), a day as midnight UTC", () => {
    expect(ZBulkEditTasksSchema.parse({ assignmentIds: [id], scheduledAt: "2027-06-30T09:00" }).scheduledAt).toEqual({
      kind: "local",
      clock: { year: 2027, month: 6, day: 30, hour: 9, minute: 0, second: 0 },
    });
    expect(
      ZCreateWorkOrderSchema.parse({ title: "Boiler", siteId: id, dueAt: "2028-02-29" }).dueAt?.toISOString(),
    ).toBe("2028-02-29T00:00:00.000Z");
  });
});

describe("date filters in the address bar", () => {
  it("drop an impossible day instead of failing the list", async () => {
    const { ZWorkOrderListSchema } = await import("@/lib/work-orders/schemas");
    expect(ZWorkOrderListSchema.parse({ createdFrom: "2027-02-31", dueTo: "0000-01-01" })).toMatchObject({
      createdFrom: undefined,
      dueTo: undefined,
    });
    expect(ZWorkOrderListSchema.parse({ createdFrom: "2027-02-28" }).createdFrom).toBe("2027-02-28");
  });
});

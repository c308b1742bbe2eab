import { describe, expect, it } from "vitest";
import { reminderTimes } from "./reminder-times";

const at = (iso: string) => new Date(iso);
const kinds = (times: { kind: string; dueAt: Date }[]) => times.map((t) => `${t.kind} ${t.dueAt.toISOString()}`);

describe("reminderTimes", () => {
  it("sends the day before at the organisation's hour and at 07:00 on the site's clock", () => {
    const times = reminderTimes(
      { startsAt: at("2027-06-15T09:30:00Z"), zone: "Europe/London" },
      18,
      at("2027-06-01T12:00:00Z"),
    );
    // BST: 18:00 = 17:00 UTC, 07:00 = 06:00 UTC.
    expect(kinds(times)).toEqual(["DAY_BEFORE 2027-06-14T17:00:00.000Z", "MORNING 2027-06-15T06:00:00.000Z"]);
  });

  it("keeps local hours across a clock change between the reminder and the visit", () => {
    // London goes back on 31 Oct 2027 at 02:00: the Saturday is BST, the Monday GMT.
    expect(
      kinds(
        reminderTimes({ startsAt: at("2027-11-01T10:00:00Z"), zone: "Europe/London" }, 18, at("2027-10-20T00:00:00Z")),
      ),
    ).toEqual(["DAY_BEFORE 2027-10-31T18:00:00.000Z", "MORNING 2027-11-01T07:00:00.000Z"]);
    // New York goes forward on 14 Mar 2027: 18:00 EST on the 13th, 07:00 EDT on the 14th.
    expect(
      kinds(
        reminderTimes(
          { startsAt: at("2027-03-14T15:00:00Z"), zone: "America/New_York" },
          18,
          at("2027-03-01T00:00:00Z"),
        ),
      ),
    ).toEqual(["DAY_BEFORE 2027-03-13T23:00:00.000Z", "MORNING 2027-03-14T11:00:00.000Z"]);
  });

  it("sends only the morning reminder for a visit booked after the day-before hour", () => {
    const times = reminderTimes(
      { startsAt: at("2027-06-15T13:00:00Z"), zone: "Europe/London" },
      18,
      at("2027-06-14T19:00:00Z"),
    );
    expect(kinds(times)).toEqual(["MORNING 2027-06-15T06:00:00.000Z"]);
  });

  it("sends one reminder, the day before, for a visit before 07:00", () => {
    const times = reminderTimes(
      { startsAt: at("2027-06-15T05:00:00Z"), zone: "Europe/London" },
      18,
      at("2027-06-01T00:00:00Z"),
    );
    expect(kinds(times)).toEqual(["DAY_BEFORE 2027-06-14T17:00:00.000Z"]);
  });

  it("sends nothing for a visit booked the same morning, and follows the organisation's hour", () => {
    expect(
      reminderTimes({ startsAt: at("2027-06-15T13:00:00Z"), zone: "Europe/London" }, 18, at("2027-06-15T08:00:00Z")),
    ).toEqual([]);
    expect(
      kinds(
        reminderTimes({ startsAt: at("2027-06-15T13:00:00Z"), zone: "Europe/London" }, 9, at("2027-06-01T00:00:00Z")),
      ),
    ).toEqual(["DAY_BEFORE 2027-06-14T08:00:00.000Z", "MORNING 2027-06-15T06:00:00.000Z"]);
  });
});

import { describe, expect, it } from "vitest";
import { isPastDue, pastDueAsOf } from "./past-due";
import {
  dayInZone,
  formatDayInZone,
  formatInZone,
  formatCalendarDay,
  formatMoment,
  formatVisit,
  readWallClock,
  startOfDayInZone,
  startOfNextDayInZone,
} from "./zones";

const clock = (text: string) => {
  const [day, time] = text.split("T");
  const [year, month, date] = day.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return { year, month, day: date, hour, minute, second: 0 };
};

describe("wall clocks in a zone, across daylight-saving changes", () => {
  it("reads an ordinary time exactly", () => {
    expect(readWallClock(clock("2026-07-01T09:30"), "America/New_York")).toEqual({
      kind: "exact",
      instant: new Date("2026-07-01T13:30:00Z"),
    });
    expect(readWallClock(clock("2026-12-02T10:00"), "Australia/Sydney")).toEqual({
      kind: "exact",
      instant: new Date("2026-12-01T23:00:00Z"),
    });
  });

  it("knows a time inside the spring-forward gap does not exist", () => {
    // New York: 2026-03-08 02:00 EST becomes 03:00 EDT. Sydney: 2026-10-04 02:00 becomes 03:00.
    expect(readWallClock(clock("2026-03-08T02:30"), "America/New_York")).toEqual({ kind: "nonexistent" });
    expect(readWallClock(clock("2026-10-04T02:15"), "Australia/Sydney")).toEqual({ kind: "nonexistent" });
    expect(readWallClock(clock("2026-03-08T03:00"), "America/New_York")).toEqual({
      kind: "exact",
      instant: new Date("2026-03-08T07:00:00Z"),
    });
  });

  it("knows a time inside the fall-back overlap happens twice, earlier first", () => {
    // New York: 2026-11-01 02:00 EDT goes back to 01:00 EST.
    expect(readWallClock(clock("2026-11-01T01:30"), "America/New_York")).toEqual({
      kind: "ambiguous",
      earlier: new Date("2026-11-01T05:30:00Z"),
      later: new Date("2026-11-01T06:30:00Z"),
    });
    // Sydney: 2026-04-05 03:00 AEDT goes back to 02:00 AEST.
    expect(readWallClock(clock("2026-04-05T02:30"), "Australia/Sydney")).toMatchObject({ kind: "ambiguous" });
  });

  it("writes a visit in its site's zone, naming the zone only where the reader's clock differs", () => {
    const visit = new Date("2026-11-02T14:00:00Z");
    expect(formatVisit(visit, "America/New_York", "America/New_York")).toBe("Mon 2 Nov 2026, 09:00");
    expect(formatVisit(visit, "America/New_York", "Europe/London")).toBe("Mon 2 Nov 2026, 09:00 New York time");
    expect(formatVisit(visit, "America/New_York", null)).toBe("Mon 2 Nov 2026, 09:00 New York time");
    // London and Lisbon keep the same clock in winter: no need to name it.
    expect(formatVisit(new Date("2026-01-10T08:00:00Z"), "Europe/London", "Europe/Lisbon")).toBe(
      "Sat 10 Jan 2026, 08:00",
    );
  });

  it("writes a moment on the reader's clock, naming the zone when the reader's is unknown or differs", () => {
    const sent = new Date("2026-07-01T13:05:00Z");
    expect(formatMoment(sent, "Europe/London", "Europe/London")).toBe("1 Jul 2026, 14:05");
    expect(formatMoment(sent, "Australia/Sydney", null)).toBe("1 Jul 2026, 23:05 Sydney time");
    expect(formatMoment(sent, "UTC", null)).toBe("1 Jul 2026, 13:05 UTC");
    // A calendar day is the same day for every reader, wherever they are.
    expect(formatCalendarDay(new Date("2026-07-01T00:00:00Z"))).toBe("1 Jul 2026");
  });

  it("knows an organisation's day: its start and end as instants, on a day the clocks change", () => {
    expect(dayInZone(new Date("2026-12-01T23:00:00Z"), "Australia/Sydney")).toBe("2026-12-02");
    expect(dayInZone(new Date("2026-12-01T23:00:00Z"), "Europe/London")).toBe("2026-12-01");
    expect(startOfDayInZone("2026-10-04", "Australia/Sydney")).toEqual(new Date("2026-10-03T14:00:00Z"));
    // That day in Sydney has 23 hours.
    expect(
      startOfNextDayInZone("2026-10-04", "Australia/Sydney").getTime() -
        startOfDayInZone("2026-10-04", "Australia/Sydney").getTime(),
    ).toBe(23 * 3_600_000);
  });
});

describe("a time the clocks pass twice", () => {
  it("says which of the two it is, on the office's pages and on the phone", async () => {
    const { formatSiteTime } = await import("./site-clock");
    // 1 November 2026: New York's clocks go back from 02:00 EDT to 01:00 EST.
    const first = new Date("2026-11-01T05:30:00Z");
    const second = new Date("2026-11-01T06:30:00Z");
    expect(formatVisit(first, "America/New_York", "America/New_York")).toBe(
      "Sun 1 Nov 2026, 01:30 (the earlier of the two, as the clocks go back)",
    );
    expect(formatVisit(second, "America/New_York", "Europe/London")).toBe(
      "Sun 1 Nov 2026, 01:30 New York time (the later of the two, as the clocks go back)",
    );
    expect(formatVisit(new Date("2026-11-01T08:30:00Z"), "America/New_York", "America/New_York")).toBe(
      "Sun 1 Nov 2026, 03:30",
    );
    expect(formatSiteTime(second, "America/New_York", "America/New_York")).toMatch(
      /^Sun 1 Nov( 2026)?, 01:30 \(the later of the two, as the clocks go back\)$/,
    );
  });
});

describe("calendar days read in a zone, fast", () => {
  it("agree with date-fns's formatting for every month, at the edges of the day, across zones", () => {
    for (const zone of ["Europe/London", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata", "UTC"])
      for (let month = 0; month < 12; month++)
        for (const hour of [0, 11, 13, 23]) {
          const instant = new Date(Date.UTC(2026, month, month + 1, hour, 30));
          expect(dayInZone(instant, zone)).toBe(formatInZone(instant, zone, "yyyy-MM-dd"));
          expect(formatDayInZone(instant, zone)).toBe(formatInZone(instant, zone, "d MMM yyyy"));
          const due = new Date(Date.UTC(2026, month, month + 1));
          const passed = startOfNextDayInZone(due.toISOString().slice(0, 10), zone) <= instant;
          expect(isPastDue(due, zone, instant)).toBe(passed);
          const judge = pastDueAsOf(instant);
          expect([judge(due, zone), judge(due, zone), judge(null, zone)]).toEqual([passed, passed, false]);
        }
  });
});

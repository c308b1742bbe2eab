import { describe, expect, it } from "vitest";
import { formatSiteClock, formatSiteTime, formatSiteWindow, readSiteInput, siteInputValue } from "./site-clock";

const year = new Date().getFullYear();
// 09:00 in New York, 14:00 in London (both on winter time).
const visit = new Date(`${year}-01-12T14:00:00Z`);

describe("times on the technician's phone, on the site's clock", () => {
  it("shows the site's wall clock, naming the zone only when the phone's clock differs", () => {
    const weekday = new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" }).format(visit);
    expect(formatSiteTime(visit, "America/New_York", "Europe/London")).toBe(`${weekday} 12 Jan, 09:00 New York time`);
    expect(formatSiteTime(visit, "America/New_York", "America/New_York")).toBe(`${weekday} 12 Jan, 09:00`);
    expect(formatSiteTime(new Date("2020-07-01T08:30:00Z"), "Europe/London", "Europe/London")).toBe(
      "Wed 1 Jul 2020, 09:30",
    );
    expect(formatSiteClock(visit, "America/New_York", "Europe/London")).toBe("09:00 New York time");
    // Another zone on the same clock at that moment needs no name.
    expect(formatSiteClock(visit, "Europe/Lisbon", "Europe/London")).toBe("14:00");
  });

  it("writes a tenant's window on the site's clock, the end's day only when it differs", () => {
    const weekday = (d: Date) => new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: "UTC" }).format(d);
    const end = new Date(`${year}-01-12T17:00:00Z`);
    expect(formatSiteWindow(visit, end, "America/New_York", "Europe/London")).toBe(
      `${weekday(visit)} 12 Jan, 09:00–12:00 New York time`,
    );
    expect(formatSiteWindow(visit, end, "America/New_York", "America/New_York")).toBe(
      `${weekday(visit)} 12 Jan, 09:00–12:00`,
    );
    // 22:00 to 02:00 in London, across midnight, in another year.
    expect(
      formatSiteWindow(
        new Date("2020-07-01T21:00:00Z"),
        new Date("2020-07-02T01:00:00Z"),
        "Europe/London",
        "Europe/London",
      ),
    ).toBe("Wed 1 Jul 2020, 22:00–Thu 2 Jul 2020, 02:00");
  });

  it("writes and reads the datetime-local value on the site's clock, across clock changes", () => {
    expect(siteInputValue(visit, "America/New_York")).toBe(`${year}-01-12T09:00`);
    expect(readSiteInput("2026-12-01T09:05", "America/New_York")).toEqual({
      kind: "exact",
      instant: new Date("2026-12-01T14:05:00Z"),
    });
    // 2:30 on 8 March 2026 never happens in New York; 1:30 on 1 November 2026 happens twice.
    expect(readSiteInput("2026-03-08T02:30", "America/New_York")).toEqual({ kind: "nonexistent" });
    expect(readSiteInput("2026-11-01T01:30", "America/New_York")).toEqual({
      kind: "ambiguous",
      earlier: new Date("2026-11-01T05:30:00Z"),
      later: new Date("2026-11-01T06:30:00Z"),
    });
    expect(readSiteInput("2026-02-30T10:00", "America/New_York")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { requiredCalendarDay, requiredDateTime, ZOptionalDateTimeSchema } from "./calendar";
import { isDeviceInstant } from "./wall-clock";

const dateTime = (text: string | undefined) => ZOptionalDateTimeSchema.safeParse(text);

describe("dates typed into forms", () => {
  it("reads a datetime-local value exactly, as the time shown on every page", () => {
    expect(dateTime("2027-06-30T14:05").data?.toISOString()).toBe("2027-06-30T14:05:00.000Z");
    expect(dateTime("2028-02-29T23:59:59").data?.toISOString()).toBe("2028-02-29T23:59:59.000Z");
    expect(dateTime("").data).toBeUndefined();
    expect(dateTime(undefined).data).toBeUndefined();
  });

  it.each([
    ["31 February", "2027-02-31T10:00"],
    ["29 February of a common year", "2027-02-29T10:00"],
    ["year 0", "0000-01-01T10:00"],
    ["a negative year", "-0005-01-01T10:00"],
    ["a five-digit year", "20266-01-01T10:00"],
    ["year 1899", "1899-12-31T10:00"],
    ["hour 24", "2027-06-30T24:00"],
    ["month 13", "2027-13-01T10:00"],
    ["a date without a time", "2027-06-30"],
    ["words", "next Tuesday"],
  ])("refuses %s with a message", (_what, text) => {
    const parsed = dateTime(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/^Enter a real date and time between 1900 and 2999/);
  });

  it("a required one names what is missing", () => {
    expect(requiredDateTime("Choose the date of the visit").safeParse("").error?.issues[0].message).toBe(
      "Choose the date of the visit",
    );
    expect(requiredDateTime("Choose the date of the visit").safeParse("2027-06-30T09:00").data?.toISOString()).toBe(
      "2027-06-30T09:00:00.000Z",
    );
  });

  it("reads calendar days the same way", () => {
    const day = requiredCalendarDay("Enter the expiry date");
    expect(day.safeParse("2027-06-30").data?.toISOString()).toBe("2027-06-30T00:00:00.000Z");
    expect(day.safeParse("").error?.issues[0].message).toBe("Enter the expiry date");
    for (const bad of ["2027-02-31", "0000-01-01", "99999-01-01", "30/06/2027"])
      expect(day.safeParse(bad).success).toBe(false);
  });
});

describe("instants sent by a device", () => {
  it("accepts ISO 8601 with an offset in a usable year", () => {
    expect(isDeviceInstant("2027-06-30T14:05:09.123+01:00")).toBe(true);
    expect(isDeviceInstant("2027-06-30T14:05:09Z")).toBe(true);
  });

  it("refuses year 0, impossible days, five-digit years and missing offsets", () => {
    for (const bad of [
      "0000-01-01T00:00:00Z",
      "2027-02-31T10:00:00Z",
      "+020266-01-01T00:00:00Z",
      "2027-06-30T14:05:09",
      "yesterday",
      "1800-01-01T00:00:00Z",
    ]) {
      expect(isDeviceInstant(bad), bad).toBe(false);
    }
  });
});

import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./parse-duration";

describe("durations as people type them", () => {
  it.each([
    ["1:30", 90],
    ["0:05", 5],
    ["24:00", 1440],
    ["1.5", 90],
    ["1,5", 90],
    ["2", 120],
    ["0.25", 15],
    ["0.01", 1],
    ["0.1", 6],
    ["  3:15 ", 195],
    ["1:60", null],
    ["-1", null],
    ["1.555", null],
    ["abc", null],
    ["", null],
  ])("%j is %j minutes", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each([
    [45, "45 min"],
    [60, "1 h"],
    [90, "1 h 30 min"],
  ])("%i minutes read %s", (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});

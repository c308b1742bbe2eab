import { describe, expect, it } from "vitest";
import {
  FIRST_QUALITY,
  MAX_CANVAS_PIXELS,
  MAX_PHOTO_LONG_EDGE,
  QUALITY_FLOOR,
  TARGET_PHOTO_BYTES,
  firstEncodeAttempt,
  fitWithin,
  nextEncodeAttempt,
  photoSize,
  planDownscaleSteps,
  thumbnailSize,
  type TEncodeAttempt,
  type TSize,
} from "./photo-size";

const size = (width: number, height: number): TSize => ({ width, height });
const area = (s: TSize) => s.width * s.height;

// The other side, rounded from the aspect ratio, may differ from the exact value by half a
// pixel (or be clamped to 1).
function expectAspectKept(source: TSize, output: TSize) {
  const exactHeight = (output.width * source.height) / source.width;
  expect(Math.abs(output.height - Math.max(1, exactHeight))).toBeLessThanOrEqual(1);
}

describe("photoSize", () => {
  it.each([
    ["tiny", size(100, 50), size(100, 50)],
    ["1 × 1", size(1, 1), size(1, 1)],
    ["exactly 1920 wide", size(1920, 1080), size(1920, 1080)],
    ["exactly 1920 square", size(1920, 1920), size(1920, 1920)],
    ["one pixel over", size(1921, 1080), size(1920, 1079)],
    ["12 MP landscape", size(4032, 3024), size(1920, 1440)],
    ["12 MP portrait", size(3024, 4032), size(1440, 1920)],
    ["48 MP (8000 × 6000)", size(8000, 6000), size(1920, 1440)],
    ["panorama 20000 × 1000", size(20000, 1000), size(1920, 96)],
    ["tall panorama 1000 × 20000", size(1000, 20000), size(96, 1920)],
    ["a one-pixel line", size(100_000, 1), size(1920, 1)],
    ["at the canvas limit (4096²)", size(4096, 4096), size(1920, 1920)],
  ])("%s", (_name, source, expected) => {
    expect(photoSize(source)).toEqual(expected);
  });

  it("never upscales, keeps the aspect ratio, and stays under 1920 px and the canvas limit", () => {
    const sides = [
      1, 2, 3, 7, 240, 319, 320, 321, 1079, 1919, 1920, 1921, 3000, 4095, 4096, 4097, 6000, 8000, 12_000, 20_000,
      65_535,
    ];
    for (const width of sides) {
      for (const height of sides) {
        const source = size(width, height);
        const output = photoSize(source);
        expect(Math.max(output.width, output.height)).toBeLessThanOrEqual(MAX_PHOTO_LONG_EDGE);
        expect(output.width).toBeLessThanOrEqual(width);
        expect(output.height).toBeLessThanOrEqual(height);
        expect(Math.min(output.width, output.height)).toBeGreaterThanOrEqual(1);
        expect(area(output)).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
        if (width >= height) expectAspectKept(source, output);
        else expectAspectKept(size(height, width), size(output.height, output.width));
      }
    }
  });

  it.each([
    ["zero", size(0, 100)],
    ["negative", size(100, -1)],
    ["fractional", size(100.5, 100)],
    ["not a number", size(Number.NaN, 100)],
    ["infinite", size(Number.POSITIVE_INFINITY, 100)],
  ])("refuses a %s size", (_name, source) => {
    expect(() => photoSize(source)).toThrow(RangeError);
  });
});

describe("fitWithin with no long-edge limit (intermediate canvases)", () => {
  it("leaves a canvas exactly at 16,777,216 pixels alone", () => {
    expect(fitWithin(size(4096, 4096), Infinity)).toEqual(size(4096, 4096));
    expect(fitWithin(size(8192, 2048), Infinity)).toEqual(size(8192, 2048));
  });

  it.each([size(4097, 4096), size(8000, 6000), size(20_000, 1000), size(16_385, 1024), size(65_535, 65_535)])(
    "brings %o under the limit",
    (source) => {
      const output = fitWithin(source, Infinity);
      expect(area(output)).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
      // ...without wasting more than a rounding's worth (one row and one column) of it
      expect(area(output) + output.width + output.height).toBeGreaterThan(MAX_CANVAS_PIXELS);
      expectAspectKept(source, output);
    },
  );
});

describe("thumbnailSize", () => {
  it.each([
    [size(1920, 1440), size(320, 240)],
    [size(1440, 1920), size(240, 320)],
    [size(1920, 96), size(320, 16)],
    [size(200, 100), size(200, 100)],
    [size(1, 1), size(1, 1)],
  ])("%o → %o", (photo, expected) => {
    expect(thumbnailSize(photo)).toEqual(expected);
  });
});

describe("planDownscaleSteps", () => {
  function expectSensibleSteps(source: TSize, target: TSize) {
    const steps = planDownscaleSteps(source, target);
    expect(steps.at(-1)).toEqual(target);
    let previous = source;
    for (const step of steps) {
      expect(area(step)).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
      expect(step.width).toBeLessThanOrEqual(previous.width);
      expect(step.height).toBeLessThanOrEqual(previous.height);
      expect(step.width).toBeGreaterThanOrEqual(target.width);
      expect(step.height).toBeGreaterThanOrEqual(target.height);
      previous = step;
    }
    return steps;
  }

  it("halves a 48 MP photo twice before the last step", () => {
    expect(expectSensibleSteps(size(8000, 6000), size(1920, 1440))).toEqual([
      size(4000, 3000),
      size(2000, 1500),
      size(1920, 1440),
    ]);
  });

  it("draws once when the source is already the target size or within a factor of two", () => {
    expect(planDownscaleSteps(size(1920, 1440), size(1920, 1440))).toEqual([size(1920, 1440)]);
    expect(planDownscaleSteps(size(3000, 2250), size(1920, 1440))).toEqual([size(1920, 1440)]);
  });

  it("never halves by more than two per step, except to get under the canvas limit", () => {
    const steps = expectSensibleSteps(size(20_000, 1000), size(1920, 96));
    expect(steps).toEqual([size(10_000, 500), size(5000, 250), size(2500, 125), size(1920, 96)]);
  });

  it("keeps the first step of a huge image under the canvas limit", () => {
    const steps = expectSensibleSteps(size(20_000, 20_000), size(1920, 1920));
    expect(steps[0]).toEqual(size(4096, 4096));
    expectSensibleSteps(size(16_000, 12_000), size(1920, 1440));
    expectSensibleSteps(size(65_535, 65_535), size(1920, 1920));
  });

  it("handles a one-pixel line without looping", () => {
    expect(expectSensibleSteps(size(100_000, 1), size(1920, 1))).toHaveLength(6);
  });

  it("plans the thumbnail from the photo", () => {
    expect(expectSensibleSteps(size(1920, 1440), size(320, 240))).toEqual([
      size(960, 720),
      size(480, 360),
      size(320, 240),
    ]);
  });
});

describe("the JPEG quality ladder", () => {
  it("starts at 0.85 at the planned size", () => {
    expect(firstEncodeAttempt(size(1920, 1440))).toEqual({ width: 1920, height: 1440, quality: FIRST_QUALITY });
  });

  it("stops as soon as the photo is at most 1 MiB", () => {
    const attempt = firstEncodeAttempt(size(1920, 1440));
    expect(nextEncodeAttempt(attempt, 300_000)).toEqual({ kind: "done" });
    expect(nextEncodeAttempt(attempt, TARGET_PHOTO_BYTES)).toEqual({ kind: "done" });
    expect(nextEncodeAttempt(attempt, TARGET_PHOTO_BYTES + 1).kind).toBe("retry");
  });

  it("steps the quality down to the floor before touching the size", () => {
    let attempt: TEncodeAttempt = firstEncodeAttempt(size(1920, 1440));
    const qualities = [attempt.quality];
    while (attempt.quality > QUALITY_FLOOR) {
      const decision = nextEncodeAttempt(attempt, 2_000_000);
      if (decision.kind !== "retry") throw new Error(`expected a retry, got ${decision.kind}`);
      expect(decision.attempt.width).toBe(1920);
      attempt = decision.attempt;
      qualities.push(attempt.quality);
    }
    expect(qualities).toEqual([0.85, 0.75, 0.65, 0.55, 0.5]);
  });

  it("at the floor, shrinks the picture by how far over it was, keeping the aspect ratio", () => {
    const atFloor = { width: 1920, height: 1440, quality: QUALITY_FLOOR };
    const slightlyOver = nextEncodeAttempt(atFloor, 1_100_000);
    const farOver = nextEncodeAttempt(atFloor, 6_000_000);
    if (slightlyOver.kind !== "retry" || farOver.kind !== "retry") throw new Error("expected retries");
    // at least 10% smaller per side
    expect(slightlyOver.attempt).toEqual({ width: 1728, height: 1296, quality: QUALITY_FLOOR });
    // never more than half per side at once
    expect(farOver.attempt).toEqual({ width: 960, height: 720, quality: QUALITY_FLOOR });
    const between = nextEncodeAttempt(atFloor, 2_000_000);
    if (between.kind !== "retry") throw new Error("expected a retry");
    expect(between.attempt.width).toBe(Math.floor(1920 * Math.sqrt(TARGET_PHOTO_BYTES / 2_000_000) * 0.95));
    expectAspectKept(atFloor, between.attempt);
  });

  it("gives up instead of shrinking below a thumbnail", () => {
    expect(nextEncodeAttempt({ width: 320, height: 240, quality: QUALITY_FLOOR }, 2_000_000)).toEqual({
      kind: "cannot-fit",
    });
    const nearFloor = nextEncodeAttempt({ width: 400, height: 300, quality: QUALITY_FLOOR }, 5_000_000);
    expect(nearFloor).toEqual({ kind: "retry", attempt: { width: 320, height: 240, quality: QUALITY_FLOOR } });
  });

  // A rough JPEG model: bytes per pixel grow with quality and with how busy the picture is.
  function runLadder(start: TSize, bytesPerPixelAtFull: number) {
    const encode = (a: TEncodeAttempt) =>
      Math.round(a.width * a.height * bytesPerPixelAtFull * (0.25 + a.quality ** 3));
    const attempts: TEncodeAttempt[] = [firstEncodeAttempt(start)];
    for (;;) {
      const current = attempts.at(-1)!;
      const decision = nextEncodeAttempt(current, encode(current));
      if (decision.kind === "done") return { attempts, bytes: encode(current) };
      if (decision.kind === "cannot-fit") throw new Error("cannot fit");
      attempts.push(decision.attempt);
      if (attempts.length > 20) throw new Error("the ladder does not converge");
    }
  }

  it.each([
    ["an ordinary photo fits first time", 0.25, 1, 1],
    ["a busy photo fits after a few rungs", 0.5, 2, 5],
    ["white noise needs the picture shrunk", 3, 6, 9],
  ])("%s", (_name, bytesPerPixel, minAttempts, maxAttempts) => {
    const { attempts, bytes } = runLadder(size(1920, 1440), bytesPerPixel);
    expect(bytes).toBeLessThanOrEqual(TARGET_PHOTO_BYTES);
    expect(attempts.length).toBeGreaterThanOrEqual(minAttempts);
    expect(attempts.length).toBeLessThanOrEqual(maxAttempts);
    for (let i = 1; i < attempts.length; i++) {
      expect(attempts[i].width).toBeLessThanOrEqual(attempts[i - 1].width);
      expect(attempts[i].quality).toBeLessThanOrEqual(attempts[i - 1].quality);
    }
  });
});

// Sizes and the JPEG quality ladder for photos taken on site. Pure arithmetic, so the
// worker, the main-thread fallback and the tests all plan with the same numbers.

export type TSize = { width: number; height: number };

export const MAX_PHOTO_LONG_EDGE = 1920;
export const THUMBNAIL_LONG_EDGE = 320;
// iOS Safari gives a blank canvas (or none) above 4096 × 4096 pixels; every canvas we
// allocate, intermediate ones included, stays at or under it.
export const MAX_CANVAS_PIXELS = 16_777_216;
export const TARGET_PHOTO_BYTES = 1_048_576;

export const FIRST_QUALITY = 0.85;
export const QUALITY_STEP = 0.1;
export const QUALITY_FLOOR = 0.5;
export const THUMBNAIL_QUALITY = 0.7;
// Below this the photo is no use as evidence; give up rather than send a smudge.
export const MIN_PHOTO_LONG_EDGE = THUMBNAIL_LONG_EDGE;

export function assertImageSize(size: TSize): void {
  const { width, height } = size;
  if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`Image size must be positive whole pixels, got ${width} × ${height}`);
  }
}

// Scales `size` down (never up) so its long edge is at most `maxLongEdge` and its area at
// most MAX_CANVAS_PIXELS, keeping the aspect ratio; each side stays at least 1 px.
export function fitWithin(size: TSize, maxLongEdge: number): TSize {
  assertImageSize(size);
  const { width, height } = size;
  const scale = Math.min(1, maxLongEdge / Math.max(width, height), Math.sqrt(MAX_CANVAS_PIXELS / (width * height)));
  if (scale === 1) return { width, height };
  const fitted = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  // Rounding up can push the area a few pixels over the limit; flooring cannot.
  if (fitted.width * fitted.height > MAX_CANVAS_PIXELS) {
    return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
  }
  return fitted;
}

export function photoSize(source: TSize): TSize {
  return fitWithin(source, MAX_PHOTO_LONG_EDGE);
}

export function thumbnailSize(photo: TSize): TSize {
  return fitWithin(photo, THUMBNAIL_LONG_EDGE);
}

// The canvases to draw through on the way from `source` to `target`. One big jump with
// bilinear smoothing skips source pixels and aliases (Safari and Firefox especially), so
// each step at most halves the image; every step is also kept under the canvas limit.
// The last entry is `target`.
export function planDownscaleSteps(source: TSize, target: TSize): TSize[] {
  assertImageSize(source);
  assertImageSize(target);
  const steps: TSize[] = [];
  let current = source;
  while (current.width > target.width * 2 || current.height > target.height * 2) {
    const halved = {
      width: Math.max(target.width, Math.ceil(current.width / 2)),
      height: Math.max(target.height, Math.ceil(current.height / 2)),
    };
    const underLimit = fitWithin(halved, Number.POSITIVE_INFINITY);
    const step = {
      width: Math.max(target.width, underLimit.width),
      height: Math.max(target.height, underLimit.height),
    };
    if (step.width * step.height > MAX_CANVAS_PIXELS) break;
    steps.push(step);
    current = step;
  }
  steps.push(target);
  return steps;
}

// --- The quality ladder: encode, look at the bytes, decide the next try. ---

export type TEncodeAttempt = TSize & { quality: number };

export type TEncodeDecision = { kind: "done" } | { kind: "retry"; attempt: TEncodeAttempt } | { kind: "cannot-fit" };

export function firstEncodeAttempt(size: TSize): TEncodeAttempt {
  assertImageSize(size);
  return { ...size, quality: FIRST_QUALITY };
}

// Lower the quality one rung at a time down to the floor; at the floor, shrink the
// picture instead. JPEG bytes grow roughly with the pixel count, so the shrink is sized
// from how far over the target the last try was (with 5% to spare), but never less than
// 10% nor more than half per side, and the quality stays at the floor: a rung higher
// would only overshoot again.
export function nextEncodeAttempt(
  attempt: TEncodeAttempt,
  bytes: number,
  targetBytes = TARGET_PHOTO_BYTES,
): TEncodeDecision {
  if (bytes <= targetBytes) return { kind: "done" };
  if (attempt.quality > QUALITY_FLOOR) {
    const quality = Math.max(QUALITY_FLOOR, Math.round((attempt.quality - QUALITY_STEP) * 100) / 100);
    return { kind: "retry", attempt: { ...attempt, quality } };
  }
  if (Math.max(attempt.width, attempt.height) <= MIN_PHOTO_LONG_EDGE) return { kind: "cannot-fit" };
  const perSide = Math.min(0.9, Math.max(0.5, Math.sqrt(targetBytes / bytes) * 0.95));
  const longEdge = Math.max(MIN_PHOTO_LONG_EDGE, Math.floor(Math.max(attempt.width, attempt.height) * perSide));
  return { kind: "retry", attempt: { ...fitWithin(attempt, longEdge), quality: QUALITY_FLOOR } };
}

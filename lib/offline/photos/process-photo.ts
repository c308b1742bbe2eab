import { AppError } from "@/lib/errors";
import {
  THUMBNAIL_QUALITY,
  firstEncodeAttempt,
  nextEncodeAttempt,
  photoSize,
  planDownscaleSteps,
  thumbnailSize,
  type TSize,
} from "./photo-size";
import { IMAGE_HEADER_BYTES, readImageHeader } from "./read-image-header";

// The one resizing algorithm, run in the worker on an OffscreenCanvas and on the page
// with a regular canvas where workers cannot draw. Only canvas creation and decoding differ.

export type TResizedPhoto = { photo: Blob; thumbnail: Blob; width: number; height: number; bytes: number };

export type TDrawingCanvas = {
  size: TSize;
  source: CanvasImageSource;
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  toJpeg(quality: number): Promise<Blob | null>;
  release(): void;
};
export type TCanvasFactory = (size: TSize) => TDrawingCanvas;

export type TDecodedImage = { source: CanvasImageSource; size: TSize; release(): void };
// `resizeTo` is the output size when the file's header told us the source size; a decoder
// that can, decodes straight to it.
export type TImageDecoder = (file: Blob, resizeTo: TSize | null) => Promise<TDecodedImage>;

export const notAPhoto = () =>
  new AppError("INVALID_INPUT", "That file is not a photo. Choose a picture, such as a JPEG or PNG.");
export const photoCannotBeOpened = () =>
  new AppError(
    "INVALID_INPUT",
    "That photo could not be opened on this device. It may be damaged or in a format this browser cannot read; try a JPEG.",
  );
const photoCannotBeMadeSmall = () =>
  new AppError("INVALID_INPUT", "That photo could not be made small enough to upload. Please choose another photo.");
export const photoCannotBeEncoded = () =>
  new AppError("INTERNAL", "This device could not prepare the photo. Please try again.");

export async function processPhoto(
  file: Blob,
  createCanvas: TCanvasFactory,
  decode: TImageDecoder,
): Promise<TResizedPhoto> {
  if (!(file instanceof Blob) || file.size === 0) throw notAPhoto();
  // An empty type is common from Android file pickers; only a declared non-image is refused unread.
  if (file.type && !file.type.startsWith("image/")) throw notAPhoto();
  // Reading fails when the file went away after it was chosen (an Android picker's grant lapsed).
  const start = await file
    .slice(0, IMAGE_HEADER_BYTES)
    .arrayBuffer()
    .catch(() => Promise.reject(photoCannotBeOpened()));
  const header = readImageHeader(new Uint8Array(start));
  if (!header && !file.type) throw notAPhoto();

  let image: TDecodedImage;
  try {
    image = await decode(file, header?.size ? photoSize(header.size) : null);
  } catch {
    throw header ? photoCannotBeOpened() : notAPhoto();
  }
  try {
    return await resizeDecoded(image, createCanvas);
  } catch (error) {
    // A canvas the browser refused (memory, missing 2D context) is no fault of the photo.
    throw error instanceof AppError ? error : photoCannotBeEncoded();
  } finally {
    image.release();
  }
}

async function resizeDecoded(image: TDecodedImage, createCanvas: TCanvasFactory): Promise<TResizedPhoto> {
  const canvases: TDrawingCanvas[] = [];
  try {
    const target = photoSize(image.size);
    const full = drawScaled(image.source, image.size, target, createCanvas);
    canvases.push(full);
    image.release();

    let attempt = firstEncodeAttempt(target);
    let current = full;
    let photo: Blob;
    for (;;) {
      if (current.size.width !== attempt.width || current.size.height !== attempt.height) {
        current = drawScaled(full.source, full.size, attempt, createCanvas);
        canvases.push(current);
      }
      photo = await encodeJpeg(current, attempt.quality);
      const decision = nextEncodeAttempt(attempt, photo.size);
      if (decision.kind === "done") break;
      if (decision.kind === "cannot-fit") throw photoCannotBeMadeSmall();
      attempt = decision.attempt;
    }

    const thumbnailCanvas = drawScaled(full.source, full.size, thumbnailSize(current.size), createCanvas);
    canvases.push(thumbnailCanvas);
    const thumbnail = await encodeJpeg(thumbnailCanvas, THUMBNAIL_QUALITY);
    return { photo, thumbnail, width: current.size.width, height: current.size.height, bytes: photo.size };
  } finally {
    for (const canvas of canvases) canvas.release();
  }
}

// Draws through the planned steps, releasing each intermediate canvas as soon as the next
// one holds its pixels (iOS also caps the total canvas memory of a page).
function drawScaled(
  source: CanvasImageSource,
  sourceSize: TSize,
  target: TSize,
  createCanvas: TCanvasFactory,
): TDrawingCanvas {
  let from: { source: CanvasImageSource; release?: () => void } = { source };
  let canvas: TDrawingCanvas | null = null;
  for (const step of planDownscaleSteps(sourceSize, target)) {
    canvas = createCanvas(step);
    const { context } = canvas;
    // JPEG has no transparency: without a background, transparent pixels turn black.
    context.fillStyle = "#fff";
    context.fillRect(0, 0, step.width, step.height);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = "high";
    context.drawImage(from.source, 0, 0, step.width, step.height);
    from.release?.();
    from = canvas;
  }
  if (!canvas) throw photoCannotBeEncoded();
  return canvas;
}

async function encodeJpeg(canvas: TDrawingCanvas, quality: number): Promise<Blob> {
  const blob = await canvas.toJpeg(quality);
  // A browser that cannot write JPEG quietly hands back PNG instead.
  if (!blob || blob.type !== "image/jpeg") throw photoCannotBeEncoded();
  return blob;
}

// Both the worker and the page decode with createImageBitmap where they have it.
export async function decodeWithImageBitmap(file: Blob, resizeTo: TSize | null): Promise<TDecodedImage> {
  const resize: ImageBitmapOptions = resizeTo
    ? { resizeWidth: resizeTo.width, resizeHeight: resizeTo.height, resizeQuality: "high" }
    : {};
  const bitmap = await decodeUpright(file, resize);
  // A browser that resized before turning the picture upright has squashed it: the sides
  // come back swapped. Decode at full size instead; the downscale steps take it from there.
  // (One that ignores the resize options hands back the full size, which is fine as it is.)
  if (
    resizeTo &&
    resizeTo.width !== resizeTo.height &&
    bitmap.width === resizeTo.height &&
    bitmap.height === resizeTo.width
  ) {
    bitmap.close();
    return asDecodedImage(await decodeUpright(file, {}));
  }
  return asDecodedImage(bitmap);
}

function asDecodedImage(bitmap: ImageBitmap): TDecodedImage {
  return { source: bitmap, size: { width: bitmap.width, height: bitmap.height }, release: () => bitmap.close() };
}

async function decodeUpright(file: Blob, resize: ImageBitmapOptions): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { ...resize, imageOrientation: "from-image" });
  } catch (error) {
    // Browsers from before "from-image" reject it as an unknown value; their default
    // already turns the picture upright, as the new default does.
    if (!(error instanceof TypeError)) throw error;
    return createImageBitmap(file, resize);
  }
}

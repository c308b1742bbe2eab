import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_CANVAS_PIXELS, TARGET_PHOTO_BYTES, type TSize } from "./photo-size";
import {
  decodeWithImageBitmap,
  processPhoto,
  type TCanvasFactory,
  type TDrawingCanvas,
  type TImageDecoder,
} from "./process-photo";

// Node has no canvas: these fakes record what the algorithm asks of the browser, and
// "encode" to a JPEG whose size follows a model of pixels × quality. What the browser
// itself does (decoding, EXIF, JPEG) is not exercised here.

const jpegHeader = (width: number, height: number) =>
  new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xc0,
    0,
    17,
    8,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
    0xff,
    0xda,
    0,
    2,
  ]);
const webpHeader = () => new Uint8Array([...new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ")]);

function fakeBrowser({ bytesPerPixel = 0.1, encodeAs = "image/jpeg", failCanvasOver = Infinity } = {}) {
  const canvases: { size: TSize; released: boolean; encodes: number[] }[] = [];
  const createCanvas: TCanvasFactory = (size) => {
    if (size.width * size.height > failCanvasOver) throw new Error("canvas too big for this device");
    const record = { size, released: false, encodes: [] as number[] };
    canvases.push(record);
    const context = {
      fillStyle: "",
      fillRect: vi.fn(),
      drawImage: vi.fn(),
      imageSmoothingEnabled: false,
      imageSmoothingQuality: "low",
    };
    return {
      size,
      source: record as unknown as CanvasImageSource,
      context: context as unknown as TDrawingCanvas["context"],
      toJpeg: async (quality) => {
        record.encodes.push(quality);
        const bytes = Math.round(size.width * size.height * bytesPerPixel * (0.25 + quality ** 3));
        return new Blob([new Uint8Array(bytes)], { type: encodeAs });
      },
      release: () => {
        record.released = true;
      },
    };
  };
  return { canvases, createCanvas };
}

function fakeDecoder(decodedSize?: TSize) {
  const calls: (TSize | null)[] = [];
  let released = 0;
  const decode: TImageDecoder = async (_file, resizeTo) => {
    calls.push(resizeTo);
    const size = decodedSize ?? resizeTo ?? { width: 100, height: 100 };
    return { source: {} as CanvasImageSource, size, release: () => void released++ };
  };
  return { decode, calls, released: () => released };
}

const photoFile = (header: Uint8Array<ArrayBuffer>, type = "image/jpeg") =>
  new Blob([header, new Uint8Array(4096)], { type });

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("processPhoto", () => {
  it("decodes a JPEG straight to 1920 px and encodes once when it fits", async () => {
    const browser = fakeBrowser();
    const decoder = fakeDecoder();
    const result = await processPhoto(photoFile(jpegHeader(6000, 4000)), browser.createCanvas, decoder.decode);
    expect(decoder.calls).toEqual([{ width: 1920, height: 1280 }]);
    expect(result).toMatchObject({ width: 1920, height: 1280 });
    expect(result.bytes).toBe(result.photo.size);
    expect(result.photo.type).toBe("image/jpeg");
    expect(browser.canvases.map((c) => c.size)).toEqual([
      { width: 1920, height: 1280 },
      { width: 960, height: 640 },
      { width: 480, height: 320 },
      { width: 320, height: 213 },
    ]);
    expect(browser.canvases[0].encodes).toEqual([0.85]);
    expect(browser.canvases.at(-1)!.encodes).toEqual([0.7]);
    expect(browser.canvases.every((c) => c.released)).toBe(true);
    expect(decoder.released()).toBeGreaterThan(0);
  });

  it("walks the quality ladder, then shrinks, until the photo is at most 1 MiB", async () => {
    const browser = fakeBrowser({ bytesPerPixel: 1.5 });
    const result = await processPhoto(photoFile(jpegHeader(4032, 3024)), browser.createCanvas, fakeDecoder().decode);
    expect(result.bytes).toBeLessThanOrEqual(TARGET_PHOTO_BYTES);
    expect(browser.canvases[0].encodes).toEqual([0.85, 0.75, 0.65, 0.55, 0.5]);
    expect(result.width).toBeLessThan(1920);
    expect(result.width / result.height).toBeCloseTo(4 / 3, 2);
  });

  it("keeps every canvas under 16.7 MP when the browser hands back a full-size 20000 × 20000 picture", async () => {
    const browser = fakeBrowser();
    const decoder = fakeDecoder({ width: 20_000, height: 20_000 });
    const result = await processPhoto(photoFile(webpHeader(), "image/webp"), browser.createCanvas, decoder.decode);
    expect(decoder.calls).toEqual([null]); // no size in a WebP header we read
    expect(result).toMatchObject({ width: 1920, height: 1920 });
    for (const canvas of browser.canvases)
      expect(canvas.size.width * canvas.size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(browser.canvases[0].size).toEqual({ width: 4096, height: 4096 });
  });

  it.each([
    ["a text file", new Blob(["hello"], { type: "text/plain" })],
    ["a PDF", new Blob(["%PDF-1.7"], { type: "application/pdf" })],
    ["an empty image", new Blob([], { type: "image/jpeg" })],
    ["unknown bytes with no type", new Blob(["hello"])],
  ])("refuses %s as not a photo without decoding it", async (_name, file) => {
    const decoder = fakeDecoder();
    const error = await rejection(processPhoto(file, fakeBrowser().createCanvas, decoder.decode));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/not a photo/);
    expect(decoder.calls).toEqual([]);
  });

  it("tells a photo that will not decode from a file that was never one", async () => {
    const failing: TImageDecoder = async () => {
      throw new DOMException("The source image could not be decoded.", "InvalidStateError");
    };
    const broken = await rejection(processPhoto(photoFile(jpegHeader(800, 600)), fakeBrowser().createCanvas, failing));
    expect(broken.message).toMatch(/could not be opened/);
    const fake = await rejection(
      processPhoto(new Blob(["hello"], { type: "image/jpeg" }), fakeBrowser().createCanvas, failing),
    );
    expect(fake.message).toMatch(/not a photo/);
  });

  it("turns a refused canvas or a non-JPEG encoder into a clear error and frees what it holds", async () => {
    const decoder = fakeDecoder();
    const refused = await rejection(
      processPhoto(photoFile(jpegHeader(800, 600)), fakeBrowser({ failCanvasOver: 0 }).createCanvas, decoder.decode),
    );
    expect(refused).toMatchObject({ code: "INTERNAL", message: expect.stringMatching(/could not prepare the photo/) });
    expect(decoder.released()).toBeGreaterThan(0);

    const pngOnly = fakeBrowser({ encodeAs: "image/png" });
    const error = await rejection(
      processPhoto(photoFile(jpegHeader(800, 600)), pngOnly.createCanvas, fakeDecoder().decode),
    );
    expect(error.code).toBe("INTERNAL");
    expect(pngOnly.canvases.every((c) => c.released)).toBe(true);
  });

  it("gives up with a clear message on a picture that cannot get under 1 MiB", async () => {
    const error = await rejection(
      processPhoto(
        photoFile(jpegHeader(4000, 3000)),
        fakeBrowser({ bytesPerPixel: 100 }).createCanvas,
        fakeDecoder().decode,
      ),
    );
    expect(error).toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/could not be made small enough/),
    });
  });
});

describe("decodeWithImageBitmap", () => {
  afterEach(() => vi.unstubAllGlobals());

  function stubCreateImageBitmap(answer: (options: ImageBitmapOptions) => TSize) {
    const calls: ImageBitmapOptions[] = [];
    const closed: TSize[] = [];
    vi.stubGlobal("createImageBitmap", async (_file: Blob, options: ImageBitmapOptions) => {
      calls.push(options);
      const size = answer(options);
      return { ...size, close: () => closed.push(size) };
    });
    return { calls, closed };
  }
  const file = new Blob([jpegHeader(4000, 3000)], { type: "image/jpeg" });

  it("asks for an upright picture at the output size", async () => {
    const stub = stubCreateImageBitmap((o) => ({ width: o.resizeWidth!, height: o.resizeHeight! }));
    const image = await decodeWithImageBitmap(file, { width: 1920, height: 1440 });
    expect(stub.calls).toEqual([
      { resizeWidth: 1920, resizeHeight: 1440, resizeQuality: "high", imageOrientation: "from-image" },
    ]);
    expect(image.size).toEqual({ width: 1920, height: 1440 });
  });

  it("retries without imageOrientation where the browser does not know from-image", async () => {
    const stub = stubCreateImageBitmap((o) => {
      if (o.imageOrientation === "from-image")
        throw new TypeError("The provided value 'from-image' is not a valid enum value");
      return { width: 1920, height: 1440 };
    });
    const image = await decodeWithImageBitmap(file, { width: 1920, height: 1440 });
    expect(stub.calls.map((o) => o.imageOrientation)).toEqual(["from-image", undefined]);
    expect(image.size).toEqual({ width: 1920, height: 1440 });
  });

  it("decodes at full size when resizing before turning upright squashed the picture", async () => {
    const stub = stubCreateImageBitmap((o) =>
      o.resizeWidth ? { width: o.resizeHeight!, height: o.resizeWidth } : { width: 3000, height: 4000 },
    );
    const image = await decodeWithImageBitmap(file, { width: 1440, height: 1920 });
    expect(image.size).toEqual({ width: 3000, height: 4000 });
    expect(stub.closed).toEqual([{ width: 1920, height: 1440 }]);
    image.release();
    expect(stub.closed).toHaveLength(2);
  });

  it("keeps a full-size picture from a browser that ignores the resize options", async () => {
    const stub = stubCreateImageBitmap(() => ({ width: 4000, height: 3000 }));
    const image = await decodeWithImageBitmap(file, { width: 1920, height: 1440 });
    expect(image.size).toEqual({ width: 4000, height: 3000 });
    expect(stub.calls).toHaveLength(1);
  });

  it("passes a decoding failure on", async () => {
    stubCreateImageBitmap(() => {
      throw new DOMException("The source image could not be decoded.", "InvalidStateError");
    });
    await expect(decodeWithImageBitmap(file, null)).rejects.toThrow(/could not be decoded/);
  });
});

import { describe, expect, it } from "vitest";
import { readImageHeader } from "./read-image-header";

const u16 = (value: number, little = false) => (little ? [value & 0xff, value >> 8] : [value >> 8, value & 0xff]);
const u32 = (value: number, little = false) => {
  const big = [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
  return little ? big.reverse() : big;
};
const text = (value: string) => [...value].map((c) => c.charCodeAt(0));

function segment(marker: number, body: number[]) {
  return [0xff, marker, ...u16(body.length + 2), ...body];
}

function exifSegment(orientation: number, little: boolean) {
  const tiff = [
    ...(little ? text("II") : text("MM")),
    ...u16(42, little),
    ...u32(8, little),
    ...u16(2, little), // two entries: ImageDescription first, then Orientation
    ...u16(0x010e, little),
    ...u16(2, little),
    ...u32(4, little),
    ...text("abc\0"),
    ...u16(0x0112, little),
    ...u16(3, little),
    ...u32(1, little),
    ...u16(orientation, little),
    0,
    0,
    ...u32(0, little),
  ];
  return segment(0xe1, [...text("Exif\0\0"), ...tiff]);
}

function startOfFrame(width: number, height: number, marker = 0xc0) {
  return segment(marker, [8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
}

const jpeg = (...segments: number[][]) => new Uint8Array([0xff, 0xd8, ...segments.flat(), 0xff, 0xda, 0, 2]);

describe("readImageHeader: JPEG", () => {
  it("reads the frame size", () => {
    expect(readImageHeader(jpeg(segment(0xe0, text("JFIF\0\x01\x01")), startOfFrame(6000, 4000)))).toEqual({
      format: "jpeg",
      size: { width: 6000, height: 4000 },
    });
  });

  it.each([
    [1, true, { width: 4032, height: 3024 }],
    [3, false, { width: 4032, height: 3024 }],
    [5, false, { width: 3024, height: 4032 }],
    [6, true, { width: 3024, height: 4032 }],
    [6, false, { width: 3024, height: 4032 }],
    [8, true, { width: 3024, height: 4032 }],
  ])("applies EXIF orientation %i (little-endian: %s)", (orientation, little, expected) => {
    const bytes = jpeg(
      exifSegment(orientation, little),
      segment(0xe2, new Array(500).fill(7)),
      startOfFrame(4032, 3024),
    );
    expect(readImageHeader(bytes)?.size).toEqual(expected);
  });

  it("reads progressive frames and skips Huffman tables, XMP and fill bytes", () => {
    const xmp = segment(0xe1, text("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>"));
    const huffman = segment(0xc4, new Array(30).fill(1));
    const bytes = jpeg(xmp, huffman, [0xff, 0xff], startOfFrame(800, 600, 0xc2));
    expect(readImageHeader(bytes)?.size).toEqual({ width: 800, height: 600 });
  });

  it("ignores an orientation outside 1–8 and a broken EXIF block", () => {
    expect(readImageHeader(jpeg(exifSegment(9, true), startOfFrame(400, 300)))?.size).toEqual({
      width: 400,
      height: 300,
    });
    const broken = segment(0xe1, [...text("Exif\0\0"), ...text("II"), ...u16(42, true), ...u32(5000, true)]);
    expect(readImageHeader(jpeg(broken, startOfFrame(400, 300)))?.size).toEqual({ width: 400, height: 300 });
  });

  it("knows a JPEG whose size it cannot read (cut short, or scan before frame)", () => {
    const whole = jpeg(exifSegment(6, true), startOfFrame(4032, 3024));
    expect(readImageHeader(whole.subarray(0, 40))).toEqual({ format: "jpeg", size: null });
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toEqual({ format: "jpeg", size: null });
    expect(readImageHeader(jpeg(startOfFrame(0, 0)))).toEqual({ format: "jpeg", size: null });
    // an empty APP1 followed by bytes that spell "Exif" must not be read as EXIF
    expect(readImageHeader(new Uint8Array([0xff, 0xd8, ...segment(0xe1, []), ...text("Exif\0\0II"), 0, 0]))).toEqual({
      format: "jpeg",
      size: null,
    });
  });

  it("never throws on garbage after a JPEG signature", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) & 0xff;
    for (let run = 0; run < 2000; run++) {
      const bytes = new Uint8Array(8 + (run % 300));
      bytes.set([0xff, 0xd8, 0xff]);
      for (let i = 3; i < bytes.length; i++) bytes[i] = run % 3 === 0 && i % 7 === 0 ? 0xff : random();
      expect(readImageHeader(bytes)?.format).toBe("jpeg");
    }
  });
});

describe("readImageHeader: other formats", () => {
  it("reads a PNG's size from IHDR", () => {
    const png = new Uint8Array([
      ...text("\x89PNG\r\n\x1a\n"),
      ...u32(13),
      ...text("IHDR"),
      ...u32(20_000),
      ...u32(1000),
      8,
      6,
      0,
      0,
      0,
    ]);
    expect(readImageHeader(png)).toEqual({ format: "png", size: { width: 20_000, height: 1000 } });
    expect(readImageHeader(png.subarray(0, 20))).toEqual({ format: "png", size: null });
  });

  it.each([
    ["gif", [...text("GIF89a"), 1, 0, 1, 0]],
    ["webp", [...text("RIFF"), 0, 0, 0, 0, ...text("WEBPVP8 ")]],
    ["bmp", [...text("BM"), 0, 0, 0, 0]],
    ["tiff", [...text("II*\0"), 8, 0, 0, 0]],
    ["heif", [0, 0, 0, 24, ...text("ftypheic"), 0, 0, 0, 0]],
    ["avif", [0, 0, 0, 24, ...text("ftypavif"), 0, 0, 0, 0]],
  ])("recognises %s", (format, bytes) => {
    expect(readImageHeader(new Uint8Array(bytes))).toEqual({ format, size: null });
  });

  it.each([
    ["an empty file", []],
    ["text", text("hello, this is not a photo")],
    ["a PDF", text("%PDF-1.7\n")],
    ["an MP4 video", [0, 0, 0, 24, ...text("ftypisom"), 0, 0, 0, 0]],
  ])("does not take %s for an image", (_name, bytes) => {
    expect(readImageHeader(new Uint8Array(bytes))).toBeNull();
  });
});

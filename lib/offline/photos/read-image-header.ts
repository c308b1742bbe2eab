import type { TSize } from "./photo-size";

// Reads what an image is, and for JPEG and PNG its size, from the first bytes of the file,
// before anything is decoded. Knowing the size up front lets the browser decode a 48 MP
// photo straight to 1920 px instead of into 192 MB of pixels first.

export type TImageFormat = "jpeg" | "png" | "gif" | "webp" | "bmp" | "tiff" | "heif" | "avif";
// The size as the picture is meant to be seen: EXIF orientations 5 to 8 turn it a quarter.
export type TImageHeader = { format: TImageFormat; size: TSize | null };

// Phone JPEGs carry EXIF (with a preview), ICC and MPF segments before the frame header;
// they fit in well under this. A header further in just means "size unknown".
export const IMAGE_HEADER_BYTES = 256 * 1024;

const HEIF_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);

export function readImageHeader(bytes: Uint8Array): TImageHeader | null {
  const ascii = (offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { format: "jpeg", size: readJpegSize(bytes) };
  if (ascii(0, 8) === "\x89PNG\r\n\x1a\n") return { format: "png", size: readPngSize(bytes) };
  if (ascii(0, 4) === "GIF8") return { format: "gif", size: null };
  if (ascii(0, 4) === "RIFF" && ascii(8, 4) === "WEBP") return { format: "webp", size: null };
  if (ascii(0, 2) === "BM") return { format: "bmp", size: null };
  if (ascii(0, 4) === "II*\0" || ascii(0, 4) === "MM\0*") return { format: "tiff", size: null };
  if (ascii(4, 4) === "ftyp") {
    const brand = ascii(8, 4);
    if (AVIF_BRANDS.has(brand)) return { format: "avif", size: null };
    if (HEIF_BRANDS.has(brand)) return { format: "heif", size: null };
  }
  return null;
}

function sizeOrNull(width: number, height: number): TSize | null {
  return width > 0 && height > 0 ? { width, height } : null;
}

function readPngSize(bytes: Uint8Array): TSize | null {
  if (bytes.length < 24) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(12) !== 0x49484452) return null; // "IHDR" must come first
  return sizeOrNull(view.getUint32(16), view.getUint32(20));
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range
// but are not frames.
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function readJpegSize(bytes: Uint8Array): TSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let orientation = 1;
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    offset += 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue; // no length
    if (marker === 0xd9 || marker === 0xda) return null; // image data before any frame header
    const length = view.getUint16(offset);
    if (length < 2) return null;
    const body = offset + 2;
    const end = offset + length;
    if (
      marker === 0xe1 &&
      body + 6 <= end &&
      end <= bytes.length &&
      String.fromCharCode(...bytes.subarray(body, body + 6)) === "Exif\0\0"
    ) {
      orientation =
        readExifOrientation(new DataView(bytes.buffer, bytes.byteOffset + body + 6, end - body - 6)) ?? orientation;
    }
    if (isStartOfFrame(marker)) {
      if (body + 5 > bytes.length) return null;
      const stored = sizeOrNull(view.getUint16(body + 3), view.getUint16(body + 1));
      if (!stored || orientation < 5) return stored;
      return { width: stored.height, height: stored.width };
    }
    offset = end;
  }
  return null;
}

// Tag 0x0112 of the first IFD of the EXIF TIFF block; anything malformed reads as "none".
function readExifOrientation(tiff: DataView): number | null {
  if (tiff.byteLength < 8) return null;
  const order = tiff.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  if (tiff.getUint16(2, little) !== 42) return null;
  const ifd = tiff.getUint32(4, little);
  if (ifd + 2 > tiff.byteLength) return null;
  const entries = tiff.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.byteLength) return null;
    if (tiff.getUint16(entry, little) !== 0x0112) continue;
    const value = tiff.getUint16(entry + 8, little);
    return value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

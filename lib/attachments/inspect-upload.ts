import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/errors";

import { MAX_UPLOAD_BYTES, tooLargeMessage } from "./upload-limits";

// What Fieldgate accepts, decided by the bytes, never by the name or the browser's word.
const ALLOWED = new Map<string, string>([
  ["application/pdf", "pdf"],
  ["image/jpeg", "jpg"],
  ["image/png", "png"],
  ["image/webp", "webp"],
  ["image/heic", "heic"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
]);

export type TInspectedUpload = { contentType: string; extension: string };

function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    return true;
  } catch {
    return false;
  }
}

export async function inspectUpload(bytes: Uint8Array, filename: string): Promise<TInspectedUpload> {
  if (bytes.byteLength === 0)
    throw new AppError("INVALID_INPUT", "The file is empty.", { file: ["The file is empty"] });
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new AppError("INVALID_INPUT", "The file is too large.", { file: [tooLargeMessage()] });
  }
  const detected = await fileTypeFromBuffer(bytes);
  if (detected && ALLOWED.has(detected.mime))
    return { contentType: detected.mime, extension: ALLOWED.get(detected.mime)! };
  if (!detected && /\.(txt|csv)$/i.test(filename) && looksLikeText(bytes)) {
    const csv = /\.csv$/i.test(filename);
    return { contentType: csv ? "text/csv" : "text/plain", extension: csv ? "csv" : "txt" };
  }
  throw new AppError("INVALID_INPUT", "That kind of file is not accepted.", {
    file: ["Upload a PDF, a photo (JPEG, PNG, WebP, HEIC), a Word or Excel document, or a text/CSV file"],
  });
}

// A file name safe to store and to send back in Content-Disposition.
export function cleanFilename(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/\.[^.]*$/, "")
    .replace(/[^\p{L}\p{N} ._()-]+/gu, "_")
    .trim()
    .slice(0, 120);
  return `${base || "file"}.${extension}`;
}

import "server-only";
import { AppError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES } from "./upload-limits";

// A request body read up to the upload limit: a larger one (declared or streamed) is refused
// with a message, before it is all in memory.
export async function readLimitedBody(request: Request, what: string, limit = MAX_UPLOAD_BYTES): Promise<Uint8Array> {
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", `${what} is larger than ${Math.round(limit / 1024 / 1024)} MB.`);
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

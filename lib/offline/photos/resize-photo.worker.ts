import { AppError, type TErrorCode } from "@/lib/errors";
import {
  decodeWithImageBitmap,
  photoCannotBeEncoded,
  processPhoto,
  type TCanvasFactory,
  type TResizedPhoto,
} from "./process-photo";

// A dedicated worker, so decoding and encoding a 12–48 MP photo never freezes the page.
// Started by resize-photo.ts; one photo at a time.

export type TResizeRequest = { id: number; file: Blob };
export type TResizeReply =
  { id: number; ok: true; result: TResizedPhoto } | { id: number; ok: false; code: TErrorCode; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

const createOffscreenCanvas: TCanvasFactory = (size) => {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("OffscreenCanvas has no 2D context");
  return {
    size,
    source: canvas,
    context,
    toJpeg: (quality) => canvas.convertToBlob({ type: "image/jpeg", quality }),
    release: () => {
      canvas.width = 0;
      canvas.height = 0;
    },
  };
};

scope.onmessage = async (event: MessageEvent<TResizeRequest>) => {
  const { id, file } = event.data;
  let reply: TResizeReply;
  try {
    reply = { id, ok: true, result: await processPhoto(file, createOffscreenCanvas, decodeWithImageBitmap) };
  } catch (error) {
    // Errors lose their class on the way back to the page; send the parts.
    const { code, message } = error instanceof AppError ? error : photoCannotBeEncoded();
    reply = { id, ok: false, code, message };
  }
  scope.postMessage(reply);
};

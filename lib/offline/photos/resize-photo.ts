import { AppError } from "@/lib/errors";
import type { TSize } from "./photo-size";
import {
  decodeWithImageBitmap,
  photoCannotBeEncoded,
  processPhoto,
  type TCanvasFactory,
  type TDecodedImage,
  type TResizedPhoto,
} from "./process-photo";
import type { TResizeReply, TResizeRequest } from "./resize-photo.worker";

export type { TResizedPhoto } from "./process-photo";

// Makes a photo from the camera or the files ready to store and upload: at most 1920 px on
// the long edge, at most 1 MiB of JPEG, plus a 320 px thumbnail. Runs in a worker where the
// browser can draw off the page, otherwise on the page with the same algorithm.
// Photos go through one at a time: two 48 MP decodes side by side is how phones run out
// of memory.
export function resizePhoto(file: Blob): Promise<TResizedPhoto> {
  return new Promise((resolve, reject) => {
    queue.push({ file, resolve, reject });
    void drainQueue();
  });
}

type TJob = { file: Blob; resolve: (photo: TResizedPhoto) => void; reject: (error: unknown) => void };
const queue: TJob[] = [];
let draining = false;

// Long enough to reuse the worker across a handful of photos picked together or a quick
// series from the camera; short enough that its memory goes back soon after.
const WORKER_IDLE_MS = 2_000;
// A worker killed for memory sends nothing; do not leave the technician waiting forever.
const WORKER_TIMEOUT_MS = 60_000;

let worker: Worker | null = null;
let workerUsable: boolean | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextRequestId = 1;

async function drainQueue() {
  if (draining) return;
  draining = true;
  clearTimeout(idleTimer);
  try {
    for (let job = queue.shift(); job; job = queue.shift()) {
      try {
        job.resolve(await resizeOne(job.file));
      } catch (error) {
        job.reject(error);
      }
    }
  } finally {
    draining = false;
    idleTimer = setTimeout(stopWorker, WORKER_IDLE_MS);
  }
}

async function resizeOne(file: Blob): Promise<TResizedPhoto> {
  const running = startWorker();
  if (running) {
    const outcome = await resizeInWorker(running, file);
    if (outcome !== "worker-failed") return outcome;
  }
  return processPhoto(file, createPageCanvas, decodeOnPage);
}

function canResizeInWorker(): boolean {
  if (
    typeof Worker === "undefined" ||
    typeof OffscreenCanvas === "undefined" ||
    typeof createImageBitmap === "undefined"
  )
    return false;
  try {
    // Safari 16.0–16.3 have OffscreenCanvas without a 2D context.
    return (
      typeof OffscreenCanvas.prototype.convertToBlob === "function" &&
      new OffscreenCanvas(1, 1).getContext("2d") !== null
    );
  } catch {
    return false;
  }
}

// scripts/build-tech-app.ts builds resize-photo.worker.ts as its own file and puts its
// address here (a constant the bundler writes in, not an environment read at run time);
// without one (outside that bundle) photos are resized on the page.
const PHOTO_WORKER_URL = process.env.TECH_PHOTO_WORKER_URL;

function startWorker(): Worker | null {
  workerUsable ??= Boolean(PHOTO_WORKER_URL) && canResizeInWorker();
  if (!workerUsable || !PHOTO_WORKER_URL) return null;
  worker ??= new Worker(PHOTO_WORKER_URL);
  return worker;
}

function stopWorker() {
  worker?.terminate();
  worker = null;
}

function resizeInWorker(running: Worker, file: Blob): Promise<TResizedPhoto | "worker-failed"> {
  const id = nextRequestId++;
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearTimeout(timeout);
      running.removeEventListener("message", onMessage);
      running.removeEventListener("error", onError);
    };
    const onMessage = (event: MessageEvent<TResizeReply>) => {
      const reply = event.data;
      if (reply.id !== id) return;
      finish();
      if (reply.ok) resolve(reply.result);
      else reject(new AppError(reply.code, reply.message));
    };
    // The worker script did not load (or threw at the top level): the page does the work
    // from now on.
    const onError = (event: ErrorEvent) => {
      event.preventDefault();
      finish();
      stopWorker();
      workerUsable = false;
      resolve("worker-failed");
    };
    const timeout = setTimeout(() => {
      finish();
      stopWorker();
      reject(photoCannotBeEncoded());
    }, WORKER_TIMEOUT_MS);
    running.addEventListener("message", onMessage);
    running.addEventListener("error", onError);
    running.postMessage({ id, file } satisfies TResizeRequest);
  });
}

// --- On the page, for browsers whose workers cannot draw ---

const createPageCanvas: TCanvasFactory = (size) => {
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("Canvas has no 2D context");
  return {
    size,
    source: canvas,
    context,
    toJpeg: (quality) => new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", quality)),
    release: () => {
      canvas.width = 0;
      canvas.height = 0;
    },
  };
};

function decodeOnPage(file: Blob, resizeTo: TSize | null): Promise<TDecodedImage> {
  if (typeof createImageBitmap === "function") return decodeWithImageBitmap(file, resizeTo);
  return decodeWithImageElement(file);
}

// Safari before 15 has no createImageBitmap; an <img> decodes (upright, since Safari 13.4)
// at full size, and the downscale steps keep every canvas under the limit.
async function decodeWithImageElement(file: Blob): Promise<TDecodedImage> {
  const url = URL.createObjectURL(file);
  const image = new Image();
  const release = () => {
    image.removeAttribute("src");
    URL.revokeObjectURL(url);
  };
  try {
    image.src = url;
    await image.decode();
  } catch (error) {
    release();
    throw error;
  }
  return { source: image, size: { width: image.naturalWidth, height: image.naturalHeight }, release };
}

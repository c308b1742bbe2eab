// What a person sees of a signature: dark pixels in a picture of it. Screenshots (PNG) are
// decoded, and PDFs rendered, with @napi-rs/canvas (the canvas pdfjs-dist renders with in
// Node), so a signature stored with strokes outside its own frame counts as invisible.
import { createCanvas, loadImage } from "@napi-rs/canvas";

const isDark = (data: Uint8ClampedArray, i: number) =>
  data[i + 3] > 128 && data[i] * 0.299 + data[i + 1] * 0.587 + data[i + 2] * 0.114 < 100;

export type TInk = { width: number; height: number; darkPixels: number };

function countDark(data: Uint8ClampedArray): number {
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (isDark(data, i)) dark++;
  return dark;
}

// A PNG (an element's screenshot): its size and how many of its pixels are dark.
export async function inkOfPng(png: Buffer): Promise<TInk> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, image.width, image.height).data;
  return { width: image.width, height: image.height, darkPixels: countDark(data) };
}

// Each drawn signature in a PDF (lib/pdf/pdf-writer.ts `signature`: a 220 × 80 pt box with
// its caption 4 pt under it), found by the start of its caption: the dark pixels inside
// the box when the page is rendered at 2× scale.
export async function signatureInkInPdf(bytes: Uint8Array, captionStarts: string[]): Promise<Record<string, TInk>> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const found: Record<string, TInk> = {};
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const items = (await page.getTextContent()).items.filter((item) => "str" in item) as {
      str: string;
      transform: number[];
    }[];
    const captions = captionStarts.flatMap((start) =>
      items.filter((item) => item.str.startsWith(start)).map((item) => ({ start, item })),
    );
    if (captions.length === 0) continue;
    const scale = 2;
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvasContext: context as unknown as CanvasRenderingContext2D,
      canvas: canvas as unknown as HTMLCanvasElement,
      viewport,
    }).promise;
    for (const { start, item } of captions) {
      // The caption's baseline, in PDF points from the bottom; its top is about 8 pt above.
      const [left, baseline] = [item.transform[4], item.transform[5]];
      const boxBottom = baseline + 8 + 4;
      const box = { x: left, y: boxBottom + 80, width: 220, height: 80 }; // y: the box's top, from the bottom
      const [x, y] = viewport.convertToViewportPoint(box.x, box.y);
      const inset = 3 * scale; // inside the box's grey frame
      const width = Math.round(box.width * scale) - 2 * inset;
      const height = Math.round(box.height * scale) - 2 * inset;
      const data = context.getImageData(Math.round(x) + inset, Math.round(y) + inset, width, height).data;
      found[start] = { width, height, darkPixels: countDark(data) };
    }
  }
  await pdf.destroy();
  return found;
}

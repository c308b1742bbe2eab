import { expect, type Page } from "@playwright/test";

// A finger's signature: a loop and a long stroke across the pad.
export async function sign(page: Page, canvasIndex: number) {
  const canvas = page.getByTestId("signature-canvas").nth(canvasIndex);
  // In the middle of the screen: at its edge, a bar fixed to the bottom of a phone's screen
  // can lie over the pad and take the strokes (a run drew and left no ink).
  await canvas.evaluate((element) => element.scrollIntoView({ block: "center" }));
  await expect(canvas).toHaveAttribute("data-ready", "true");
  // Drawn where the pad is once the page has stopped moving (a layout still settling on a
  // slow machine put the strokes beside the pad, and the form then asked for a signature).
  let box = (await canvas.boundingBox())!;
  await expect
    .poll(async () => {
      const previous = box;
      box = (await canvas.boundingBox())!;
      return previous.x === box.x && previous.y === box.y && previous.width === box.width;
    })
    .toBe(true);
  // Nothing lies over the pad where the strokes go (a notice may pass over it first).
  for (const [x, y] of [
    [0.1, 0.6],
    [0.9, 0.6],
    [0.5, 0.2],
  ])
    await expect
      .poll(
        () =>
          page.evaluate(
            ([px, py]) => document.elementFromPoint(px, py)?.getAttribute("data-testid"),
            [box.x + box.width * x, box.y + box.height * y],
          ),
        { message: "what lies under the stroke" },
      )
      .toBe("signature-canvas");
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
  await page.mouse.down();
  for (const [x, y] of [
    [0.3, 0.2],
    [0.5, 0.7],
    [0.7, 0.3],
    [0.9, 0.6],
  ])
    await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 6 });
  await page.mouse.up();
  await expect
    .poll(async () => (await padInk(page, canvasIndex)).dark, { message: "ink on the pad" })
    .toBeGreaterThan(100);
}

// The pad as the technician sees it: its backing size and its dark pixels.
export const padInk = (page: Page, index: number) =>
  page
    .getByTestId("signature-canvas")
    .nth(index)
    .evaluate((canvas: HTMLCanvasElement) => {
      if (!canvas.width || !canvas.height) return { width: canvas.width, dark: 0 };
      const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 128 && data[i] < 100) dark++;
      return { width: canvas.width, dark };
    });

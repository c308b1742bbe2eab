import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

// The technician app shell: the top bar of the technician area, the same whether the page
// came from the server or from the service worker's cache.
async function expectTechShell(page: Page) {
  await expect(page).toHaveURL(/\/tech(\?|#|$)/);
  await expect(page.getByRole("link", { name: /Fieldgate\s*Technician/ })).toBeVisible();
  await expect(page.locator("main")).toBeVisible();
}

async function waitForServiceWorkerControl(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
    .toMatch(/\/sw\.js$/);
}

test("the technician app opens with no network once its service worker is in place", async ({ browser, tenant }) => {
  const page = await signInAs(browser, tenant.technician.user.id, "/tech");
  const context = page.context();
  await expectTechShell(page);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#101828");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/icons/apple-touch-icon.png");
  await waitForServiceWorkerControl(page);

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expectTechShell(page);

  const second = await context.newPage();
  const opened = await second.goto("/tech?source=home-screen");
  expect(opened?.fromServiceWorker()).toBe(true);
  await expectTechShell(second);
  // Only the technician app is kept for offline use; other areas need the network.
  await expect(second.goto("/staff")).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);

  // Back online with the session gone, /tech is answered by a redirect to sign-in; that
  // redirect must not replace the cached shell the app opens offline.
  await context.setOffline(false);
  await context.clearCookies();
  await second.goto("/tech");
  await expect(second).toHaveURL(/\/signin/);
  await context.setOffline(true);
  const third = await context.newPage();
  expect((await third.goto("/tech"))?.fromServiceWorker()).toBe(true);
  await expectTechShell(third);
  await context.close();
});

test("the web app manifest describes the technician app and its icons load", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "Fieldgate Technician",
    short_name: "Fieldgate",
    start_url: "/tech",
    scope: "/",
    display: "standalone",
    theme_color: "#101828",
    background_color: "#f4f5f7",
  });
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of [...icons, { src: "/icons/apple-touch-icon.png", sizes: "180x180", type: "image/png" }]) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"]).toBe(icon.type);
    const png = await image.body();
    expect(png.subarray(1, 4).toString("latin1"), icon.src).toBe("PNG");
    // A PNG's IHDR chunk holds its width and height; they must match what the manifest says.
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
});

import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createAssignment, createServiceTasks, createSite, createWorkOrder, newId } from "../prisma/factories";
import { readImageHeader } from "../lib/offline/photos/read-image-header";
import { PDF_BYTES } from "../tests/sample-files";
import { db, expect, openTab, openVisitStep, signInAs, signInWithPassword, test, type TTenant } from "./fixtures";

async function scheduledTask(tenant: TTenant) {
  const site = await createSite(db, tenant.organisation.id, {
    name: "Riverside Clinic",
    accessDetails: "Keys at reception, ask for Sam",
  });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Annual boiler service",
  });
  const serviceTasks = await createServiceTasks(db, workOrder);
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "SCHEDULED",
    technicianIds: [tenant.technician.person.id],
  });
  await db.assignment.update({ where: { id: task.id }, data: { scheduledAt: new Date() } });
  // A document from the client, stored where the test server reads files.
  const storageKey = `e2e/${newId()}.pdf`;
  await mkdir(path.dirname(path.resolve("data/e2e-files", storageKey)), { recursive: true });
  await writeFile(path.resolve("data/e2e-files", storageKey), PDF_BYTES);
  await db.attachment.create({
    data: {
      organisationId: tenant.organisation.id,
      workOrderId: workOrder.id,
      kind: "CLIENT_DOCUMENT",
      filename: "boiler-manual.pdf",
      contentType: "application/pdf",
      sizeBytes: PDF_BYTES.byteLength,
      sha256: "0".repeat(64),
      storageKey,
    },
  });
  return { workOrder, task, serviceTasks };
}

async function sign(page: Page, canvasIndex: number) {
  const canvas = page.getByTestId("signature-canvas").nth(canvasIndex);
  await canvas.scrollIntoViewIfNeeded();
  await expect(canvas).toHaveAttribute("data-ready", "true");
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 10, { steps: 5 });
  await page.mouse.move(box.x + box.width - 20, box.y + box.height - 10, { steps: 5 });
  await page.mouse.up();
}

test("a technician does the whole visit offline, reopens the app offline, and every change reaches the office exactly once", async ({
  browser,
  page: staffPage,
  tenant,
}) => {
  test.setTimeout(180_000);
  const { workOrder, task, serviceTasks } = await scheduledTask(tenant);
  const page = await signInAs(browser, tenant.technician.user.id, "/tech");
  const context = page.context();

  // Online once: tasks and the client's document are cached, the service worker installed.
  await expect(page.getByTestId("task-list")).toContainText("Annual boiler service");
  await expect(page.getByTestId("last-synced")).not.toContainText("never");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 15_000 })
    .toBe(true);
  await page.getByRole("link", { name: /Annual boiler service/ }).click();
  await expect(page.getByRole("button", { name: "boiler-manual.pdf" })).toBeVisible({ timeout: 15_000 });

  await context.grantPermissions(["geolocation"]);
  await context.setGeolocation({ latitude: 53.79648, longitude: -1.54785, accuracy: 15 });
  await context.setOffline(true);
  await page.getByRole("button", { name: "I'm on site" }).click();
  await expect(page.getByTestId("task-status")).toHaveText("In progress");
  await page.getByRole("group", { name: "Flue gas analysis result" }).getByRole("button", { name: "Pass" }).click();
  await expect(
    page.getByRole("group", { name: "Flue gas analysis result" }).getByRole("button", { name: "Pass" }),
  ).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Reading (mbar)").fill("12.5");
  await page.getByLabel("Answer").click();
  await expect(page.getByTestId("service-task-1")).toContainText("Out of range");
  await page.getByLabel("Answer").fill("Joints sound, lagging worn");
  await page.getByRole("heading", { name: "Service tasks" }).click();

  await openVisitStep(page, "Defects");
  const defect = page.getByTestId("defect-form");
  await defect.getByRole("button", { name: "Report defect" }).click();
  await expect(defect.locator(".field-error")).toHaveText("Describe the defect");
  await defect.getByLabel("Severity").selectOption("HIGH");
  await defect.getByLabel("What is wrong?").fill("Flue terminal cracked");
  // A 12-megapixel camera photo, made in the browser: a noise tile repeated, so it is
  // large on disk without a slow pixel loop.
  const camera = await page.evaluate(async () => {
    const tile = new OffscreenCanvas(256, 256);
    const tileContext = tile.getContext("2d")!;
    const noise = tileContext.createImageData(256, 256);
    for (let i = 0; i < noise.data.length; i++) noise.data[i] = i % 4 === 3 ? 255 : (i * 2654435761) % 251;
    tileContext.putImageData(noise, 0, 0);
    const canvas = new OffscreenCanvas(4000, 3000);
    const context = canvas.getContext("2d")!;
    for (let x = 0; x < 4000; x += 256) for (let y = 0; y < 3000; y += 256) context.drawImage(tile, x, y);
    const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  const cameraBytes = Buffer.from(camera, "base64");
  expect(cameraBytes.length).toBeGreaterThan(1024 * 1024);
  // Resized off the page: the bundle's photo worker starts (offline, from the precache) and
  // listens, rather than the page fallback doing the work. Checked while it runs: it stops
  // when idle.
  const photoWorkerListening = page
    .waitForEvent("worker", (worker) => /\/tech-app\/photo-worker-[\w-]+\.js$/.test(worker.url()))
    .then((worker) =>
      expect.poll(() => worker.evaluate(() => typeof self.onmessage), { intervals: [50] }).toBe("function"),
    );
  await defect.getByLabel("Add photo").setInputFiles({ name: "flue.jpg", mimeType: "image/jpeg", buffer: cameraBytes });
  await photoWorkerListening;
  await expect(defect.getByRole("list", { name: "Photos ready" }).getByRole("img")).toHaveCount(1);
  await defect.getByRole("button", { name: "Report defect" }).click();
  await expect(page.getByRole("region", { name: "Defects" })).toContainText("Flue terminal cracked");
  await expect(page.getByTestId("pending-count")).toHaveText(/^Offline · \d+ changes waiting$/);

  // Reload and open the app again with no network: the shell comes from the service
  // worker, the work from IndexedDB.
  await page.reload();
  await expect(page.getByTestId("task-status")).toHaveText("In progress");
  await openVisitStep(page, "Defects");
  await expect(page.getByRole("region", { name: "Defects" })).toContainText("Flue terminal cracked");
  const second = await context.newPage();
  await second.goto("/tech");
  await expect(second.getByTestId("task-list")).toContainText("Annual boiler service");
  await second.close();

  // The client's document opens offline.
  await openVisitStep(page, "Arrive");
  await expect(page.getByRole("button", { name: "boiler-manual.pdf" })).toBeVisible();

  await openVisitStep(page, "Sign off");
  const perform = page.getByTestId("perform-form");
  await perform.getByRole("button", { name: "I've performed this work" }).click();
  await expect(perform.locator(".field-error")).toHaveText("Sign to confirm the work is done");
  await perform.getByLabel("Notes for the office").fill("Serviced. Flue terminal needs replacing.");
  await sign(page, 0);
  await perform.getByLabel("On-site client's name (optional)").fill("Sam Porter");
  await sign(page, 1);
  await perform.getByRole("button", { name: "I've performed this work" }).click();
  await expect(page.getByTestId("task-status")).toHaveText("Performed (needs docs)");

  await context.setOffline(false);
  await expect(page.getByTestId("pending-count")).toHaveText("All changes synced", { timeout: 30_000 });

  const server = await db.assignment.findUniqueOrThrow({
    where: { id: task.id },
    include: { checkIns: true, defects: true, signatures: true, attachments: true },
  });
  expect(server.status).toBe("PERFORMED");
  expect(server.performedNotes).toBe("Serviced. Flue terminal needs replacing.");
  expect(server.checkIns).toHaveLength(1);
  expect(server.checkIns[0]).toMatchObject({ latitude: 53.79648, longitude: -1.54785, accuracyM: 15 });
  expect(server.defects.map((d) => [d.severity, d.description])).toEqual([["HIGH", "Flue terminal cracked"]]);
  expect(server.signatures.map((s) => `${s.signerRole}:${s.signerName}`).sort()).toEqual([
    "ON_SITE_CLIENT:Sam Porter",
    `TECHNICIAN:${tenant.technician.user.name}`,
  ]);
  const photos = server.attachments.filter((a) => a.kind === "PHOTO");
  expect(photos).toHaveLength(1);
  expect(photos[0]).toMatchObject({ defectId: server.defects[0].id, contentType: "image/jpeg" });
  // Resized on the phone: at most 1920 px on the long edge and about 1 MB.
  expect(photos[0].sizeBytes).toBeLessThanOrEqual(1024 * 1024);
  const stored = await readFile(path.resolve("data/e2e-files", photos[0].storageKey));
  const size = readImageHeader(stored)!.size!;
  expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(1920);
  expect(size.width / size.height).toBeCloseTo(4 / 3, 1);
  const results = await db.serviceTask.findMany({
    where: { id: { in: serviceTasks.map((s) => s.id) } },
    orderBy: { position: "asc" },
  });
  expect(results.map((r) => [r.result, r.reading, r.answer])).toEqual([
    ["PASS", null, null],
    [null, 12.5, null],
    [null, null, "Joints sound, lagging worn"],
  ]);
  // Exactly once: one record per mutation, one timeline entry per applied mutation.
  const mutations = await db.syncMutation.findMany({ where: { assignmentId: task.id } });
  expect(mutations.map((m) => m.type).sort()).toEqual([
    "check_in",
    "locate_check_in",
    "perform",
    "record_result",
    "record_result",
    "record_result",
    "report_defect",
  ]);
  // The position the phone found after the tap reached the check-in.
  expect(
    await db.checkIn.findMany({ where: { assignmentId: task.id }, select: { latitude: true, longitude: true } }),
  ).toEqual([{ latitude: 53.79648, longitude: -1.54785 }]);
  for (const m of mutations)
    expect(await db.timelineEvent.count({ where: { data: { path: ["mutationId"], equals: m.mutationId } } })).toBe(1);

  // Staff see it on the work order.
  await signInWithPassword(staffPage, tenant.admin.email);
  await staffPage.goto(`/staff/work-orders/${workOrder.id}`);
  const timeline = staffPage.getByRole("list", { name: "Activity" });
  await expect(timeline).toContainText("arrived on site");
  await expect(timeline).toContainText("added the location of their arrival (53.79648, -1.54785 ±15 m");
  await expect(timeline).toContainText("reported a high defect: “Flue terminal cracked”");
  await expect(timeline).toContainText("changed the task to performed (needs docs)");
  await openTab(staffPage, "Details");
  const siteWork = staffPage.getByRole("region", { name: "Work on site" });
  await expect(siteWork.getByRole("table", { name: "Service tasks" })).toContainText("12.5 mbar (out of range)");
  await expect(siteWork.getByRole("img", { name: "Signature of Sam Porter" })).toBeVisible();
  await expect(siteWork.getByTestId("site-visit").getByRole("img", { name: /^photo-/ })).toHaveCount(1);
});

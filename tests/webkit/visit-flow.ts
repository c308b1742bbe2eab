import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import jpeg from "jpeg-js";
import { By, type WebDriver, type WebElement } from "selenium-webdriver";
import type { PrismaClient } from "../../generated/prisma/client";
import { hashSecret, newLinkSecret } from "../../lib/auth/secrets";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createSite,
  createStaffUser,
  createTenantRequest,
  createWorkOrder,
} from "../../prisma/factories";
import { inkOfPng } from "../ink";
import { firstTenantWindow, londonClock } from "../tenant-windows";
import type { startSwitchableProxy } from "./switchable-proxy";

// The whole visit as a technician on an iPhone does it, with no signal: sign in from the
// link, sync, lose the network (cut at a proxy, so no `online` event ever comes), reload,
// check in, record a result, add the step's required photo, report a defect with a photo,
// sign (technician and client) in the Sign off step without a reload, record time; then
// the network returns and everything reaches the office once, within 10 s, and the office
// sees the photos and both signatures with visible strokes.
type TProxy = Awaited<ReturnType<typeof startSwitchableProxy>>;
type TStep = (text: string) => void;

const SYNC_AFTER_NETWORK_RETURNS_MS = 10_000;

async function createVisit(db: PrismaClient) {
  const organisation = await createOrganisation(db, {});
  const staff = await createStaffUser(db, organisation.id, "ADMIN", { name: "Olive Office" });
  const company = await createContractorCompany(db, [organisation.id], { name: `WebKit Repairs ${organisation.slug}` });
  const technician = await createContractorPerson(db, company.id, "TECHNICIAN", { name: "Wendy WebKit" });
  const site = await createSite(db, organisation.id, { name: "Harbour Office" });
  const workOrder = await createWorkOrder(db, {
    organisationId: organisation.id,
    siteId: site.id,
    title: "Replace kitchen tap",
  });
  const steps = await Promise.all(
    [
      { title: "Water turned off", kind: "CHECK" as const, photoRequired: false },
      { title: "Photo of the new tap", kind: "PHOTO" as const, photoRequired: true },
    ].map((row, position) =>
      db.serviceTask.create({ data: { ...row, position, organisationId: organisation.id, workOrderId: workOrder.id } }),
    ),
  );
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: company.id,
    status: "SCHEDULED",
    technicianIds: [technician.person.id],
  });
  await db.assignment.update({ where: { id: task.id }, data: { scheduledAt: new Date() } });
  // A tenant asked for the work: the technician agrees the visit with them, online.
  await createTenantRequest(db, { organisationId: organisation.id, siteId: site.id, workOrderId: workOrder.id });
  const link = async (userId: string, email: string, redirectTo: string) => {
    const secret = newLinkSecret();
    await db.accessToken.create({
      data: {
        tokenHash: hashSecret(secret),
        purpose: "SIGN_IN",
        email,
        userId,
        redirectTo,
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    return `/link/${secret}`;
  };
  return {
    task,
    workOrder,
    steps,
    technicianLink: await link(technician.user.id, technician.user.email, "/tech"),
    // The procedure, photos and signatures are on the work order's Details tab.
    staffLink: await link(staff.id, staff.email, `/staff/work-orders/${workOrder.id}?tab=details`),
  };
}

// A camera photo: a 1600 × 1200 JPEG of coloured noise, on disk for the file input.
async function cameraPhoto(name: string): Promise<string> {
  const width = 1600;
  const height = 1200;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i++) data[i] = i % 4 === 3 ? 255 : (i * 2654435761) % 251;
  const file = path.join(tmpdir(), `fieldgate-webkit-${process.pid}-${name}.jpg`);
  await writeFile(file, jpeg.encode({ data, width, height }, 85).data);
  return file;
}

const byTestId = (id: string) => By.css(`[data-testid="${id}"]`);
// The text a person reads in an element (its rendered text; whitespace as displayed).
const textOf = async (driver: WebDriver, id: string) =>
  driver.executeScript<string>(`return document.querySelector('[data-testid="${id}"]')?.innerText.trim() ?? ""`);

async function waitUntil(driver: WebDriver, what: string, check: () => Promise<boolean>, timeoutMs = 20_000) {
  await driver.wait(async () => check().catch(() => false), timeoutMs, `Timed out waiting for ${what}`);
}

// A reload that is over: the old document gone, the new one loaded (WebKitGTK's driver can
// return from refresh while the old page still answers).
async function reload(driver: WebDriver) {
  await driver.executeScript("window.__beforeReload = true");
  await driver.navigate().refresh();
  await waitUntil(
    driver,
    "the reloaded page",
    async () =>
      (await driver.executeScript<boolean>("return document.readyState === 'complete' && !window.__beforeReload")) ===
      true,
  );
}

async function buttonNamed(driver: WebDriver, name: string, within?: WebElement): Promise<WebElement> {
  const buttons = await (within ?? driver).findElements(By.css("button"));
  for (const button of buttons)
    if ((await button.getText()).trim() === name && (await button.isDisplayed())) return button;
  throw new Error(`No visible button "${name}"`);
}

async function click(driver: WebDriver, element: WebElement) {
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
  await element.click();
}

// The step opens, and the app moves the focus to its panel in the next frame: typing
// before then loses the keys typed when the focus moves (a slow machine typed "Cr" of a
// defect's description), as a person's would if they typed within that frame.
async function openStep(driver: WebDriver, label: string) {
  const nav = await driver.findElement(By.css('nav[aria-label="Steps of the visit"]'));
  const buttons = await nav.findElements(By.css("button"));
  for (const button of buttons)
    if ((await button.getText()).includes(label)) {
      await click(driver, button);
      const panel = `step-${label.toLowerCase().replace(/ /g, "-")}`;
      await waitUntil(driver, `the ${label} step to take the focus`, async () =>
        driver.executeScript<boolean>(`return document.activeElement?.id === "${panel}"`),
      );
      return;
    }
  throw new Error(`No step "${label}"`);
}

// A signature drawn with the pointer, as a finger would: a loop and a long stroke.
async function drawSignature(driver: WebDriver, canvas: WebElement) {
  await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", canvas);
  const { width, height } = await canvas.getRect();
  const x = (fraction: number) => Math.round((fraction - 0.5) * width);
  const y = (fraction: number) => Math.round((fraction - 0.5) * height);
  await driver
    .actions({ async: true })
    .move({ origin: canvas, x: x(0.1), y: y(0.6) })
    .press()
    .move({ origin: canvas, x: x(0.3), y: y(0.2), duration: 80 })
    .move({ origin: canvas, x: x(0.5), y: y(0.7), duration: 80 })
    .move({ origin: canvas, x: x(0.7), y: y(0.3), duration: 80 })
    .move({ origin: canvas, x: x(0.9), y: y(0.6), duration: 80 })
    .release()
    .perform();
}

// What the technician sees on the pad: its backing size and its dark pixels.
const canvasInk = (driver: WebDriver, canvas: WebElement) =>
  driver.executeScript<{ width: number; height: number; dark: number }>(
    `const canvas = arguments[0];
     if (!canvas.width || !canvas.height) return { width: canvas.width, height: canvas.height, dark: 0 };
     const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
     let dark = 0;
     for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 128 && data[i] < 100) dark++;
     return { width: canvas.width, height: canvas.height, dark };`,
    canvas,
  );

export async function visitFlow(driver: WebDriver, appUrl: string, proxy: TProxy, db: PrismaClient, step: TStep) {
  const { task, workOrder, steps, technicianLink, staffLink } = await createVisit(db);
  const [tapPhoto, defectPhoto] = await Promise.all([cameraPhoto("tap"), cameraPhoto("defect")]);

  await driver.get(`${appUrl}${technicianLink}`);
  await waitUntil(
    driver,
    "the sign-in page",
    async () => (await driver.findElement(By.css("h1")).getText()) === "Sign in to Fieldgate",
  );
  await (await buttonNamed(driver, "Continue")).click();
  await waitUntil(driver, "the technician app", async () => new URL(await driver.getCurrentUrl()).pathname === "/tech");
  step("signed in from the link");

  await waitUntil(driver, "the task list", async () => (await textOf(driver, "task-list")).includes(workOrder.title));
  await waitUntil(
    driver,
    "the first sync",
    async () => (await textOf(driver, "pending-count")) === "All changes synced",
  );
  await waitUntil(driver, "the service worker to control the page", () =>
    driver.executeScript<boolean>("return Boolean(navigator.serviceWorker.controller)"),
  );
  const databases = await driver.executeAsyncScript<string[]>(
    "const done = arguments[arguments.length - 1]; indexedDB.databases().then((all) => done(all.map((d) => d.name)));",
  );
  if (!databases.some((name) => name.startsWith("fieldgate-tech-")))
    throw new Error(`No technician database in IndexedDB: ${JSON.stringify(databases)}`);
  step("task list synced; service worker in control, tasks stored in IndexedDB");

  // Online, the technician books the tenant's first window from the phone.
  await driver.executeScript(`location.hash = "#/task/${task.id}"`);
  await waitUntil(driver, "the tenant's times", async () =>
    (await textOf(driver, "tech-visit")).includes("Tess Tenant"),
  );
  const visitCard = await driver.findElement(byTestId("tech-visit"));
  await click(driver, await buttonNamed(driver, "Choose", visitCard));
  await click(driver, await buttonNamed(driver, "Book", visitCard));
  const firstWindow = await firstTenantWindow(db, workOrder.id);
  const bookedTime = `${londonClock(firstWindow.startsAt)}–${londonClock(new Date(firstWindow.startsAt.getTime() + 7_200_000))}`;
  await waitUntil(driver, "the booked visit, synced back to the phone", async () => {
    const text = await textOf(driver, "tech-visit-when");
    return text.startsWith("Booked: ") && text.includes(bookedTime);
  });
  const booked = await db.visit.findFirst({ where: { assignmentId: task.id, status: "BOOKED" } });
  if (booked?.startsAt.getTime() !== firstWindow.startsAt.getTime())
    throw new Error(`The visit booked in WebKit is not the window chosen (${bookedTime})`);
  step(`visit booked online: "${await textOf(driver, "tech-visit-when")}"`);
  await driver.executeScript(`location.hash = "#/"`);
  await waitUntil(driver, "the task list again", async () =>
    (await textOf(driver, "task-list")).includes(workOrder.title),
  );

  // No signal: the shell comes from the service worker, the tasks from IndexedDB.
  await proxy.goOffline();
  const reachable = await driver.executeAsyncScript<boolean>(
    "const done = arguments[arguments.length - 1]; fetch('/api/health', { cache: 'no-store' }).then(() => done(true), () => done(false));",
  );
  if (reachable) throw new Error("The server is still reachable with the network cut");
  await reload(driver);
  await waitUntil(driver, "the task list after an offline reload", async () =>
    (await textOf(driver, "task-list")).includes(workOrder.title),
  );
  step("reloaded offline: task list from the phone");

  // From here on the page records any "Sync failed" alert: with no network the line says
  // the phone is offline and what waits, never that something failed.
  await driver.executeScript(`
    window.__failures = [];
    new MutationObserver(() => {
      for (const alert of document.querySelectorAll('[role="alert"]'))
        if (alert.textContent.includes("Sync failed") || alert.textContent.includes("not saved")) window.__failures.push(alert.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });`);

  // The list can re-render as the phone's data is read: tap until the task opens.
  await waitUntil(driver, "the task to open", async () => {
    if (!(await driver.getCurrentUrl()).includes("#/task/"))
      await (await driver.findElements(By.partialLinkText(workOrder.title)))[0]?.click();
    return (await textOf(driver, "task-status")) !== "";
  });
  await click(driver, await buttonNamed(driver, "I'm on site"));
  await waitUntil(
    driver,
    "the check-in saved on the phone",
    async () => (await textOf(driver, "task-status")) === "In progress",
  );
  await waitUntil(
    driver,
    "the sync line to say the phone is offline",
    async () => (await textOf(driver, "pending-count")) === "Offline · 1 change waiting",
  );
  step(`checked in offline: "${await textOf(driver, "pending-count")}"`);

  // Checks: a result, and the step's required photo.
  const check = await driver.findElement(byTestId("service-task-0"));
  await click(driver, await buttonNamed(driver, "Pass", check));
  const photoStep = await driver.findElement(byTestId("service-task-1"));
  await photoStep.findElement(By.css('input[type="file"]')).sendKeys(tapPhoto);
  await waitUntil(
    driver,
    "the step's photo stored on the phone",
    async () => (await photoStep.findElements(By.css('.thumbnails li[data-state="pending"] img'))).length === 1,
  );
  step("result recorded, required step photo stored");

  await openStep(driver, "Defects");
  const defectForm = await driver.findElement(byTestId("defect-form"));
  await defectForm.findElement(By.css("select")).sendKeys("High");
  await defectForm.findElement(By.css("textarea")).sendKeys("Cracked tile behind the tap");
  await defectForm.findElement(By.css('input[type="file"]')).sendKeys(defectPhoto);
  await waitUntil(
    driver,
    "the defect photo prepared",
    async () => (await defectForm.findElements(By.css('[aria-label="Photos ready"] img'))).length === 1,
  );
  await click(driver, await buttonNamed(driver, "Report defect", defectForm));
  const defects = await driver.findElement(By.css('section[aria-label="Defects"]'));
  await waitUntil(
    driver,
    "the defect with its photo stored on the phone",
    async () =>
      (await defects.getText()).includes("Cracked tile behind the tap") &&
      (await defects.findElements(By.css('.thumbnails li[data-state="pending"] img'))).length === 1,
  );
  step("defect with a photo stored");

  // Sign off, opened for the first time now: the pads must size themselves as they appear.
  await openStep(driver, "Sign off");
  const form = await driver.findElement(byTestId("perform-form"));
  const pads = await form.findElements(byTestId("signature-canvas"));
  await form.findElement(By.css("#perform-notes")).sendKeys("New tap fitted; tile needs replacing.");
  await drawSignature(driver, pads[0]);
  await form.findElement(By.css("#client-name")).sendKeys("Sam Porter");
  await drawSignature(driver, pads[1]);
  for (const [index, pad] of pads.entries()) {
    const ink = await canvasInk(driver, pad);
    if (ink.width < 100 || ink.dark < 50)
      throw new Error(`Signature pad ${index + 1} shows no strokes: ${JSON.stringify(ink)}`);
  }
  await click(driver, await buttonNamed(driver, "I've performed this work", form));
  await waitUntil(
    driver,
    "the work performed on the phone",
    async () => (await textOf(driver, "task-status")) === "Performed (needs docs)",
  );
  step("signed by both, performed");

  // Time: a few minutes from the check-in (the form starts at it).
  const timeSection = await driver.findElement(By.css('section[aria-label="Your time"]'));
  await click(driver, await timeSection.findElement(By.css("summary")));
  await timeSection.findElement(By.css("#time-duration")).sendKeys("0:03");
  await click(driver, await buttonNamed(driver, "Record time", timeSection));
  await waitUntil(driver, "the time entry on the phone", async () =>
    (await textOf(driver, "time-entries")).includes("3 min"),
  );
  // While offline the app keeps trying: between its attempts ("Sending N changes…", which
  // the proxy drops) the line says what waits.
  let waiting = "";
  await waitUntil(driver, "the sync line to say what waits offline", async () =>
    /^Offline · \d+ changes waiting$/.test((waiting = await textOf(driver, "pending-count"))),
  );
  step(`time recorded: "${waiting}"`);

  // The network returns upstream: no `online` event, no tap on anything.
  const back = Date.now();
  await proxy.goOnline();
  await waitUntil(
    driver,
    "everything synced once the network is back",
    async () => (await textOf(driver, "pending-count")) === "All changes synced",
    SYNC_AFTER_NETWORK_RETURNS_MS + 20_000,
  );
  const tookMs = Date.now() - back;
  if (tookMs > SYNC_AFTER_NETWORK_RETURNS_MS)
    throw new Error(`Synced ${(tookMs / 1000).toFixed(1)} s after the network returned (at most 10 s)`);
  const failures = await driver.executeScript<string[]>("return window.__failures");
  if (failures.length) throw new Error(`While offline the app showed: ${failures.join(" | ")}`);
  step(`back online: everything synced ${(tookMs / 1000).toFixed(1)} s after the network returned`);

  // Exactly once, on the server.
  await reload(driver);
  await waitUntil(
    driver,
    "a second sync",
    async () => (await textOf(driver, "pending-count")) === "All changes synced",
  );
  const server = await db.assignment.findUniqueOrThrow({
    where: { id: task.id },
    include: { checkIns: true, defects: true, signatures: true, attachments: true, timeEntries: true },
  });
  const mutations = await db.syncMutation.findMany({ where: { assignmentId: task.id }, select: { type: true } });
  const photos = server.attachments.filter((a) => a.kind === "PHOTO");
  const found = {
    status: server.status,
    checkIns: server.checkIns.length,
    defects: server.defects.map((d) => d.description),
    signatures: server.signatures.map((s) => `${s.signerRole}:${s.signerName}`).sort(),
    stepPhotos: photos.filter((p) => p.serviceTaskId === steps[1].id).length,
    defectPhotos: photos.filter((p) => p.defectId === server.defects[0]?.id).length,
    minutes: server.timeEntries.map((t) => t.minutes),
    mutations: mutations.map((m) => m.type).sort(),
  };
  const expected = {
    status: "PERFORMED",
    checkIns: 1,
    defects: ["Cracked tile behind the tap"],
    signatures: ["ON_SITE_CLIENT:Sam Porter", "TECHNICIAN:Wendy WebKit"],
    stepPhotos: 1,
    defectPhotos: 1,
    minutes: [3],
    mutations: ["check_in", "perform", "record_result", "record_time", "report_defect"],
  };
  if (JSON.stringify(found) !== JSON.stringify(expected))
    throw new Error(`The server holds ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
  step("the server holds each change once: check-in, result, 2 photos, defect, 2 signatures, time");

  // The office's view of it, in the same engine.
  await driver.get(`${appUrl}${staffLink}`);
  await waitUntil(
    driver,
    "the staff sign-in page",
    async () => (await driver.findElement(By.css("h1")).getText()) === "Sign in to Fieldgate",
  );
  await (await buttonNamed(driver, "Continue")).click();
  await waitUntil(driver, "the work order", async () => (await driver.getCurrentUrl()).includes(workOrder.id));
  const siteWork = await driver.findElement(By.css('section[aria-label="Work on site"]'));
  const images = await siteWork.findElements(By.css("img"));
  const shown: string[] = [];
  for (const image of images) {
    const alt = (await image.getAttribute("alt")) ?? "";
    await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", image);
    await waitUntil(driver, `${alt} to load`, () =>
      driver.executeScript<boolean>("return arguments[0].complete && arguments[0].naturalWidth > 0", image),
    );
    if (alt.startsWith("Signature of")) {
      const ink = await inkOfPng(Buffer.from(await image.takeScreenshot(), "base64"));
      if (ink.width < 100 || ink.height < 30 || ink.darkPixels < 50)
        throw new Error(`${alt} shows no strokes on the staff page: ${JSON.stringify(ink)}`);
    }
    shown.push(alt);
  }
  const signatures = shown.filter((alt) => alt.startsWith("Signature of")).sort();
  const photoCount = shown.filter((alt) => alt.startsWith("photo-")).length;
  if (signatures.join() !== "Signature of Sam Porter,Signature of Wendy WebKit" || photoCount !== 2)
    throw new Error(`The staff page shows ${JSON.stringify(shown)}`);
  step("the office sees both photos and both signatures, with strokes");
}

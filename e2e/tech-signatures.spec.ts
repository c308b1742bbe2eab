import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { inkOfPng, signatureInkInPdf } from "../tests/ink";
import { pdfText } from "../tests/pdf-text";
import { db, expect, openVisitStep, signInAs, test, type TTenant } from "./fixtures";
import { padInk, sign } from "./signature-pad";

async function scheduledTask(tenant: TTenant, title: string) {
  const site = await createSite(db, tenant.organisation.id, { name: "Signature Court" });
  const workOrder = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
  // A check: after "I'm on site" the Checks step opens, while Sign off (and its pads) wait hidden.
  await db.serviceTask.create({
    data: {
      organisationId: tenant.organisation.id,
      workOrderId: workOrder.id,
      position: 0,
      title: "Door closes by itself",
      kind: "CHECK",
    },
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "SCHEDULED",
    technicianIds: [tenant.technician.person.id],
  });
  return { workOrder, task };
}

test("signatures drawn in the Sign off step, opened for the first time, show strokes to the office and in the service report", async ({
  browser,
  tenant,
}) => {
  const { workOrder, task } = await scheduledTask(tenant, "Replace the door closer");
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await phone.setViewportSize({ width: 390, height: 844 });
  await expect(phone.getByTestId("pending-count")).toHaveText("All changes synced");
  await phone.goto(`/tech#/task/${task.id}`);

  // The visit as a technician walks it: arrive, checks, defects, sign off. No reload.
  await phone.getByRole("button", { name: "I'm on site" }).click();
  await expect(phone.getByTestId("task-status")).toHaveText("In progress");
  await phone
    .getByRole("group", { name: "Door closes by itself result" })
    .getByRole("button", { name: "Pass" })
    .click();
  await openVisitStep(phone, "Defects");
  await openVisitStep(phone, "Sign off");
  const form = phone.getByTestId("perform-form");
  await form.getByRole("button", { name: "I've performed this work" }).click();
  await expect(form.locator(".signature-field .field-error").first()).toHaveText("Sign to confirm the work is done");

  // A dot is not a signature: said beside the pad as the finger lifts.
  const pad = phone.getByTestId("signature-canvas").first();
  const box = (await pad.boundingBox())!;
  await phone.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(form.locator(".signature-field .field-error").first()).toHaveText(
    "That is too small to be a signature: sign across the box",
  );
  await form.getByRole("button", { name: "Clear signature" }).first().click();

  await sign(phone, 0);
  await form.getByLabel("On-site client's name (optional)").fill("Sam Porter");
  await sign(phone, 1);
  for (const index of [0, 1]) {
    const ink = await padInk(phone, index);
    expect(ink.width).toBeGreaterThan(200);
    expect(ink.dark).toBeGreaterThan(100);
  }
  // Turned sideways: the pads take the new width and keep what was drawn.
  await phone.setViewportSize({ width: 844, height: 390 });
  await expect.poll(async () => (await padInk(phone, 0)).width).toBeGreaterThan(400);
  expect((await padInk(phone, 0)).dark).toBeGreaterThan(100);
  await phone.setViewportSize({ width: 390, height: 844 });
  await form.getByRole("button", { name: "I've performed this work" }).click();
  await expect(phone.getByTestId("task-status")).toHaveText("Performed (needs docs)");
  await expect(phone.getByTestId("pending-count")).toHaveText("All changes synced", { timeout: 15_000 });
  await phone.context().close();

  const signatures = await db.signature.findMany({ where: { assignmentId: task.id } });
  expect(signatures.map((s) => [s.signerRole, s.signerName, s.method]).sort()).toEqual([
    ["ON_SITE_CLIENT", "Sam Porter", "DRAWN"],
    ["TECHNICIAN", "Terry Tech", "DRAWN"],
  ]);

  // The office's work order: each signature has a size and visible strokes.
  const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}?tab=details`);
  const siteWork = staff.getByRole("region", { name: "Work on site" });
  for (const name of ["Terry Tech", "Sam Porter"]) {
    const image = siteWork.getByRole("img", { name: `Signature of ${name}` });
    await image.scrollIntoViewIfNeeded();
    const size = await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size[0]).toBeGreaterThan(100);
    expect(size[1]).toBeGreaterThan(20);
    const ink = await inkOfPng(await image.screenshot());
    expect(ink.darkPixels, `dark pixels of ${name}'s signature on the work order`).toBeGreaterThan(100);
  }

  // The service report PDF: each signature's box holds dark strokes.
  const response = await staff.request.get(`/api/staff/work-orders/${workOrder.id}/service-report-pdf`);
  expect(response.status()).toBe(200);
  const pdf = new Uint8Array(await response.body());
  expect(await pdfText(pdf)).toMatch(/Date of the work\s*\w{3} \d{1,2} \w{3} \d{4}/);
  const inks = await signatureInkInPdf(pdf, ["Technician: Terry Tech", "Client on site: Sam Porter"]);
  expect(Object.keys(inks).sort()).toEqual(["Client on site: Sam Porter", "Technician: Terry Tech"]);
  for (const [caption, ink] of Object.entries(inks))
    expect(ink.darkPixels, `dark pixels of “${caption}” in the PDF`).toBeGreaterThan(200);
  await staff.context().close();
});

test("someone who cannot draw signs by typing their name, and it is recorded and shown as typed", async ({
  browser,
  tenant,
}) => {
  const { workOrder, task } = await scheduledTask(tenant, "Service the lift");
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await phone.setViewportSize({ width: 390, height: 844 });
  await expect(phone.getByTestId("pending-count")).toHaveText("All changes synced");
  await phone.goto(`/tech#/task/${task.id}`);
  await phone.getByRole("button", { name: "I'm on site" }).click();
  await openVisitStep(phone, "Sign off");
  const form = phone.getByTestId("perform-form");
  await sign(phone, 0);
  const clientPad = form.locator(".signature-field").nth(1);
  await clientPad.getByLabel("I sign by typing my name").check();
  await expect(clientPad.getByTestId("signature-canvas")).toBeHidden();
  await clientPad.getByTestId("typed-signature").fill("Pat Okafor");
  await form.getByRole("button", { name: "I've performed this work" }).click();
  await expect(phone.getByTestId("task-status")).toHaveText("Performed (needs docs)");
  await expect(phone.getByTestId("pending-count")).toHaveText("All changes synced", { timeout: 15_000 });
  await phone.context().close();

  expect(
    await db.signature.findFirstOrThrow({
      where: { assignmentId: task.id, signerRole: "ON_SITE_CLIENT" },
      select: { signerName: true, method: true, imageSvg: true },
    }),
  ).toEqual({ signerName: "Pat Okafor", method: "TYPED", imageSvg: null });
  const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}?tab=details`);
  const typed = staff.getByLabel("Typed signature of Pat Okafor");
  await expect(typed).toContainText("Signed by typing their name");
  const response = await staff.request.get(`/api/staff/work-orders/${workOrder.id}/service-report-pdf`);
  expect(await pdfText(new Uint8Array(await response.body()))).toContain("(signed by typing their name)");
  await staff.context().close();
});

import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { EXE_BYTES, PDF_BYTES } from "../tests/sample-files";
import { db, expect, openTab, signInAs, signInWithPassword, test } from "./fixtures";

test("staff give the contractor a document; the contractor reads it and uploads a report; disguised files are refused", async ({
  page,
  browser,
  tenant,
  otherTenant,
}) => {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Annual gas safety check",
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "ACCEPTED",
  });

  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/work-orders/${workOrder.id}?tab=documents`);
  await page.getByRole("button", { name: "Add a document…" }).click();
  const upload = page.getByTestId("client-document-form");
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByText("Choose a file")).toBeVisible();
  await upload
    .getByLabel(/^File/)
    .setInputFiles({ name: "boiler-manual.pdf", mimeType: "application/pdf", buffer: Buffer.from(EXE_BYTES) });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByText(/^Upload a PDF, a photo/)).toBeVisible();
  await upload
    .getByLabel(/^File/)
    .setInputFiles({ name: "boiler-manual.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF_BYTES) });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(page.locator(".toast-region")).toContainText("Document added; the contractor can read it.");
  await expect(upload).toBeHidden();
  await expect(page.getByRole("list", { name: "Documents" })).toContainText("boiler-manual.pdf");
  expect(await db.attachment.count({ where: { workOrderId: workOrder.id } })).toBe(1);

  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}?tab=documents`);
  const link = desk.getByRole("list", { name: "Documents" }).getByRole("link", { name: "boiler-manual.pdf" });
  const fileUrl = await link.getAttribute("href");
  const download = await desk.request.get(fileUrl!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toContain('attachment; filename="boiler-manual.pdf"');
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await download.body()).equals(Buffer.from(PDF_BYTES))).toBe(true);

  await desk.getByRole("button", { name: "Upload a document…" }).click();
  const form = desk.getByTestId("task-document-form");
  await form
    .getByLabel("File (PDF, photo, Word, Excel, text; up to 25 MB)")
    .setInputFiles({ name: "service-report.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF_BYTES) });
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(form.getByText("Choose what the document is")).toBeVisible();
  await form.getByLabel("Document type").selectOption("REPORT");
  await form
    .getByLabel("File (PDF, photo, Word, Excel, text; up to 25 MB)")
    .setInputFiles({ name: "service-report.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF_BYTES) });
  await form.getByRole("button", { name: "Upload" }).click();
  await expect(desk.locator(".toast-region")).toContainText("Document uploaded.");
  await expect(desk.getByRole("list", { name: "Documents" })).toContainText("service-report.pdf");

  await page.reload();
  await expect(page.getByRole("list", { name: "Documents" })).toContainText("service-report.pdf");
  await openTab(page, "Activity");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("uploaded report “service-report.pdf”");

  // Another organisation's people get 404 for the same file address; nobody anonymous gets it.
  const outsider = await signInAs(browser, otherTenant.office.user.id);
  expect((await outsider.request.get(fileUrl!)).status()).toBe(404);
  const anonymous = await (await browser.newContext()).request.get(fileUrl!);
  expect(anonymous.status()).toBe(401);
});

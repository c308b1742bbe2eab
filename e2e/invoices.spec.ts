import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { pdfText } from "../tests/pdf-text";
import { db, emailTo, expect, openTab, signInAs, test, type TTenant } from "./fixtures";

// Downloads a PDF by its link and reads its text back, wrapped lines joined.
async function downloadedPdfText(page: Page, link: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  return (await pdfText(bytes)).replace(/\s*\n\s*/g, " ");
}

// A performed task, 3 h on site (with that time recorded unless the test records it), an
// approved estimate of 3 h at 85.00 (the not-to-exceed, 255.00 before tax) and a rate card
// in force at 85.00/h.
async function performedTask(tenant: TTenant, title: string, { timeRecorded = true } = {}) {
  const site = await createSite(db, tenant.organisation.id, { name: "Harbour House" });
  const workOrder = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
  await db.workOrder.update({ where: { id: workOrder.id }, data: { notToExceed: "255" } });
  await db.estimateLine.create({
    data: {
      organisationId: tenant.organisation.id,
      workOrderId: workOrder.id,
      position: 1,
      description: "Labour",
      quantity: "3",
      unitCode: "HUR",
      unitPrice: "85",
      taxPercent: "20",
      approvedAt: new Date(),
    },
  });
  await db.rateCard.create({
    data: {
      organisationId: tenant.organisation.id,
      contractorCompanyId: tenant.company.id,
      version: 1,
      status: "ACCEPTED",
      proposedBy: "client",
      proposedById: tenant.admin.id,
      currency: "GBP",
      normalRate: "85",
      overtimeRate: "127.5",
      calloutRate: "110",
      travelRate: "40",
      validFrom: new Date("2026-01-01T00:00:00Z"),
    },
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "PERFORMED",
    technicianIds: [tenant.technician.person.id],
  });
  const performedAt = new Date(Date.now() - 3_600_000);
  const checkedInAt = new Date(performedAt.getTime() - 3 * 3_600_000);
  await db.assignment.update({ where: { id: task.id }, data: { checkedInAt, performedAt } });
  if (timeRecorded)
    await db.timeEntry.create({
      data: {
        organisationId: tenant.organisation.id,
        assignmentId: task.id,
        personId: tenant.technician.person.id,
        workDate: new Date(`${checkedInAt.toISOString().slice(0, 10)}T00:00:00Z`),
        startedAt: checkedInAt,
        minutes: 180,
        source: "tech",
      },
    });
  return { workOrder, task };
}

function localDateTime(offsetMs: number): string {
  const d = new Date(Date.now() + offsetMs - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

// The technician's time on site, recorded offline in the app; it reaches the office once.
async function recordTimeOffline(browser: Browser, tenant: TTenant, taskId: string, duration: string) {
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await expect(phone.getByTestId("last-synced")).not.toContainText("never");
  await phone.goto(`/tech#/task/${taskId}`);
  const section = phone.getByRole("region", { name: "Your time" });
  await phone.context().setOffline(true);
  await section.getByRole("button", { name: `Record ${duration}` }).click();
  await expect(phone.getByTestId("pending-count")).toHaveText("Offline · 1 change waiting");
  await phone.context().setOffline(false);
  await expect(phone.getByTestId("pending-count")).toHaveText("All changes synced", { timeout: 30_000 });
  await phone.context().close();
}

test("the technician records time offline; the contractor completes, reviews the drafted invoice, adds a line over the estimate and submits; staff dispute it; the contractor revises; staff approve and the task is invoiced", async ({
  browser,
  tenant,
}) => {
  const { workOrder, task } = await performedTask(tenant, "Replace boiler valve", { timeRecorded: false });
  await recordTimeOffline(browser, tenant, task.id, "3 h");
  expect(await db.timeEntry.count({ where: { assignmentId: task.id } })).toBe(1);
  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  const complete = desk.getByTestId("complete-form");
  await complete.getByLabel("When were you on site?").fill(localDateTime(-4 * 3_600_000));
  await complete.getByRole("button", { name: "Mark complete" }).click();
  await expect(complete).toHaveCount(0);
  await openTab(desk, "Money");
  const invoices = desk.getByRole("region", { name: "Invoices" });
  await invoices.getByRole("link", { name: /^INV-\d{5}$/ }).click();

  const lines = desk.getByTestId("invoice-line");
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText("Labour, normal");
  await expect(lines.first()).toContainText("from 1 time entry · bills estimate line 1 (Labour)");
  await expect(lines.first()).toContainText("3:00 h");
  await expect(desk.getByTestId("invoice-gross")).toHaveText("£306.00");

  await desk.getByRole("button", { name: "Add a line…" }).click();
  const add = desk.getByTestId("invoice-line-form");
  await add.getByLabel("What it bills").selectOption("COST");
  await add.getByLabel("Description").fill("Replacement valve");
  await add.getByLabel("Quantity").fill("1");
  await add.getByLabel("Unit price, GBP").fill("120.001");
  await add.getByRole("button", { name: "Add line" }).click();
  await expect(add.getByText("GBP has 2 decimals at most")).toBeVisible();
  await add.getByLabel("Unit price, GBP").fill("120");
  await add.getByRole("button", { name: "Add line" }).click();
  await expect(lines).toHaveCount(2);
  await expect(desk.getByTestId("invoice-net")).toHaveText("£375.00");
  await desk.getByTestId("invoice-submit-form").getByRole("button", { name: "Submit invoice" }).click();
  await expect(desk.locator(".toast-region")).toContainText("Invoice submitted");
  await expect(desk.getByRole("button", { name: "Add line" })).toHaveCount(0);

  const staff = await signInAs(browser, tenant.admin.id, "/staff/invoices?status=SUBMITTED");
  await expect(staff.getByTestId("invoice-totals")).toContainText("1 invoice: £375.00 net, £450.00 with tax");
  await staff.getByRole("link", { name: /^INV-\d{5}$/ }).click();
  await expect(staff.getByTestId("invoice-differences")).toContainText(
    "1 difference flagged on the lines below; total £375.00 over not-to-exceed £255.00",
  );
  await expect(staff.getByTestId("line-difference")).toHaveText(["⚠ line not in the approved estimate (£120.00)"]);
  await expect(staff.getByText("It cannot be approved yet: total £375.00 over not-to-exceed £255.00")).toBeVisible();
  await expect(staff.getByRole("button", { name: "Approve…" })).toHaveCount(0);

  await staff.getByRole("button", { name: "Dispute lines…" }).click();
  const dispute = staff.getByTestId("dispute-form");
  await dispute.getByRole("button", { name: "Send the dispute" }).click();
  await expect(dispute.getByText("Give a reason for at least one line")).toBeVisible();
  await dispute.getByLabel(/^Line 2: Replacement valve/).fill("Not in the estimate: ask for an increase first");
  await dispute.getByRole("button", { name: "Send the dispute" }).click();
  await expect(staff.locator(".toast-region")).toContainText("Invoice disputed");
  const email = await emailTo(tenant.office.user.email, /Invoice INV-\d{5} disputed/);
  expect(email.text).toContain("Line 2, Replacement valve: Not in the estimate: ask for an increase first");

  await desk.reload();
  await expect(desk.getByTestId("line-dispute")).toHaveText("Disputed: Not in the estimate: ask for an increase first");
  await desk.getByTestId("invoice-line").nth(1).getByRole("button", { name: "Remove" }).click();
  await expect(lines).toHaveCount(1);
  await desk.getByRole("button", { name: "Submit revision" }).click();
  await expect(desk.locator(".toast-region")).toContainText("Invoice submitted");

  await staff.reload();
  await expect(staff.getByTestId("invoice-revision")).toHaveCount(2);
  await expect(staff.getByTestId("invoice-revision").nth(1)).toContainText(
    "Disputed line 2 (Replacement valve): Not in the estimate",
  );
  await expect(staff.getByTestId("invoice-differences")).toContainText("no difference");
  await staff.getByRole("button", { name: "Approve…" }).click();
  await expect(staff.getByRole("dialog")).toContainText("also accepts the completed work as reviewed");
  await staff.getByRole("button", { name: "Approve invoice" }).click();
  await expect(staff.locator(".toast-region")).toContainText("Invoice approved; the task is invoiced");
  await expect(staff.getByTestId("record-status")).toContainText("Approved");
  expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("INVOICED");

  const invoiceText = await downloadedPdfText(staff, "Download PDF");
  for (const expected of [
    "Invoice INV-",
    "Approved",
    "Labour, normal",
    "3:00 h",
    "£85.00",
    "Tax at 20 % on £255.00",
    "£51.00",
    "£306.00",
  ])
    expect(invoiceText).toContain(expected);
  expect(invoiceText).not.toContain("Replacement valve");

  await staff.goto(`/staff/work-orders/${workOrder.id}?tab=money`);
  await expect(staff.getByRole("region", { name: "Invoices" })).toContainText("£306.00 with tax");
  await expect(staff.getByRole("region", { name: "Invoices" })).toContainText("Approved");
  await openTab(staff, "Documents");
  const sheet = await downloadedPdfText(staff, "Work order for the contractor (PDF)");
  expect(sheet).toContain("Replace boiler valve");
  expect(sheet).toContain("Harbour House");
  await desk.goto(`/desk/tasks/${task.id}?tab=documents`);
  const report = await downloadedPdfText(desk, "Service report (PDF)");
  expect(report).toContain("Service report: Replace boiler valve");
});

test("staff make an evidence pack in the background; it verifies at /verify and the same PDF with one byte changed does not", async ({
  browser,
  tenant,
}) => {
  const { workOrder } = await performedTask(tenant, "Clear blocked drain");
  const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}?tab=documents`);
  const pdfs = staff.getByRole("region", { name: "PDFs" });
  await pdfs.getByRole("button", { name: "Make an evidence pack" }).click();
  await expect(staff.locator(".toast-region")).toContainText("Preparing the evidence pack.");
  // The job worker makes it; the page refreshes itself until the pack is ready.
  const link = pdfs.getByRole("link", { name: /^Evidence pack of / });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(pdfs.getByTestId("evidence-packs")).toContainText("SHA-256");
  const [download] = await Promise.all([staff.waitForEvent("download"), link.click()]);
  const pack = await readFile(await download.path());
  const text = (await pdfText(pack)).replace(/\s*\n\s*/g, " ");
  expect(text).toContain("Clear blocked drain");
  expect(text).toContain("Harbour House");

  // Anyone may check a pack, signed in or not.
  const visitor = await browser.newPage();
  await visitor.goto("/verify");
  const form = visitor.getByTestId("verify-form");
  await form
    .getByLabel("Evidence pack (PDF)")
    .setInputFiles({ name: "pack.pdf", mimeType: "application/pdf", buffer: pack });
  await form.getByRole("button", { name: "Check the PDF" }).click();
  await expect(form.getByTestId("verify-result")).toContainText(
    `This is an unaltered Fieldgate evidence pack for work order #${workOrder.number}, made on`,
  );
  await expect(form.getByTestId("verify-result")).not.toContainText("Clear blocked drain");
  const changed = Buffer.from(pack);
  const at = Math.floor(changed.length / 2);
  changed[at] = changed[at] ^ 0x01;
  await form
    .getByLabel("Evidence pack (PDF)")
    .setInputFiles({ name: "pack.pdf", mimeType: "application/pdf", buffer: changed });
  await form.getByRole("button", { name: "Check the PDF" }).click();
  await expect(form.getByTestId("verify-result")).toContainText(
    "This PDF is not an evidence pack as Fieldgate made it",
  );
  await visitor.close();
});

test("the contractor asks for a higher not-to-exceed with an extra line; staff approve and the line joins the estimate", async ({
  browser,
  tenant,
}) => {
  const { workOrder, task } = await performedTask(tenant, "Repair roof flashing");
  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}?tab=money`);
  const panel = desk.getByRole("region", { name: "Not-to-exceed increases" });
  await panel.getByRole("button", { name: "Ask for a higher not-to-exceed…" }).click();
  const form = panel.getByTestId("nte-request-form");
  await form.getByRole("button", { name: "Send the request" }).click();
  await expect(form.getByText("Say why the work needs more")).toBeVisible();
  await expect(form.getByText("Add the extra lines the increase pays for")).toBeVisible();
  await form.getByLabel("Why the work needs more").fill("The flashing under the tiles has rotted");
  await form.getByLabel("Description").first().fill("Lead flashing");
  await form.getByLabel("Quantity").first().fill("4");
  await form.getByLabel("Unit").first().selectOption("MTR");
  await form.getByLabel("Unit price, GBP").first().fill("32.50");
  await form.getByRole("button", { name: "Send the request" }).click();
  await expect(panel.getByTestId("nte-request")).toContainText("From £255.00 to £385.00 before tax");
  await expect(panel.getByRole("button", { name: "Ask for a higher not-to-exceed…" })).toHaveCount(0);
  await emailTo(tenant.admin.email, /asks to raise the not-to-exceed of #\d+ to £385.00/);

  const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}?tab=money`);
  const requests = staff.getByRole("region", { name: "Not-to-exceed increases" });
  await expect(requests).toContainText("Lead flashing: 4 metres × £32.50");
  await requests.getByRole("button", { name: "Reject" }).click();
  await expect(requests.getByText("Say why you reject it")).toBeVisible();
  await requests.getByRole("button", { name: "Approve the increase" }).click();
  await expect(staff.locator(".toast-region")).toContainText("Decision recorded");
  await expect(requests.getByTestId("nte-request")).toContainText("Approved");
  await expect(staff.getByRole("region", { name: "Estimate", exact: true })).toContainText("Lead flashing");
  await expect(staff.getByTestId("estimate-approved-net")).toHaveText("£385.00");
  await emailTo(tenant.office.user.email, /approved your not-to-exceed increase/);
});

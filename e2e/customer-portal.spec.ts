import type { Browser, Page } from "@playwright/test";
import { createAssignment, createPortalLink, createSite, createStaffUser, createWorkOrder } from "../prisma/factories";
import { signatureInkInPdf } from "../tests/ink";
import { pdfText } from "../tests/pdf-text";
import { db, emailTo, expect, linkFromEmail, openTab, signInAs, test, type TTenant } from "./fixtures";
import { sign } from "./signature-pad";

// A price no other text on these pages carries, raw and as the customer would read it.
const SENTINEL = "7319.47";
const SENTINEL_SHOWN = "7,319.47";

// A work order under way with three manager-approved lines, for a customer to decide.
async function estimateAwaitingCustomer(tenant: TTenant, options: { requireCustomerApproval: boolean }) {
  await db.organisation.update({
    where: { id: tenant.organisation.id },
    data: {
      requireCustomerApproval: options.requireCustomerApproval,
      estimateTerms: "Payment within 30 days of completion.",
    },
  });
  const site = await createSite(db, tenant.organisation.id, { name: "Quay House" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Leak in the stairwell",
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "ACCEPTED",
  });
  const approvedAt = new Date();
  const line = (position: number, description: string, quantity: string, unitCode: string, unitPrice: string) => ({
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
    position,
    description,
    quantity,
    unitCode,
    unitPrice,
    taxPercent: "20",
    approvedAt,
    approvedById: tenant.admin.id,
  });
  await db.estimateLine.createMany({
    data: [
      line(0, "Labour to trace the leak", "3", "HUR", "60.00"),
      line(1, "Pipe section and fittings", "1", "C62", "45.00"),
      line(2, "Replace the whole riser", "1", "C62", SENTINEL),
    ],
  });
  return { workOrder, task };
}

const customerLine = (page: Page, description: string) => page.getByRole("listitem", { name: description });

async function decide(page: Page, description: string, button: "Approve" | "Reject" | "Clear my decision") {
  const card = customerLine(page, description);
  await card.getByRole("button", { name: button }).click();
  const word = { Approve: "Approved", Reject: "Rejected", "Clear my decision": "Awaiting your decision" }[button];
  await expect(card.getByTestId("line-decision")).toHaveText(word);
}

async function customerPage(browser: Browser, path: string, width = 1366) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

for (const width of [1366, 390])
  test(`a manager sends an estimate; the customer decides each line at ${width} px, signs what they saw, and staff, the contractor and the PDF follow`, async ({
    browser,
    tenant,
  }) => {
    test.setTimeout(120_000);
    const manager = await createStaffUser(db, tenant.organisation.id, "MANAGER", { name: "Mina Manager" });
    const { workOrder, task } = await estimateAwaitingCustomer(tenant, { requireCustomerApproval: true });
    const customer = `carol-${tenant.organisation.slug}@example.test`;

    const staff = await signInAs(browser, manager.id, `/staff/work-orders/${workOrder.id}`);
    await staff.getByRole("button", { name: "Send to the customer…" }).click();
    const dialog = staff.getByRole("dialog", { name: "Send the customer a link" });
    await dialog.getByLabel(/Estimate: approve or reject/).check();
    await dialog.getByLabel("Send to (email addresses)").fill("not-an-address");
    await dialog.getByRole("button", { name: "Send link" }).click();
    await expect(dialog.getByText("“not-an-address” is not an email address")).toBeVisible();
    await dialog.getByLabel("Send to (email addresses)").fill(customer);
    await dialog.getByLabel("Message (optional)").fill("Please look at the riser line.");
    await expect(dialog.getByText(/^Until /)).toBeVisible();
    await dialog.getByRole("button", { name: "Send link" }).click();
    await expect(staff.locator(".toast-region")).toContainText("Link sent.");
    // Every manager's copy shows whom it went to and the link's ending, never a working link.
    const copy = await emailTo(manager.email, /^Copy: Estimate/);
    expect(copy.text).toContain(customer);
    expect(copy.text).not.toMatch(/\/l\/[A-Za-z0-9_-]{43}/);
    const path = await linkFromEmail(customer, /Estimate for/);
    expect(copy.text).toContain(`…${path.slice(-4)}`);

    const phone = await customerPage(browser, path, width);
    await expect(phone.getByTestId("estimate-summary")).toHaveText(
      "3 lines await your decision: approve or reject each one.",
    );
    await decide(phone, "Labour to trace the leak", "Approve");
    await decide(phone, "Pipe section and fittings", "Approve");
    const riser = customerLine(phone, "Replace the whole riser");
    await riser.getByText("Comment on this line").click();
    await riser
      .getByLabel("Your comment (sent with your decision, or on its own)")
      .fill("Too much: only repair the leak.");
    await decide(phone, "Replace the whole riser", "Reject");
    await expect(riser.getByTestId("line-comment")).toContainText("Too much: only repair the leak.");
    await decide(phone, "Pipe section and fittings", "Clear my decision");
    await decide(phone, "Pipe section and fittings", "Approve");
    await expect(phone.getByTestId("approved-totals")).toContainText("£270.00");

    // The terms come before the signature; the signature is the last step.
    await expect(phone.getByTestId("estimate-terms")).toHaveText("Payment within 30 days of completion.");
    const form = phone.getByTestId("sign-estimate-form");
    await form.getByRole("button", { name: "Sign the estimate" }).click();
    await expect(form.getByText("Enter your full name")).toBeVisible();
    await form.getByLabel("I have read the terms above").check();
    await form.getByLabel("Your full name").fill("Carol Customer");
    await sign(phone, 0);
    await form.getByRole("button", { name: "Sign the estimate" }).click();
    await expect(phone.getByTestId("signature-summary")).toContainText("Signed by Carol Customer");
    await expect(phone.getByRole("button", { name: "Approve" })).toHaveCount(0);
    const signature = await db.estimateSignature.findFirstOrThrow({ where: { workOrderId: workOrder.id } });
    await expect(phone.getByTestId("signature-summary")).toContainText(signature.contentHash);

    // The estimate PDF holds the signer's name and the hash, and its image shows the strokes.
    const pdf = new Uint8Array(await (await phone.request.get(`${path}/pdf`)).body());
    const text = await pdfText(pdf);
    expect(text).toContain("Signed by Carol Customer");
    expect(text.replace(/\s+/g, "")).toContain(signature.contentHash);
    const ink = await signatureInkInPdf(pdf, ["Signed by Carol Customer"]);
    expect(ink["Signed by Carol Customer"]?.darkPixels, "dark pixels of the signature in the PDF").toBeGreaterThan(200);

    // The not-to-exceed followed the lines both approved, and the contractor was told.
    await expect
      .poll(async () => (await db.workOrder.findUniqueOrThrow({ where: { id: workOrder.id } })).notToExceed?.toFixed(2))
      .toBe("225.00");
    const scope = await emailTo(tenant.office.user.email, /approved scope .* changed: not to exceed £225\.00/);
    expect(scope.text).toContain("Pipe section and fittings");

    // Staff see both decisions, reply to the comment; the customer sees the reply and is emailed.
    await staff.goto(`/staff/work-orders/${workOrder.id}?tab=money`);
    const rows = staff.getByRole("table", { name: "Estimate lines" }).getByTestId("estimate-line");
    await expect(rows.nth(2).getByTestId("customer-decision")).toContainText("Rejected");
    await expect(rows.nth(2).getByTestId("customer-decision")).toContainText("Too much: only repair the leak.");
    await rows.nth(2).getByText("Reply", { exact: true }).click();
    await rows.nth(2).getByLabel("Your reply").fill("Understood: the contractor repairs the leak only.");
    await rows.nth(2).getByRole("button", { name: "Send reply" }).click();
    await expect(rows.nth(2).getByTestId("line-comment")).toHaveCount(2);
    await emailTo(customer, /replied to your comment/);
    await phone.reload();
    await expect(customerLine(phone, "Replace the whole riser").getByTestId("line-comment").nth(1)).toContainText(
      "Understood: the contractor repairs the leak only.",
    );

    // The contractor sees the customer's decisions on its task.
    const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}?tab=money`);
    const approved = desk.getByRole("table", { name: "Approved estimate" }).getByTestId("approved-line");
    await expect(approved.nth(2).getByTestId("customer-decision")).toContainText("Rejected");
    await desk.context().close();

    // Staff change one line: a new version to approve; then only that line awaits the customer.
    await rows.nth(0).getByRole("button", { name: "Change…" }).click();
    const change = staff.getByRole("dialog", { name: "Change “Labour to trace the leak”" });
    await change.getByLabel("Quantity").fill("4");
    await change.getByRole("button", { name: "Save as a new version" }).click();
    await expect(staff.locator(".toast-region")).toContainText("New version saved as a draft.");
    await staff.getByRole("button", { name: "Approve the draft line…" }).click();
    await staff.getByRole("dialog", { name: "Approve the estimate?" }).getByRole("button", { name: "Approve" }).click();
    await expect(staff.locator(".toast-region")).toContainText("Estimate approved");
    await phone.reload();
    await expect(phone.getByTestId("estimate-summary")).toHaveText(
      "1 line awaits your decision: approve or reject each one.",
    );
    await expect(customerLine(phone, "Labour to trace the leak").getByTestId("line-decision")).toHaveText(
      "Awaiting your decision",
    );
    await expect(customerLine(phone, "Labour to trace the leak").getByTestId("changed-since-signing")).toContainText(
      "Changed since you signed",
    );
    await expect(customerLine(phone, "Pipe section and fittings").getByTestId("line-decision")).toHaveText("Approved");
    await expect(phone.getByTestId("signature-summary")).toContainText("covers an earlier version");

    // Every opening and decision is in the access log, with the address and browser.
    const token = await db.accessToken.findFirstOrThrow({ where: { workOrderId: workOrder.id, purpose: "PORTAL" } });
    const events = (await db.accessLog.findMany({ where: { tokenId: token.id } })).map((row) => row.event);
    expect(events).toEqual(
      expect.arrayContaining(["PORTAL_VIEWED", "PORTAL_DECIDED", "PORTAL_SIGNED", "PORTAL_DOWNLOADED"]),
    );
    await openTab(staff, "Customer");
    await expect(staff.getByTestId("portal-link-row")).toContainText(customer);
    await staff.context().close();
    await phone.context().close();
  });

test("the work authorization view carries no price anywhere; a coordinator cannot send; expired and withdrawn links say so", async ({
  browser,
  tenant,
}) => {
  const { workOrder } = await estimateAwaitingCustomer(tenant, { requireCustomerApproval: false });
  const authorization = await createPortalLink(db, {
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
    view: "work_authorization",
  });
  const phone = await customerPage(browser, `/l/${authorization.secret}`, 390);
  await expect(phone.getByTestId("customer-line")).toHaveCount(3);
  await decide(phone, "Replace the whole riser", "Reject");
  // The page as the browser gets it, its server-component data included, and the next one.
  for (const html of [await phone.content(), await (await phone.request.get(`/l/${authorization.secret}`)).text()])
    for (const price of [SENTINEL, SENTINEL_SHOWN, "60.00", "£"]) expect(html).not.toContain(price);
  expect((await phone.request.get(`/l/${authorization.secret}/pdf`)).status()).toBe(404);
  // Buttons a thumb can hit, on a phone.
  const approve = customerLine(phone, "Labour to trace the leak").getByRole("button", { name: "Approve" });
  expect((await approve.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await phone.context().close();

  const coordinator = await createStaffUser(db, tenant.organisation.id, "COORDINATOR", { name: "Cody Coordinator" });
  const staff = await signInAs(browser, coordinator.id, `/staff/work-orders/${workOrder.id}?tab=customer`);
  await expect(staff.getByText("A manager or an admin sends links to customers.")).toBeVisible();
  await expect(staff.getByRole("button", { name: "Send to the customer…" })).toHaveCount(0);
  await staff.context().close();

  const expired = await createPortalLink(db, {
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
    view: "estimate",
    expiresAt: new Date(Date.now() - 60_000),
  });
  const late = await customerPage(browser, `/l/${expired.secret}`);
  await expect(late.getByTestId("link-expired")).toContainText(tenant.organisation.name);
  await late.getByRole("button", { name: "Ask for a new link" }).click();
  await expect(late.getByText("has been told you asked")).toBeVisible();
  await emailTo(tenant.admin.email, /asks for a new link/);
  await late.context().close();

  const withdrawn = await createPortalLink(db, {
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
    view: "estimate",
  });
  await db.accessToken.update({ where: { id: withdrawn.tokenId }, data: { revokedAt: new Date() } });
  const gone = await customerPage(browser, `/l/${withdrawn.secret}`);
  await expect(gone.getByTestId("link-withdrawn")).toContainText("withdrew this link");
  expect((await gone.request.get(`/l/${"A".repeat(43)}`)).status()).toBe(404);
  await gone.context().close();
});

test("the progress view shows hours recorded after it opened, without a reload", async ({ browser, tenant }) => {
  const { workOrder, task } = await estimateAwaitingCustomer(tenant, { requireCustomerApproval: false });
  const link = await createPortalLink(db, {
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
    view: "progress",
  });
  const page = await customerPage(browser, `/l/${link.secret}`, 390);
  await expect(page.getByTestId("estimated-hours")).toHaveText("3 h");
  await expect(page.getByTestId("recorded-hours")).toHaveText("0 min");
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true");
  const labour = await db.estimateLine.findFirstOrThrow({ where: { workOrderId: workOrder.id, position: 0 } });
  await db.$transaction(async (tx) => {
    await tx.timeEntry.create({
      data: {
        organisationId: tenant.organisation.id,
        assignmentId: task.id,
        personId: tenant.technician.person.id,
        workDate: new Date(),
        minutes: 90,
        estimateLineId: labour.id,
      },
    });
    await tx.$executeRaw`SELECT pg_notify('fieldgate_changes', ${JSON.stringify({
      organisationId: tenant.organisation.id,
      workOrderId: workOrder.id,
      type: "work.time_recorded",
    })})`;
  });
  await expect(page.getByTestId("recorded-hours")).toHaveText("1 h 30 min");
  await expect(page.getByTestId("progress-line")).toContainText("Labour to trace the leak: 1 h 30 min of 3 h");
  expect(await page.content()).not.toContain("60.00");
  await page.context().close();
});

test("the contractor proposes a line that staff accept; once the work is done a manager issues the customer invoice, the customer reads it and its PDF", async ({
  browser,
  tenant,
}) => {
  const { workOrder, task } = await estimateAwaitingCustomer(tenant, { requireCustomerApproval: false });
  await db.organisation.update({
    where: { id: tenant.organisation.id },
    data: {
      legalName: "Quayside Homes Ltd",
      address: "1 Quay Street, Bristol",
      taxNumber: "GB123456789",
      customerMarkupPercent: "10",
    },
  });
  await db.assignment.update({ where: { id: task.id }, data: { status: "IN_PROGRESS" } });

  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}?tab=money`);
  await desk.getByRole("button", { name: "Propose a line…" }).click();
  const propose = desk.getByTestId("propose-line-form");
  await propose.getByLabel("What").fill("Replace the corroded stopcock");
  await propose.getByLabel("Hours (optional)").fill("1.5");
  await propose.getByLabel(/^Price before tax/).fill("12.345");
  await propose.getByRole("button", { name: "Propose" }).click();
  await expect(propose.getByText("GBP has 2 decimals at most")).toBeVisible();
  await propose.getByLabel(/^Price before tax/).fill("120");
  await propose.getByRole("button", { name: "Propose" }).click();
  await expect(desk.getByTestId("proposal")).toContainText("Waiting for the client");
  await desk.context().close();

  const manager = await createStaffUser(db, tenant.organisation.id, "MANAGER", { name: "Mina Manager" });
  const staff = await signInAs(browser, manager.id, `/staff/work-orders/${workOrder.id}?tab=money`);
  await staff.getByTestId("proposal").getByRole("button", { name: "Accept as a draft line" }).click();
  await expect(staff.getByTestId("proposal")).toContainText("Accepted into the estimate");
  await staff.getByRole("button", { name: "Approve the draft line…" }).click();
  await staff.getByRole("dialog", { name: "Approve the estimate?" }).getByRole("button", { name: "Approve" }).click();
  await expect(staff.locator(".toast-region")).toContainText("Estimate approved");

  await db.assignment.update({ where: { id: task.id }, data: { status: "COMPLETED" } });
  await staff.goto(`/staff/work-orders/${workOrder.id}?tab=customer`);
  await staff.getByRole("button", { name: "Issue the invoice…" }).click();
  const issue = staff.getByRole("dialog", { name: "Issue the customer invoice" });
  await issue.getByLabel("Line 1: description").fill("Call-out charge");
  await issue.getByLabel("Quantity").fill("1");
  await issue.getByLabel(/Unit price/).fill("30");
  await issue.getByRole("button", { name: "Issue the invoice" }).dblclick();
  await expect(staff.locator(".toast-region")).toContainText("Invoice issued.");
  await expect(staff.getByTestId("customer-invoice")).toHaveCount(1);
  expect(await db.customerInvoice.count({ where: { workOrderId: workOrder.id } })).toBe(1);
  // Labour 3 h × £66.00, pipe £49.50, riser £8,051.42, stopcock £132.00 (all + 10 %), call-out £30.00.
  await expect(staff.getByTestId("invoice-total")).toHaveText("£10,153.10");
  await staff.context().close();

  const link = await createPortalLink(db, {
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
    view: "invoice",
  });
  const customer = await customerPage(browser, `/l/${link.secret}`, 390);
  const invoice = customer.getByTestId("customer-invoice");
  await expect(invoice).toContainText("Invoice 1");
  await expect(invoice).toContainText("Quayside Homes Ltd");
  await expect(invoice).toContainText("Replace the corroded stopcock (1.5 h)");
  await expect(invoice.getByTestId("invoice-total")).toHaveText("£10,153.10");
  const html = await customer.content();
  for (const contractorPrice of ["60.00", "45.00", "120.00"]) expect(html).not.toContain(contractorPrice);
  const pdf = await pdfText(new Uint8Array(await (await customer.request.get(`/l/${link.secret}/invoice/1`)).body()));
  expect(pdf).toContain("Invoice 1");
  expect(pdf).toContain("GB123456789");
  expect(pdf).toContain("£10,153.10");
  expect((await customer.request.get(`/l/${link.secret}/pdf`)).status()).toBe(404);
  await customer.context().close();
});

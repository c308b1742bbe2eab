import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createQuoteLink,
  createQuoteRequest,
  createPortalLink,
  createServiceTasks,
  createSite,
  createTenantRequest,
  createWorkOrder,
} from "../prisma/factories";
import { siteWithForm } from "./tenant-request-helpers";
import { createSignInLink, db, expect, PASSWORD, signInAs, test, type TTenant } from "./fixtures";

// axe-core on every page each audience's navigation reaches, and with each dialog open:
// any serious or critical violation of WCAG 2.1 A/AA fails the test, naming the rule and
// the elements.
async function expectAccessible(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  expect(report, `axe on ${where}`).toEqual([]);
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  await expectAccessible(page, path);
}

async function taskInProgress(tenant: TTenant) {
  const site = await createSite(db, tenant.organisation.id, { name: "Quay House" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Leaking radiator valve",
  });
  await createServiceTasks(db, workOrder);
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "IN_PROGRESS",
    technicianIds: [tenant.technician.person.id],
  });
  return { site, workOrder, task };
}

type TIds = { site: string; workOrder: string; company: string };

// Split by audience and page group, so each test stays well inside its time on a slow
// machine (axe takes a few seconds a page) and the two workers share them.
for (const [group, paths] of [
  ["lists", (ids: TIds) => ["/staff", "/staff/sites", `/staff/sites/${ids.site}`, "/staff/contractors"]],
  [
    "forms and settings",
    (ids: TIds) => [
      "/staff/work-orders/new",
      `/staff/contractors/${ids.company}`,
      `/staff/contractors/${ids.company}/rates`,
      `/staff/work-orders/${ids.workOrder}/edit`,
      "/staff/settings",
    ],
  ],
] as const) {
  test(`client staff ${group} have no serious accessibility violations`, async ({ browser, tenant }) => {
    const { site, workOrder } = await taskInProgress(tenant);
    const page = await signInAs(browser, tenant.admin.id, "/staff");
    for (const path of paths({ site: site.id, workOrder: workOrder.id, company: tenant.company.id }))
      await visit(page, path);
    await page.context().close();
  });
}

test("a staff work order page, and its withdraw and archive dialogs, have no serious accessibility violations", async ({
  browser,
  tenant,
}) => {
  const { site, workOrder } = await taskInProgress(tenant);
  const page = await signInAs(browser, tenant.admin.id, "/staff");
  for (const tab of ["details", "money", "documents"])
    await visit(page, `/staff/work-orders/${workOrder.id}?tab=${tab}`);
  await visit(page, `/staff/work-orders/${workOrder.id}`);
  await page.getByRole("button", { name: "Withdraw…" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the withdraw dialog");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  // Finished work, with the archive dialog open.
  const done = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Done job",
  });
  await db.workOrder.update({ where: { id: done.id }, data: { status: "COMPLETED" } });
  await createAssignment(db, { workOrderId: done.id, contractorCompanyId: tenant.company.id, status: "REVIEWED" });
  await visit(page, `/staff/work-orders/${done.id}`);
  await page.getByRole("button", { name: "Archive…" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the archive dialog");
  await page.context().close();
});

test("a Desk task's tabs have no serious accessibility violations", async ({ browser, tenant }) => {
  const { task } = await taskInProgress(tenant);
  const office = await signInAs(browser, tenant.office.user.id, "/desk");
  for (const tab of ["", "?tab=details", "?tab=money", "?tab=documents"])
    await visit(office, `/desk/tasks/${task.id}${tab}`);
  await office.context().close();
});

test("Desk pages of an office person, and the decline dialog, have no serious accessibility violations", async ({
  browser,
  tenant,
}) => {
  await taskInProgress(tenant);
  const office = await signInAs(browser, tenant.office.user.id, "/desk");
  for (const path of ["/desk", "/desk/reports", "/desk/preferences", "/desk/company/profile"])
    await visit(office, path);
  // A new offer, with the decline dialog open.
  const offered = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: (await createSite(db, tenant.organisation.id)).id,
    title: "Offered job",
  });
  const offer = await createAssignment(db, { workOrderId: offered.id, contractorCompanyId: tenant.company.id });
  await visit(office, `/desk/tasks/${offer.id}`);
  await office.getByRole("button", { name: "Decline…" }).click();
  await expect(office.getByRole("dialog")).toBeVisible();
  await expectAccessible(office, "the decline dialog");
  await office.context().close();
});

test("a Desk admin's company pages, and the reset password dialog, have no serious accessibility violations", async ({
  browser,
  tenant,
}) => {
  const admin = await createContractorPerson(db, tenant.company.id, "ADMIN", { name: "Ada Admin" });
  // Someone with a password, which the admin can reset.
  await createContractorPerson(db, tenant.company.id, "OFFICE", { name: "Pat Password", password: PASSWORD });
  const page = await signInAs(browser, admin.user.id, "/desk");
  for (const path of ["/desk/company/accreditations", "/desk/company/rates", "/desk/company"]) await visit(page, path);
  await page.getByRole("button", { name: "Reset password…" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectAccessible(page, "the reset password dialog");
  await page.context().close();
});

test("the technician app, the sign-in pages and a customer's link have no serious accessibility violations", async ({
  browser,
  tenant,
}) => {
  const { task, workOrder } = await taskInProgress(tenant);
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await expect(phone.getByTestId("task-list")).toContainText("Leaking radiator valve");
  await expectAccessible(phone, "/tech");
  await phone.goto("/tech#/me");
  await expect(phone.getByTestId("text-reminders").getByLabel("Mobile number")).toBeVisible();
  await expectAccessible(phone, "the technician's settings");
  await phone.goto(`/tech#/task/${task.id}`);
  await expect(phone.getByTestId("task-status")).toHaveText("In progress");
  await expectAccessible(phone, "a task in the technician app");
  await phone.context().close();

  // axe needs a page of a context made with newContext().
  const visitor = await (await browser.newContext()).newPage();
  await visit(visitor, "/signin");
  await visit(visitor, await createSignInLink(tenant.admin.id));
  const { secret: portal } = await createPortalLink(db, {
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
  });
  await visit(visitor, `/l/${portal}`);
  await visitor.context().close();
});

async function submittedInvoice(tenant: TTenant) {
  const { workOrder, task } = await taskInProgress(tenant);
  return db.invoice.create({
    data: {
      organisationId: tenant.organisation.id,
      contractorCompanyId: tenant.company.id,
      assignmentId: task.id,
      workOrderId: workOrder.id,
      number: "INV-A11Y",
      origin: "manual",
      currency: "GBP",
      issueDate: new Date(),
      status: "SUBMITTED",
      revision: 1,
      lines: {
        create: [
          { position: 1, description: "Labour", quantity: "2", unitCode: "HUR", unitPrice: "85", taxPercent: "20" },
        ],
      },
    },
  });
}

test("staff invoice pages and the dispute dialog have no serious accessibility violations", async ({
  browser,
  tenant,
}) => {
  const invoice = await submittedInvoice(tenant);
  const staff = await signInAs(browser, tenant.admin.id);
  await visit(staff, "/staff/invoices");
  await visit(staff, `/staff/invoices/${invoice.id}`);
  await staff.getByRole("button", { name: "Dispute lines…" }).click();
  await expectAccessible(staff, "the dispute dialog");
  await visit(staff, "/staff/invoices/settings");
});

test("Desk invoice pages, at desk and phone widths, and the verification page have no serious accessibility violations", async ({
  browser,
  tenant,
}) => {
  const invoice = await submittedInvoice(tenant);
  const desk = await signInAs(browser, tenant.office.user.id);
  await visit(desk, "/desk/invoices");
  await visit(desk, `/desk/invoices/${invoice.id}`);
  await visit(desk, "/verify");
  // On a phone the lists and lines read as one card per row.
  await desk.setViewportSize({ width: 390, height: 844 });
  await visit(desk, "/desk/invoices");
  await visit(desk, `/desk/invoices/${invoice.id}`);
  // The total is inside the lines' box, not scrolled off to its right.
  const fits = await desk.getByTestId("invoice-gross").evaluate((cell) => {
    const box = cell.closest(".table-scroll")!.getBoundingClientRect();
    return cell.getBoundingClientRect().right <= box.right && box.right <= window.innerWidth;
  });
  expect(fits).toBe(true);
});

// A request answered by two bidders and a silent one, with a question waiting.
async function answeredQuote(tenant: TTenant) {
  const { workOrder } = await taskInProgress(tenant);
  const other = await createContractorCompany(db, [tenant.organisation.id], { name: "Second Heating Ltd" });
  const line = (description: string, unitPrice: string) => ({ description, quantity: "2", unitPrice });
  const supplier = `a11y-${tenant.organisation.slug}@outside.test`;
  const { request, invitations } = await createQuoteRequest(db, {
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
    bidders: [
      { contractorCompanyId: tenant.company.id, email: tenant.company.email, answer: [line("Valve", "40")] },
      { contractorCompanyId: other.id, email: other.email },
      { supplierName: "Sue Supplier", email: supplier, answer: [line("Valve", "35"), line("Labour", "60")] },
    ],
  });
  await db.quoteQuestion.create({
    data: { quoteRequestId: request.id, invitationId: invitations[2].id, question: "Is there parking?" },
  });
  const secret = await createQuoteLink(db, {
    organisationId: tenant.organisation.id,
    invitationId: invitations[2].id,
    email: supplier,
  });
  return { workOrder, request, deskInvitation: invitations[0], secret };
}

for (const width of [1366, 390])
  test(`quote pages of staff, the Desk and a bidder's link, with the award dialog, have no serious accessibility violations at ${width} px`, async ({
    browser,
    tenant,
  }) => {
    const { workOrder, request, deskInvitation, secret } = await answeredQuote(tenant);
    const staff = await signInAs(browser, tenant.admin.id, "/staff");
    await staff.setViewportSize({ width, height: 900 });
    for (const path of [
      "/staff/quotes",
      `/staff/quotes/new?workOrderId=${workOrder.id}`,
      ...["invited", "questions", "request"].map((tab) => `/staff/quotes/${request.id}?tab=${tab}`),
      `/staff/quotes/${request.id}`,
    ])
      await visit(staff, path);
    await staff.getByRole("button", { name: "Award to Sue Supplier…" }).locator("visible=true").click();
    await expect(staff.getByRole("dialog")).toBeVisible();
    await expectAccessible(staff, "the award dialog");
    await staff.context().close();

    const desk = await signInAs(browser, tenant.office.user.id, "/desk");
    await desk.setViewportSize({ width, height: 900 });
    await visit(desk, "/desk/quotes");
    await visit(desk, `/desk/quotes/${deskInvitation.id}`);
    await desk.context().close();

    const bidder = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await visit(bidder, `/q/${secret}`);
    await bidder.context().close();
  });

// A work order under way whose estimate awaits its customer: lines decided and not, a
// conversation, an issued customer invoice, hours recorded against a line.
async function customerWork(tenant: TTenant) {
  const { workOrder, task } = await taskInProgress(tenant);
  await db.organisation.update({
    where: { id: tenant.organisation.id },
    data: { estimateTerms: "Payment within 30 days.", legalName: "Axe Lettings Ltd", address: "1 Quay Street" },
  });
  const approvedAt = new Date();
  const line = (position: number, description: string, decision: "PENDING" | "APPROVED") => ({
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
    position,
    description,
    quantity: "2",
    unitCode: "HUR",
    unitPrice: "55",
    taxPercent: "20",
    approvedAt,
    decision,
  });
  await db.estimateLine.createMany({
    data: [line(0, "Labour", "APPROVED"), line(1, "Make good the ceiling", "PENDING")],
  });
  const lines = await db.estimateLine.findMany({ where: { workOrderId: workOrder.id }, orderBy: { position: "asc" } });
  await db.estimateLineComment.create({
    data: {
      organisationId: tenant.organisation.id,
      workOrderId: workOrder.id,
      estimateLineId: lines[1].id,
      author: "CUSTOMER",
      authorName: "carol@example.test",
      body: "Is painting included?",
    },
  });
  await db.timeEntry.create({
    data: {
      organisationId: tenant.organisation.id,
      assignmentId: task.id,
      personId: tenant.technician.person.id,
      workDate: new Date(),
      minutes: 75,
      estimateLineId: lines[0].id,
    },
  });
  await db.customerInvoice.create({
    data: {
      organisationId: tenant.organisation.id,
      workOrderId: workOrder.id,
      number: 1,
      currency: "GBP",
      issuedAt: new Date(),
      dueAt: new Date("2027-01-06"),
      seller: { name: "Axe Lettings Ltd", address: "1 Quay Street", taxNumber: null },
      buyer: { name: "Carol Customer", company: null, email: "carol@example.test", site: "Quay House" },
      net: "220.00",
      tax: "44.00",
      gross: "264.00",
      issuedById: tenant.admin.id,
      lines: {
        create: [
          {
            position: 0,
            description: "Labour",
            quantity: "4",
            unitCode: "HUR",
            unitPrice: "55",
            taxPercent: "20",
            net: "220",
            tax: "44",
          },
        ],
      },
    },
  });
  const links: Record<string, string> = {};
  for (const view of ["work_authorization", "estimate", "progress", "invoice"] as const)
    links[view] = (
      await createPortalLink(db, { organisationId: tenant.organisation.id, workOrderId: workOrder.id, view })
    ).secret;
  return { workOrder, task, links };
}

for (const width of [1366, 390])
  test(`the customer's four views, the sign step, and the staff customer tab have no serious accessibility violations at ${width} px`, async ({
    browser,
    tenant,
  }) => {
    const { workOrder, links } = await customerWork(tenant);
    const customer = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    for (const secret of Object.values(links)) await visit(customer, `/l/${secret}`);
    // Every line decided: the terms and the signature pad.
    await db.estimateLine.updateMany({ where: { workOrderId: workOrder.id }, data: { decision: "APPROVED" } });
    await visit(customer, `/l/${links.estimate}`);
    await expect(customer.getByTestId("signature-canvas")).toBeVisible();
    await customer.context().close();

    const staff = await signInAs(browser, tenant.admin.id, "/staff");
    await staff.setViewportSize({ width, height: 900 });
    await visit(staff, `/staff/work-orders/${workOrder.id}?tab=customer`);
    await visit(staff, `/staff/work-orders/${workOrder.id}?tab=money`);
    await visit(staff, `/staff/work-orders/${workOrder.id}/preview/estimate`);
    await visit(staff, "/staff/settings/customers");
    await staff.goto(`/staff/work-orders/${workOrder.id}?tab=customer`);
    await staff.getByRole("button", { name: "Send to the customer…" }).click();
    await expect(staff.getByRole("dialog")).toBeVisible();
    await expectAccessible(staff, "the send-link dialog");
    await staff.context().close();
  });

for (const width of [1366, 390])
  test(`tenant request pages (the form, the tenant's link, staff's inbox and settings, the texts log, visits on the work order, the Desk's and the technician's booking) have no serious accessibility violations at ${width} px`, async ({
    browser,
    tenant,
  }) => {
    test.setTimeout(120_000);
    const { site, formPath } = await siteWithForm(tenant);
    const workOrder = await createWorkOrder(db, {
      organisationId: tenant.organisation.id,
      siteId: site.id,
      title: "Dripping tap",
    });
    const { secret } = await createTenantRequest(db, {
      organisationId: tenant.organisation.id,
      siteId: site.id,
      workOrderId: workOrder.id,
    });
    await createTenantRequest(db, { organisationId: tenant.organisation.id, siteId: site.id });
    const task = await createAssignment(db, {
      workOrderId: workOrder.id,
      contractorCompanyId: tenant.company.id,
      status: "ACCEPTED",
      technicianIds: [tenant.technician.person.id],
    });
    const startsAt = new Date(Date.now() + 5 * 86_400_000);
    await db.visit.create({
      data: {
        organisationId: tenant.organisation.id,
        workOrderId: workOrder.id,
        assignmentId: task.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        timezone: "Europe/London",
        uid: `visit-${task.id}@fieldgate`,
        status: "PROPOSED",
        tenantConfirmed: false,
      },
    });
    const tenantPage = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await visit(tenantPage, formPath);
    await visit(tenantPage, `/r/${secret}`);
    await expect(tenantPage.getByRole("button", { name: /^Confirm / })).toBeVisible();
    await tenantPage.getByText("I'm no longer available then").click();
    await expectAccessible(tenantPage, "the tenant's new times form");
    await tenantPage.context().close();

    // Staff work at a desk: their pages once, at 1366 px (the layout check covers 390).
    if (width === 1366) {
      const staff = await signInAs(browser, tenant.admin.id, "/staff");
      await visit(staff, "/staff/tenant-requests");
      await visit(staff, "/staff/settings/tenant-requests");
      await visit(staff, "/staff/texts");
      await visit(staff, `/staff/work-orders/${workOrder.id}`);
      await expect(staff.getByTestId("visit-plan")).toBeVisible();
      await staff.context().close();
    }

    const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
    await desk.setViewportSize({ width, height: 900 });
    await expectAccessible(desk, "the Desk task with a tenant's times");
    await desk.getByRole("button", { name: "Book the visit…" }).click();
    await expect(desk.getByRole("dialog")).toBeVisible();
    await expectAccessible(desk, "the booking dialog");
    await desk.context().close();

    // The technician's phone: the tenant, their times and the booking form.
    if (width === 390) {
      const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
      await phone.setViewportSize({ width, height: 844 });
      await expect(phone.getByTestId("last-synced")).not.toContainText("never");
      await phone.goto(`/tech#/task/${task.id}`);
      await phone.getByTestId("tech-visit").getByRole("button", { name: "Move the visit…" }).click();
      await expect(phone.getByRole("form", { name: "Book the visit" })).toBeVisible();
      await expectAccessible(phone, "the technician's visit card");
      await phone.context().close();
    }
  });

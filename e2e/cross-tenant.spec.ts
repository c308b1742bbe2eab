import { randomUUID } from "node:crypto";
import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, linkFromEmail, signInAs, signInWithPassword, test, type TTenant } from "./fixtures";

async function taskFor(tenant: TTenant, title: string) {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "SCHEDULED",
    technicianIds: [tenant.technician.person.id],
  });
  return { workOrder, task };
}

test("staff cannot open another organisation's work order, by page or API", async ({ page, tenant, otherTenant }) => {
  const theirs = await taskFor(otherTenant, "Their private job");
  await signInWithPassword(page, tenant.admin.email);
  const response = await page.goto(`/staff/work-orders/${theirs.workOrder.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This page is not available" })).toBeVisible();
  // Still inside the dashboard, with its navigation.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByText("Their private job")).toHaveCount(0);
  await page.goto("/staff");
  await expect(page.getByRole("heading", { name: "Work orders", exact: true })).toBeVisible();
  await expect(page.getByText("No work orders match")).toBeVisible();
  await expect(page.getByText("Their private job")).toHaveCount(0);
});

test("a contractor cannot open another contractor's task, and only sees its own", async ({
  browser,
  tenant,
  otherTenant,
}) => {
  const mine = await taskFor(tenant, "Our job");
  const theirs = await taskFor(otherTenant, "Not our job");
  const desk = await signInAs(browser, tenant.office.user.id);
  await expect(desk.getByRole("table")).toContainText("Our job");
  await expect(desk.getByRole("table")).not.toContainText("Not our job");
  expect((await desk.goto(`/desk/tasks/${theirs.task.id}`))?.status()).toBe(404);
  expect((await desk.request.get(`/api/desk/tasks/${theirs.task.id}`)).status()).toBe(404);
  expect((await desk.request.get(`/api/desk/tasks/${mine.task.id}`)).status()).toBe(200);
  // A contractor is not client staff: the staff area sends them to sign in.
  await desk.goto("/staff");
  await expect(desk).toHaveURL(/\/signin\?notice=wrong-area/);
  expect((await desk.request.get(`/api/staff/work-orders/${mine.workOrder.id}`)).status()).toBe(401);
});

test("a technician sees only tasks assigned to them", async ({ browser, tenant, otherTenant }) => {
  const mine = await taskFor(tenant, "Assigned to me");
  const theirs = await taskFor(otherTenant, "Assigned to someone else");
  const tech = await signInAs(browser, tenant.technician.user.id);
  await expect(tech).toHaveURL(/\/tech$/);
  await expect(tech.getByTestId("task-list")).toContainText("Assigned to me");
  await expect(tech.getByTestId("task-list")).not.toContainText("Assigned to someone else");
  expect((await tech.goto(`/tech/tasks/${theirs.task.id}`))?.status()).toBe(404);
  expect((await tech.request.get(`/api/tech/tasks/${theirs.task.id}`)).status()).toBe(404);
  expect((await tech.request.get(`/api/tech/tasks/${mine.task.id}`)).status()).toBe(200);
  const synced = (await (await tech.request.get("/api/tech/tasks")).json()) as { tasks: { title: string }[] };
  expect(synced.tasks.map((t) => t.title)).toEqual(["Assigned to me"]);
  // A crafted sync payload naming someone else's task is refused and changes nothing.
  const crafted = await tech.request.post("/api/tech/sync", {
    data: {
      deviceId: randomUUID(),
      mutations: [
        {
          mutationId: randomUUID(),
          taskId: theirs.task.id,
          seq: 1,
          deviceAt: new Date().toISOString(),
          type: "check_in",
        },
      ],
    },
  });
  expect(((await crafted.json()) as { results: { outcome: string }[] }).results[0].outcome).toBe("rejected");
  expect((await db.assignment.findUniqueOrThrow({ where: { id: theirs.task.id } })).status).toBe(theirs.task.status);
  expect(
    (
      await tech.request.put(`/api/tech/photos/${randomUUID()}?taskId=${theirs.task.id}`, {
        headers: { "content-type": "image/png" },
        data: Buffer.from("x"),
      })
    ).status(),
  ).toBe(404);
  await tech.goto("/desk");
  await expect(tech).toHaveURL(/\/signin\?notice=wrong-area/);
});

test("a customer link shows its one work order; an expired or revoked one shows nothing", async ({
  page,
  browser,
  tenant,
}) => {
  const { workOrder } = await taskFor(tenant, "Shared with the customer");
  await taskFor(tenant, "Not shared");
  const customerEmail = `customer-${tenant.organisation.slug}@example.test`;
  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/work-orders/${workOrder.id}`);
  await page.getByRole("button", { name: "Send to the customer…" }).click();
  const form = page.getByTestId("portal-form");
  await form.getByLabel(/^Progress: follow the work/).check();
  await form.getByLabel("Send to (email addresses)").fill(customerEmail);
  await form.getByRole("button", { name: "Send link" }).click();
  await expect(page.locator(".toast-region")).toContainText("Link sent.");
  await expect(form).toBeHidden();
  const link = await linkFromEmail(customerEmail, /Shared with the customer/);
  expect(link).toMatch(/^\/l\/[A-Za-z0-9_-]{43}$/);

  const customer = await (await browser.newContext()).newPage();
  await customer.goto(link);
  await expect(customer.getByRole("heading", { name: /Shared with the customer/ })).toBeVisible();
  await expect(customer.getByText("Not shared")).toHaveCount(0);
  // One status in the customer's words, and who to ask: the person who sent the link.
  await expect(customer.getByTestId("portal-status")).toHaveText("Visit booked");
  await expect(customer.getByRole("region", { name: "Contact" })).toContainText(
    `Contact Sam Staff at ${tenant.organisation.name}`,
  );
  await customer.goto("/staff");
  await expect(customer).toHaveURL(/\/signin/);

  const token = await db.accessToken.findFirstOrThrow({
    where: { email: customerEmail, organisationId: tenant.organisation.id },
  });
  await db.accessToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await customer.goto(link);
  await expect(customer.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(customer.getByText("Shared with the customer")).toHaveCount(0);
  await db.accessToken.update({
    where: { id: token.id },
    data: { expiresAt: new Date(Date.now() + 3_600_000), revokedAt: new Date() },
  });
  await customer.goto(link);
  await expect(customer.getByRole("heading", { name: "This link has been withdrawn" })).toBeVisible();
});

test("a contractor admin manages only their own company's people, and reads no other company's mailbox or files", async ({
  browser,
  tenant,
  otherTenant,
}) => {
  const theirAdmin = await db.contractorPerson.create({
    data: { contractorCompanyId: otherTenant.company.id, userId: otherTenant.admin.id, role: "ADMIN" },
  });
  const admin = await signInAs(browser, theirAdmin.userId, "/desk/company");
  const people = admin.getByRole("table", { name: "People" });
  await expect(people).toContainText(otherTenant.office.user.email);
  await expect(people).not.toContainText(tenant.office.user.email);
  await expect(admin.getByTestId(`person-${tenant.office.user.email}`)).toHaveCount(0);
  const ours = await db.attachment.create({
    data: {
      organisationId: tenant.organisation.id,
      kind: "CLIENT_DOCUMENT",
      filename: "ours.pdf",
      contentType: "application/pdf",
      sizeBytes: 1,
      sha256: "x",
      storageKey: `cross-tenant/${randomUUID()}`,
    },
  });
  expect((await admin.request.get(`/api/files/${ours.id}`)).status()).toBe(404);
  expect((await admin.goto("/mailbox"))?.status()).toBe(404);
});

test("PDFs and invoices: another organisation's staff and another contractor get not found, never the document", async ({
  browser,
  tenant,
  otherTenant,
}) => {
  const theirs = await taskFor(otherTenant, "Their private job");
  const invoice = await db.invoice.create({
    data: {
      organisationId: otherTenant.organisation.id,
      contractorCompanyId: otherTenant.company.id,
      assignmentId: theirs.task.id,
      workOrderId: theirs.workOrder.id,
      number: `INV-${randomUUID().slice(0, 8)}`,
      origin: "manual",
      currency: "GBP",
      issueDate: new Date(),
      status: "SUBMITTED",
    },
  });
  const staff = await signInAs(browser, tenant.admin.id);
  for (const url of [
    `/api/staff/work-orders/${theirs.workOrder.id}/work-order-pdf`,
    `/api/staff/work-orders/${theirs.workOrder.id}/service-report-pdf`,
    `/api/staff/invoices/${invoice.id}/pdf`,
  ])
    expect((await staff.request.get(url)).status(), url).toBe(404);
  expect((await staff.goto(`/staff/invoices/${invoice.id}`))?.status()).toBe(404);

  const desk = await signInAs(browser, tenant.office.user.id);
  for (const url of [
    `/api/desk/tasks/${theirs.task.id}/work-order-pdf`,
    `/api/desk/tasks/${theirs.task.id}/service-report-pdf`,
    `/api/desk/invoices/${invoice.id}/pdf`,
  ])
    expect((await desk.request.get(url)).status(), url).toBe(404);
  expect((await desk.goto(`/desk/invoices/${invoice.id}`))?.status()).toBe(404);
  // Their own staff read it.
  const owner = await signInAs(browser, otherTenant.admin.id);
  const own = await owner.request.get(`/api/staff/invoices/${invoice.id}/pdf`);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/pdf");
});

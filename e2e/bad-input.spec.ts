import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, signInWithPassword, test } from "./fixtures";

test("the work order form shows field errors and creates nothing", async ({ page, tenant }) => {
  await createSite(db, tenant.organisation.id, { name: "Depot" });
  await signInWithPassword(page, tenant.admin.email);
  await page.goto("/staff/work-orders/new");
  const form = page.getByTestId("work-order-form");
  await form.getByLabel("Title").fill("ab");
  await form.getByLabel("Not-to-exceed amount, GBP (optional)").fill("12.345");
  await form.getByRole("button", { name: "Create work order" }).click();
  await expect(form.getByRole("alert")).toHaveText("Please correct the highlighted fields.");
  await expect(form.getByText("Give the work order a title of at least 3 characters")).toBeVisible();
  await expect(form.locator(".field-error", { hasText: "Choose a site" })).toBeVisible();
  await expect(form.getByText("GBP has 2 decimals at most")).toBeVisible();
  // What the person typed is still there to correct.
  await expect(form.getByLabel("Title")).toHaveValue("ab");
  await expect(form.getByLabel("Not-to-exceed amount, GBP (optional)")).toHaveValue("12.345");
  expect(await db.workOrder.count({ where: { organisationId: tenant.organisation.id } })).toBe(0);
});

test("the site form shows field errors and creates nothing", async ({ page, tenant }) => {
  await signInWithPassword(page, tenant.admin.email);
  await page.goto("/staff/sites");
  const form = page.getByTestId("site-form");
  await form.getByLabel("Name").fill("   ");
  await form.getByRole("button", { name: "Add site" }).click();
  await expect(form.getByText("Enter the site's name")).toBeVisible();
  await expect(form.getByText("Enter the street address")).toBeVisible();
  expect(await db.site.count({ where: { organisationId: tenant.organisation.id } })).toBe(0);
});

test("declining needs a reason", async ({ browser, tenant }) => {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Decline me",
  });
  const task = await createAssignment(db, { workOrderId: workOrder.id, contractorCompanyId: tenant.company.id });
  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  await desk.getByRole("button", { name: "Decline…" }).click();
  const form = desk.getByTestId("decline-form");
  await form.getByRole("button", { name: "Decline task" }).click();
  await expect(form.getByText("Tell the client why you are declining")).toBeVisible();
  expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("OFFERED");
});

test("API: malformed ids get 400, unknown or foreign ids 404, no session 401, each with a message", async ({
  page,
  tenant,
  otherTenant,
  playwright,
  baseURL,
}) => {
  const foreignSite = await createSite(db, otherTenant.organisation.id);
  const foreign = await createWorkOrder(db, { organisationId: otherTenant.organisation.id, siteId: foreignSite.id });

  const anonymous = await playwright.request.newContext({ baseURL });
  const noSession = await anonymous.get(`/api/staff/work-orders/${foreign.id}`);
  expect(noSession.status()).toBe(401);
  expect((await noSession.json()).error.code).toBe("UNAUTHENTICATED");

  await signInWithPassword(page, tenant.admin.email);
  const api = page.request;
  const malformed = await api.get("/api/staff/work-orders/'%20OR%201=1");
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toBe("Malformed work order id");
  const missing = await api.get(`/api/staff/work-orders/c${"0".repeat(24)}`);
  expect(missing.status()).toBe(404);
  const other = await api.get(`/api/staff/work-orders/${foreign.id}`);
  expect(other.status()).toBe(404);
  expect((await other.json()).error).toEqual({ code: "NOT_FOUND", message: "Work order not found" });
  // A staff session is not a contractor or technician session.
  expect((await api.get(`/api/desk/tasks/c${"0".repeat(24)}`)).status()).toBe(401);
  expect((await api.get(`/api/tech/tasks/c${"0".repeat(24)}`)).status()).toBe(401);
});

test("a file over the upload limit gets a message beside the field, and nothing is stored", async ({
  page,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Big drawing",
  });
  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/work-orders/${workOrder.id}?tab=documents`);
  await page.getByRole("button", { name: "Add a document…" }).click();
  const upload = page.getByTestId("client-document-form");
  await upload.getByLabel(/^File/).setInputFiles({
    name: "site-survey.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.alloc(27 * 1024 * 1024, 0x25),
  });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(upload.getByText("The file is larger than 25 MB. Choose a smaller one.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Big drawing" })).toBeVisible();
  expect(await db.attachment.count({ where: { workOrderId: workOrder.id } })).toBe(0);
});

test("a file between 10 MB and the 25 MB limit uploads; /verify says a file over the limit is too large", async ({
  page,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Large survey",
  });
  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/work-orders/${workOrder.id}?tab=documents`);
  await page.getByRole("button", { name: "Add a document…" }).click();
  const upload = page.getByTestId("client-document-form");
  // Past the proxy's default 10 MB buffer, which cut such a request into a 500.
  const pdf = Buffer.concat([
    Buffer.from("%PDF-1.4\n"),
    Buffer.alloc(12 * 1024 * 1024, 0x20),
    Buffer.from("\n%%EOF\n"),
  ]);
  await upload.getByLabel(/^File/).setInputFiles({ name: "survey.pdf", mimeType: "application/pdf", buffer: pdf });
  await upload.getByRole("button", { name: "Upload" }).click();
  await expect(page.locator(".toast-region")).toContainText("Document added; the contractor can read it.", {
    timeout: 30_000,
  });
  await expect(upload).toBeHidden();
  await expect(page.getByRole("region", { name: "Documents" })).toContainText("survey.pdf");
  expect(await db.attachment.count({ where: { workOrderId: workOrder.id } })).toBe(1);

  await page.goto("/verify");
  const verify = page.getByTestId("verify-form");
  await verify.getByLabel("Evidence pack (PDF)").setInputFiles({
    name: "pack.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.alloc(27 * 1024 * 1024, 0x25),
  });
  await verify.getByRole("button", { name: "Check the PDF" }).click();
  await expect(verify.getByText("The file is larger than 25 MB. Choose a smaller one.")).toBeVisible();
});

test("dates the calendar or the database cannot hold get a message in every form that takes one", async ({
  page,
  browser,
  tenant,
}) => {
  await createSite(db, tenant.organisation.id, { name: "Depot" });
  await signInWithPassword(page, tenant.admin.email);
  await page.goto("/staff/work-orders/new");
  const form = page.getByTestId("work-order-form");
  await form.getByLabel("Title").fill("Dated badly");
  await form.getByLabel("Site").selectOption({ index: 1 });
  // Chromium's date picker takes years of five digits and more; PostgreSQL does not.
  const setValue = (input: HTMLInputElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  };
  const due = form.getByLabel("Due date (optional)");
  await due.evaluate(setValue, "20266-01-01");
  expect(await due.inputValue()).toBe("20266-01-01");
  await form.getByRole("button", { name: "Create work order" }).click();
  await expect(form.getByText("Enter a real date between 1900 and 2999, like 2027-06-30")).toBeVisible();
  expect(await db.workOrder.count({ where: { organisationId: tenant.organisation.id } })).toBe(0);

  const site = await db.site.findFirstOrThrow({ where: { organisationId: tenant.organisation.id } });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Visit me",
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "PERFORMED",
  });
  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  const complete = desk.getByLabel("When were you on site?");
  await complete.evaluate(setValue, "275760-06-01T10:00");
  expect(await complete.inputValue()).toBe("275760-06-01T10:00");
  await desk.getByRole("button", { name: "Mark complete" }).click();
  await expect(desk.getByText("Enter a real date and time between 1900 and 2999, like 2027-06-30 14:00")).toBeVisible();
  expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("PERFORMED");
});

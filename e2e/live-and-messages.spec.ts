import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, signInWithPassword, test } from "./fixtures";

test("the staff timeline updates live while the contractor acts in another browser, and messages go both ways", async ({
  page,
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Leak above ceiling tile",
  });
  await db.workOrder.update({ where: { id: workOrder.id }, data: { createdById: tenant.admin.id } });
  const task = await createAssignment(db, { workOrderId: workOrder.id, contractorCompanyId: tenant.company.id });

  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/work-orders/${workOrder.id}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-connected", "true");
  const timeline = page.getByRole("list", { name: "Activity" });
  await expect(timeline).not.toContainText("changed the task to accepted");

  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  await desk.getByTestId("accept-form").getByRole("button", { name: "Accept task" }).click();
  await expect(desk.locator(".badge", { hasText: "Accepted" })).toBeVisible();

  // No reload on the staff page: the change arrives over the event stream.
  await expect(timeline).toContainText("changed the task to accepted");
  await expect(page.getByTestId("current-assignment")).toContainText("accepted, visit not yet booked");

  // Contractor → client.
  const deskForm = desk.getByTestId("message-form");
  await deskForm.getByRole("button", { name: "Send message" }).click();
  await expect(deskForm.locator(".field-error", { hasText: "Write a message" })).toBeVisible();
  await deskForm.getByLabel(/^Message/).fill("We need access to the plant room on Tuesday.");
  await deskForm.getByRole("button", { name: "Send message" }).click();
  await expect(desk.getByRole("list", { name: "Activity" })).toContainText(
    "We need access to the plant room on Tuesday.",
  );
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(
    "We need access to the plant room on Tuesday.",
  );
  await expect(timeline).toContainText("We need access to the plant room on Tuesday.");

  // Client → contractor, shown in the contractor's thread and emailed to its office.
  const staffForm = page.getByTestId("message-form");
  await staffForm.getByLabel(/^Message/).fill("Tuesday is fine, ask for Dave at reception.");
  await staffForm.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("Tuesday is fine");
  await desk.reload();
  await expect(desk.getByRole("list", { name: "Activity" })).toContainText(
    "Tuesday is fine, ask for Dave at reception.",
  );

  const toOffice = await db.emailOutbox.findFirstOrThrow({
    where: { to: tenant.office.user.email, template: "message-posted" },
  });
  expect(toOffice.text).toContain("Tuesday is fine, ask for Dave at reception.");
  const toStaff = await db.emailOutbox.findFirstOrThrow({
    where: { to: tenant.admin.email, template: "message-posted" },
  });
  expect(toStaff.text).toContain("We need access to the plant room on Tuesday.");
});

test("the event stream refuses other organisations' work orders and anonymous callers", async ({
  page,
  tenant,
  otherTenant,
  playwright,
  baseURL,
}) => {
  const site = await createSite(db, otherTenant.organisation.id);
  const theirs = await createWorkOrder(db, { organisationId: otherTenant.organisation.id, siteId: site.id });
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(`/api/staff/work-orders/${theirs.id}/events`)).status()).toBe(401);
  await signInWithPassword(page, tenant.admin.email);
  expect((await page.request.get(`/api/staff/work-orders/${theirs.id}/events`)).status()).toBe(404);
  expect((await page.request.get(`/api/staff/work-orders/nonsense/events`)).status()).toBe(404);
});

test("a page says when it is not live, and catches up once the server's listener is back", async ({
  page,
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Reconnect me",
  });
  const task = await createAssignment(db, { workOrderId: workOrder.id, contractorCompanyId: tenant.company.id });
  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/work-orders/${workOrder.id}`);
  const status = page.getByTestId("live-status");
  await expect(status).toHaveAttribute("data-connected", "true");
  await page.evaluate(() => {
    const shown: string[] = [];
    (window as unknown as { liveHistory: string[] }).liveHistory = shown;
    const element = document.querySelector('[data-testid="live-status"]')!;
    new MutationObserver(() => shown.push(element.textContent ?? "")).observe(element, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });

  // The database drops the app's listening connections (a restart or failover would).
  await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'fieldgate-realtime'`;
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { liveHistory: string[] }).liveHistory))
    .toContain("Not live: reconnecting…");
  await expect(status).toHaveText("Live");

  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  await desk.getByTestId("accept-form").getByRole("button", { name: "Accept task" }).click();
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("changed the task to accepted");
});

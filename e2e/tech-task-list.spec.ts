import { createAssignment, createServiceTasks, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("the technician's tasks come grouped as their day goes (done folded away), with the year when not this one, and a search", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Quayside Flats" });
  const nextYear = new Date().getFullYear() + 1;
  const inAnHour = new Date(Date.now() + 3_600_000);
  // Later today on the phone's clock (London), whatever the time the test runs.
  const laterToday = new Date(Math.min(inAnHour.getTime(), new Date().setHours(23, 30, 0, 0)));
  for (const [title, status, visit] of [
    ["Fix the entry phone", "IN_PROGRESS", new Date()],
    ["Replace a light switch", "SCHEDULED", laterToday],
    ["Rewire the loft", "SCHEDULED", new Date(`${nextYear}-03-03T10:00:00Z`)],
    ["Test the smoke alarms", "PERFORMED", new Date(Date.now() - 86_400_000)],
  ] as const) {
    const wo = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
    const task = await createAssignment(db, {
      workOrderId: wo.id,
      contractorCompanyId: tenant.company.id,
      status,
      technicianIds: [tenant.technician.person.id],
    });
    await db.assignment.update({ where: { id: task.id }, data: { scheduledAt: visit } });
  }
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await phone.setViewportSize({ width: 390, height: 844 });
  const list = phone.getByTestId("task-list");
  await expect(list.getByRole("region", { name: "On site now" })).toContainText("Fix the entry phone");
  await expect(list.getByRole("region", { name: "Today" })).toContainText("Replace a light switch");
  const upcoming = list.getByRole("region", { name: "Upcoming" });
  await expect(upcoming).toContainText("Rewire the loft");
  await expect(upcoming).toContainText(`3 Mar ${nextYear}`);
  await expect(list.getByRole("region", { name: "Today" })).not.toContainText(String(new Date().getFullYear()));
  const done = list.locator("details", { hasText: "Done (1)" });
  await expect(done.getByText("Test the smoke alarms")).toBeHidden();
  await done.locator("summary").click();
  await expect(done.getByText("Test the smoke alarms")).toBeVisible();

  await phone.getByLabel("Search my tasks").fill("loft");
  await expect(list.getByRole("link")).toHaveText([/Rewire the loft/]);
  await phone.getByLabel("Search my tasks").fill("no such job");
  await expect(list.getByText("No task matches “no such job”.")).toBeVisible();
  // The header fits one row on the phone.
  const header = await phone.locator("header.topbar").boundingBox();
  expect(header!.height).toBeLessThan(60);
  await phone.context().close();
});

test("a visit reads as steps: arrive, checks, defects, sign off, the current one marked", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Step Yard" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Service the heat pump",
  });
  await createServiceTasks(db, workOrder);
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "SCHEDULED",
    technicianIds: [tenant.technician.person.id],
  });
  const phone = await signInAs(browser, tenant.technician.user.id, `/tech`);
  await phone.setViewportSize({ width: 390, height: 844 });
  await expect(phone.getByTestId("last-synced")).not.toContainText("never");
  await phone.goto(`/tech#/task/${task.id}`);
  const steps = phone.getByRole("navigation", { name: "Steps of the visit" });
  await expect(steps.getByRole("button")).toHaveText([/Arrive/, /Checks/, /Defects/, /Sign off/]);
  await expect(steps.getByRole("button", { name: /Arrive/ })).toHaveAttribute("aria-current", "step");
  await phone.getByRole("button", { name: "I'm on site" }).click();
  await expect(steps.getByRole("button", { name: "Arrive (done)" })).toBeVisible();
  await expect(steps.getByRole("button", { name: /Checks/ })).toHaveAttribute("aria-current", "step");
  await steps.getByRole("button", { name: /Sign off/ }).click();
  // The sign-off step's heading comes into view (its button is further down, below the signatures).
  await expect(phone.getByRole("heading", { name: "I've performed this work" })).toBeInViewport();
  await phone.context().close();
});

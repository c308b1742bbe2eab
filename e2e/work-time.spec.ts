import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { PDF_BYTES } from "../tests/sample-files";
import { db, expect, openTab, signInAs, test } from "./fixtures";

function localDateTime(offsetMs: number): string {
  const d = new Date(Date.now() + offsetMs - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

test("the contractor's office records time and a cost with its receipt; the client's staff see both, live", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Harbour House" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Replace boiler valve",
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "IN_PROGRESS",
    technicianIds: [tenant.technician.person.id],
  });
  const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}?tab=money`);
  const staffPanel = staff.getByRole("region", { name: "Time and costs" });
  await expect(staffPanel).toContainText("No time recorded yet.");
  await expect(staffPanel.getByRole("button")).toHaveCount(0);

  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}?tab=money`);
  const panel = desk.getByRole("region", { name: "Time and costs" });
  await panel.getByRole("button", { name: "Record time…" }).click();
  const time = panel.getByTestId("time-form");
  await time.getByLabel("Who").selectOption({ label: "Terry Tech" });
  // The site is in the browser's zone here (both UTC): an hour and a half ago.
  await time.getByLabel("Started").fill(localDateTime(-2 * 3_600_000));
  await time.getByLabel("How long").fill("25");
  await time.getByRole("button", { name: "Record time" }).click();
  await expect(time.getByText("One entry is 24 hours at most: enter each day apart")).toBeVisible();
  await time.getByLabel("How long").fill("1:30");
  await time.getByRole("button", { name: "Record time" }).click();
  await expect(desk.locator(".toast-region")).toContainText("Time recorded.");
  await expect(time).toBeHidden();
  await expect(panel.getByTestId("time-total")).toHaveText("1 h 30 min");

  await panel.getByRole("button", { name: "Record a cost…" }).click();
  const cost = panel.getByTestId("cost-form");
  await cost.getByLabel("Kind").selectOption("PART");
  await cost.getByLabel("Description").fill("Thermostatic valve");
  await cost.getByLabel("Quantity").fill("-2");
  await cost.getByLabel("Cost per unit, GBP").fill("18.75");
  await cost.getByRole("button", { name: "Record cost" }).click();
  await expect(cost.getByText("Enter the quantity as a number such as 2 or 1.5")).toBeVisible();
  await cost.getByLabel("Quantity").fill("2");
  await cost
    .getByLabel("Receipt (optional)")
    .setInputFiles({ name: "receipt.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF_BYTES) });
  await cost.getByRole("button", { name: "Record cost" }).click();
  await expect(desk.locator(".toast-region")).toContainText("Cost recorded.");
  await expect(panel.getByTestId("cost-total")).toHaveText("£37.50");
  await expect(panel.getByRole("link", { name: "receipt.pdf" })).toBeVisible();
  expect(await db.timeEntry.count({ where: { assignmentId: task.id } })).toBe(1);
  expect(await db.costEntry.count({ where: { assignmentId: task.id } })).toBe(1);

  // The staff page hears of it without a reload, and shows both on the timeline.
  await expect(staffPanel.getByTestId("time-total")).toHaveText("1 h 30 min", { timeout: 15_000 });
  await expect(staffPanel.getByTestId("cost-total")).toHaveText("£37.50");
  await openTab(staff, "Activity");
  await expect(staff.getByRole("list", { name: "Activity" })).toContainText(
    "recorded 1 h 30 min of normal time for Terry Tech",
  );
  await desk.context().close();
  await staff.context().close();
});

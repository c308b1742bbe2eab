import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, emailTo, expect, openTab, signInAs, test } from "./fixtures";

test("staff enter estimate lines and approve them: the not-to-exceed follows, and the contractor is told and sees the lines", async ({
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
    status: "ACCEPTED",
  });
  const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}?tab=money`);
  const estimate = staff.getByRole("region", { name: "Estimate" });
  await expect(estimate).toContainText("No estimate yet");

  await estimate.getByRole("button", { name: "Add a line…" }).click();
  const form = estimate.getByTestId("estimate-line-form");
  await form.getByLabel("Description").fill("Labour");
  await form.getByLabel("Quantity").fill("0");
  await form.getByLabel("Unit price, GBP").fill("85.505");
  await form.getByRole("button", { name: "Add line" }).click();
  await expect(form.getByText("The quantity must be more than 0")).toBeVisible();
  await form.getByLabel("Quantity").fill("2.5");
  await form.getByRole("button", { name: "Add line" }).click();
  await expect(form.getByText("GBP has 2 decimals at most")).toBeVisible();
  expect(await db.estimateLine.count({ where: { workOrderId: workOrder.id } })).toBe(0);
  await form.getByLabel("Unit price, GBP").fill("85");
  await form.getByRole("button", { name: "Add line" }).click();
  await expect(form.getByText("Line added as a draft.")).toBeVisible();
  await form.getByLabel("Description").fill("Thermostatic valve");
  await form.getByLabel("Quantity").fill("1");
  await form.getByLabel("Unit", { exact: true }).selectOption("C62");
  await form.getByLabel("Unit price, GBP").fill("42.50");
  await form.getByLabel("Tax, %").fill("5");
  await form.getByRole("button", { name: "Add line" }).click();
  await expect(form.getByText("Line added as a draft.")).toBeVisible();
  await staff.getByRole("dialog", { name: "Add an estimate line" }).getByRole("button", { name: "Cancel" }).click();

  const lines = estimate.getByRole("table", { name: "Estimate lines" });
  await expect(lines.locator("tbody tr")).toHaveCount(2);
  await expect(lines.locator("tbody tr").nth(0)).toContainText("2.5 hours");
  await expect(estimate.getByTestId("estimate-draft-net")).toHaveText("£255.00");

  await estimate.getByRole("button", { name: "Approve 2 draft lines…" }).click();
  const dialog = staff.getByRole("dialog", { name: "Approve the estimate?" });
  await expect(dialog).toContainText("The not-to-exceed amount becomes £255.00 before tax");
  await dialog.getByRole("button", { name: "Approve" }).dblclick();
  await expect(staff.locator(".toast-region")).toContainText("Estimate approved");
  await expect(estimate.getByTestId("estimate-approved-net")).toHaveText("£255.00");
  await expect(lines.locator(".badge", { hasText: "Approved" })).toHaveCount(2);
  await expect(estimate.getByRole("button", { name: /Remove/ })).toHaveCount(0);
  await expect(staff.getByText("Not to exceed").locator("xpath=following-sibling::dd[1]")).toHaveText("£255.00");
  await openTab(staff, "Activity");
  await expect(staff.getByRole("list", { name: "Activity" })).toContainText("approved the estimate");

  // A double click approved once: one email, one event.
  const email = await emailTo(tenant.office.user.email, /approved the estimate/);
  expect(email.subject).toBe(
    `${tenant.organisation.name} approved the estimate for #${workOrder.number} Replace boiler valve: not to exceed £255.00`,
  );
  expect(await db.timelineEvent.count({ where: { workOrderId: workOrder.id, type: "estimate.approved" } })).toBe(1);
  await staff.context().close();

  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}?tab=money`);
  const approved = desk.getByRole("table", { name: "Approved estimate" });
  await expect(approved.locator("tbody tr")).toHaveCount(2);
  await expect(approved).toContainText("Thermostatic valve");
  await expect(desk.getByText("Not to exceed").locator("xpath=following-sibling::dd[1]")).toHaveText("£255.00");
  await desk.context().close();
});

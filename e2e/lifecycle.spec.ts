import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createSite,
  createWorkOrder,
} from "../prisma/factories";
import { db, expect, signInAs, signInWithPassword, test, type TTenant } from "./fixtures";

async function acceptedTask(tenant: TTenant, title: string) {
  const site = await createSite(db, tenant.organisation.id, { name: "Harbour House" });
  const workOrder = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "ACCEPTED",
  });
  return { workOrder, task };
}

function localDateTime(offsetMs: number): string {
  const d = new Date(Date.now() + offsetMs - new Date().getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

test("contractor schedules and completes; staff sends it back, then accepts the work and archives", async ({
  page,
  browser,
  tenant,
}) => {
  const { workOrder, task } = await acceptedTask(tenant, "Replace fire door closer");
  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);

  await desk.getByRole("button", { name: "Schedule…" }).click();
  const schedule = desk.getByTestId("schedule-form");
  await schedule.getByRole("button", { name: "Schedule" }).click();
  await expect(schedule.getByText("Choose the date of the visit")).toBeVisible();
  await schedule.getByLabel("Scheduled visit").fill(localDateTime(86_400_000));
  await schedule.getByRole("button", { name: "Schedule" }).click();
  await expect(desk.locator(".badge", { hasText: "Scheduled" })).toBeVisible();

  // Before the work is performed there is no "Mark complete": an office without the
  // technician app records the work as done instead.
  await expect(desk.getByRole("button", { name: "Mark complete" })).toHaveCount(0);
  await desk.getByRole("button", { name: "Record as done…" }).click();
  const complete = desk.getByTestId("complete-form");
  await complete.getByLabel("When were you on site?").fill(localDateTime(2 * 86_400_000));
  await complete.getByRole("button", { name: "Record as done" }).click();
  await expect(complete.getByText("The on-site date cannot be in the future")).toBeVisible();
  await complete.getByLabel("When were you on site?").fill(localDateTime(-3_600_000));
  await complete.getByRole("button", { name: "Record as done" }).click();
  await expect(desk.locator(".badge", { hasText: "Completed" })).toBeVisible();
  // Staff, the Desk and the phone call it by one name.
  const history = desk.getByRole("list", { name: "Activity" });
  await expect(history).toContainText("changed the task to completed");
  await expect(history).toContainText("changed the task to scheduled");

  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/work-orders/${workOrder.id}`);
  // One status for the work order; the contractor's progress is its detail.
  await expect(page.getByTestId("record-status")).toHaveText(
    `Awaiting review${tenant.company.name}: work completed, for your review`,
  );
  await expect(page.getByRole("region", { name: "Review" })).toBeVisible();
  await expect(page.getByTestId("current-assignment")).toContainText(
    `${tenant.company.name}: work completed, for your review`,
  );
  const sendBack = page.getByTestId("review-send-back-form");
  await sendBack.getByRole("button", { name: "Send back" }).click();
  await expect(sendBack.getByText("Tell the contractor what is missing")).toBeVisible();
  await sendBack.getByLabel("Or send it back: what is missing?").fill("Please attach the door certificate");
  await sendBack.getByRole("button", { name: "Send back" }).click();
  await expect(page.getByTestId("current-assignment")).toContainText("work under way");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("Please attach the door certificate");

  await desk.reload();
  await desk.getByRole("button", { name: "Record as done…" }).click();
  await desk.getByTestId("complete-form").getByLabel("When were you on site?").fill(localDateTime(-1_800_000));
  await desk.getByTestId("complete-form").getByRole("button", { name: "Record as done" }).click();
  await expect(desk.locator(".badge", { hasText: "Completed" })).toBeVisible();

  await page.reload();
  await page.getByTestId("review-accept-form").getByRole("button", { name: "Accept the work" }).click();
  await expect(page.getByTestId("current-assignment")).toContainText("work accepted");
  await page.getByRole("button", { name: "Archive…" }).click();
  await page.getByTestId("archive-form").getByRole("button", { name: "Archive work order" }).click();
  await expect(page.getByText(/^Archived /)).toBeVisible();
  await expect(page.locator(".toast-region").getByText("Work order archived.")).toBeVisible();
  await page.goto("/staff");
  await expect(page.getByRole("heading", { name: "Work orders", exact: true })).toBeVisible();
  await expect(page.getByText("Replace fire door closer")).toHaveCount(0);

  // The contractor still reads the task after the client archived it.
  await desk.goto(`/desk/tasks/${task.id}`);
  await expect(desk.getByRole("heading", { name: "Replace fire door closer" })).toBeVisible();
});

test("staff reassign a task: the first contractor is told why and the second is offered it", async ({
  page,
  browser,
  tenant,
}) => {
  const { workOrder, task } = await acceptedTask(tenant, "Rewire distribution board");
  const second = await createContractorCompany(db, [tenant.organisation.id], {
    name: `Second Sparks ${tenant.organisation.slug}`,
  });
  const secondOffice = await createContractorPerson(db, second.id, "OFFICE");
  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/work-orders/${workOrder.id}`);
  await page.getByRole("button", { name: "Reassign…" }).click();
  const form = page.getByTestId("reassign-form");
  await form.getByRole("button", { name: "Reassign" }).click();
  await expect(form.getByText("Choose a contractor")).toHaveCount(2); // the placeholder and the error
  await form.getByLabel("Reassign to").selectOption({ label: second.name });
  await form.getByLabel("Reason (sent to the current contractor)").fill("Needs a certified electrician");
  await form.getByRole("button", { name: "Reassign" }).click();
  await expect(page.getByTestId("current-assignment")).toContainText(second.name);
  await expect(page.getByTestId("current-assignment")).toContainText("offered, not yet accepted");
  await expect(page.getByText(`Earlier: ${tenant.company.name}: withdrawn`)).toBeVisible();

  expect(await db.emailOutbox.count({ where: { to: tenant.office.user.email, template: "task-cancelled" } })).toBe(1);
  expect(await db.emailOutbox.count({ where: { to: secondOffice.user.email, template: "task-offered" } })).toBe(1);
  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  await expect(desk.getByText("The client withdrew this task.")).toBeVisible();
  await expect(desk.getByTestId("complete-form")).toHaveCount(0);
});

test("the Desk offers what the task's status allows: nothing to complete while the technician is on site, “Mark complete” once performed", async ({
  browser,
  tenant,
}) => {
  const { task } = await acceptedTask(tenant, "Service the lift");
  await db.assignment.update({ where: { id: task.id }, data: { status: "IN_PROGRESS" } });
  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  await expect(desk.getByText("Your technician is on site.")).toBeVisible();
  await expect(desk.getByRole("button", { name: "Mark complete" })).toHaveCount(0);
  await expect(desk.getByRole("link", { name: "← Tasks" })).toHaveAttribute("href", "/desk");

  await db.assignment.update({ where: { id: task.id }, data: { status: "PERFORMED" } });
  await desk.reload();
  await expect(desk.getByRole("heading", { name: "Complete the task" })).toBeVisible();
  await expect(desk.getByRole("button", { name: "Record as done…" })).toHaveCount(0);
  const complete = desk.getByTestId("complete-form");
  await complete.getByLabel("When were you on site?").fill(localDateTime(-3_600_000));
  await complete.getByRole("button", { name: "Mark complete" }).click();
  await expect(desk.locator(".badge", { hasText: "Completed" })).toBeVisible();
  await desk.context().close();
});

import { createAssignment, createContractorPerson, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("bulk-assign a technician and a date to several tasks, then replace and remove one: each technician gets one email", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id);
  const titles = ["Gutter clearance", "Roof inspection", "Replace skylight seal"];
  for (const title of titles) {
    const wo = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
    await createAssignment(db, { workOrderId: wo.id, contractorCompanyId: tenant.company.id, status: "ACCEPTED" });
  }
  const second = await createContractorPerson(db, tenant.company.id, "TECHNICIAN", { name: "Rita Roofer" });

  const desk = await signInAs(browser, tenant.office.user.id, "/desk");
  const form = desk.getByTestId("bulk-form");
  // The bar of bulk actions appears once a task is ticked, and says how many are.
  const bar = form.getByTestId("bulk-bar");
  await expect(bar).toBeHidden();
  await form.getByLabel("Select #", { exact: false }).first().check();
  await expect(bar).toBeVisible();
  await expect(bar.getByRole("status")).toHaveText(/^1 selected/);
  await bar.getByRole("button", { name: "Apply to selected" }).click();
  await expect(form.locator(".field-error", { hasText: "Choose a technician or a date" })).toBeVisible();
  await bar.getByRole("button", { name: "Clear selection" }).click();
  await expect(bar).toBeHidden();

  await form.getByLabel("Select every row on this page").check();
  await expect(bar.getByRole("status")).toHaveText(/^3 selected/);
  await expect(bar.getByLabel("Those already on the tasks")).toHaveValue("add");
  await form.getByLabel("Technician", { exact: true }).selectOption({ label: "Terry Tech" });
  await form.getByLabel("Schedule visit").fill("2030-05-14T09:00");
  await form.getByRole("button", { name: "Apply to selected" }).click();
  await expect(
    form.getByText("Tasks updated; each technician added or taken off gets one email listing their tasks."),
  ).toBeVisible();
  const rows = form.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) {
    await expect(row).toContainText("Terry Tech");
    await expect(row).toContainText("Scheduled");
  }

  await form.getByLabel("Select every row on this page").check();
  await form.getByLabel("Technician", { exact: true }).selectOption({ label: "Rita Roofer" });
  await form.getByRole("button", { name: "Apply to selected" }).click();
  await expect(form.getByRole("table")).toContainText("Terry Tech, Rita Roofer");

  // Take Terry off two of the three: the rows say so, and Terry is told once.
  await form.getByLabel("Select #", { exact: false }).nth(0).check();
  await form.getByLabel("Select #", { exact: false }).nth(1).check();
  await form.getByLabel("Technician", { exact: true }).selectOption({ label: "Terry Tech" });
  await form.getByLabel("Those already on the tasks").selectOption("remove");
  await form.getByRole("button", { name: "Apply to selected" }).click();
  await expect(rows.filter({ hasText: "Terry Tech" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Rita Roofer" })).toHaveCount(3);
  const removal = await db.emailOutbox.findMany({
    where: { to: tenant.technician.user.email, template: "technician-removed" },
  });
  expect(removal).toHaveLength(1);
  expect(removal[0].subject).toBe("You are no longer on 2 tasks");

  // Replace whoever is on the last one by Terry alone.
  await form.getByLabel("Select #", { exact: false }).nth(2).check();
  await form.getByLabel("Technician", { exact: true }).selectOption({ label: "Terry Tech" });
  await form.getByLabel("Those already on the tasks").selectOption("replace");
  await form.getByRole("button", { name: "Apply to selected" }).click();
  await expect(rows.filter({ hasText: "Rita Roofer" })).toHaveCount(2);

  const terry = await db.emailOutbox.findMany({
    where: { to: tenant.technician.user.email, template: "technician-assigned" },
  });
  const rita = await db.emailOutbox.findMany({ where: { to: second.user.email, template: "technician-assigned" } });
  expect(terry).toHaveLength(1);
  expect(rita).toHaveLength(1);
  // Replacing on one task leaves Terry alone on it, and Rita is told once.
  expect(await db.emailOutbox.count({ where: { to: second.user.email, template: "technician-removed" } })).toBe(1);
  for (const title of titles) expect(terry[0].text).toContain(title);
  expect(terry[0].subject).toBe(`3 new tasks from ${tenant.organisation.name}`);
});

test("the office takes a technician off one task: they are told, and the task leaves their phone", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id);
  const wo = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Reset the lift",
  });
  const task = await createAssignment(db, {
    workOrderId: wo.id,
    contractorCompanyId: tenant.company.id,
    status: "SCHEDULED",
    technicianIds: [tenant.technician.person.id],
  });
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await expect(phone.getByTestId("task-list")).toContainText("Reset the lift");

  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  const technicians = desk.getByTestId("task-technicians");
  await expect(technicians).toContainText("Terry Tech");
  await desk.getByRole("button", { name: "Remove Terry Tech" }).click();
  await desk
    .getByRole("dialog", { name: "Take Terry Tech off this task?" })
    .getByRole("button", { name: "Take off the task" })
    .dblclick();
  await expect(desk.locator(".toast-region")).toContainText("Terry Tech taken off the task.");
  await expect(desk.getByText("None assigned yet.")).toBeVisible();
  await expect(desk.getByRole("list", { name: "Activity" })).toContainText("took Terry Tech off the task");
  const emails = await db.emailOutbox.findMany({
    where: { to: tenant.technician.user.email, template: "technician-removed" },
  });
  expect(emails).toHaveLength(1);

  await phone.reload();
  await expect(phone.getByTestId("last-synced")).not.toContainText("never");
  await expect(phone.getByTestId("task-list")).not.toContainText("Reset the lift");
  await phone.context().close();
  await desk.context().close();
});

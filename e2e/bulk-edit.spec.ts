import { createAssignment, createContractorPerson, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("bulk-assign a technician and a date to several tasks: each technician gets one email", async ({
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
  await expect(bar.getByText("Those already assigned stay")).toBeVisible();
  await form.getByLabel("Add a technician").selectOption({ label: "Terry Tech" });
  await form.getByLabel("Schedule visit").fill("2030-05-14T09:00");
  await form.getByRole("button", { name: "Apply to selected" }).click();
  await expect(form.getByText("Tasks updated; each technician gets one email listing their new tasks.")).toBeVisible();
  const rows = form.getByRole("table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) {
    await expect(row).toContainText("Terry Tech");
    await expect(row).toContainText("Scheduled");
  }

  await form.getByLabel("Select every row on this page").check();
  await form.getByLabel("Add a technician").selectOption({ label: "Rita Roofer" });
  await form.getByRole("button", { name: "Apply to selected" }).click();
  await expect(form.getByRole("table")).toContainText("Terry Tech, Rita Roofer");

  const terry = await db.emailOutbox.findMany({
    where: { to: tenant.technician.user.email, template: "technician-assigned" },
  });
  const rita = await db.emailOutbox.findMany({ where: { to: second.user.email, template: "technician-assigned" } });
  expect(terry).toHaveLength(1);
  expect(rita).toHaveLength(1);
  for (const title of titles) expect(terry[0].text).toContain(title);
  expect(terry[0].subject).toBe(`3 new tasks from ${tenant.organisation.name}`);
});

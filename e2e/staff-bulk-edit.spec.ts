import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("staff tick work orders and assign a contractor and a priority in one go, then archive, with the tab counts following", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Bulk Court" });
  const titles = ["Clean gutters", "Service boiler", "Paint stairwell", "Fix gate"];
  const workOrders: Awaited<ReturnType<typeof createWorkOrder>>[] = [];
  for (const title of titles)
    workOrders.push(await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title }));
  // One already with a contractor and under way: it cannot be archived.
  await createAssignment(db, {
    workOrderId: workOrders[3].id,
    contractorCompanyId: tenant.company.id,
    status: "IN_PROGRESS",
  });
  await db.workOrder.update({ where: { id: workOrders[3].id }, data: { status: "IN_PROGRESS" } });

  const page = await signInAs(browser, tenant.admin.id, `/staff?site=${site.id}`);
  const form = page.getByTestId("bulk-form");
  const bar = form.getByTestId("bulk-bar");
  const tabs = page.getByRole("navigation", { name: "Work orders by status" });
  const count = (tab: string) => tabs.getByRole("link", { name: new RegExp(`^${tab}`) }).locator(".tab-count");
  await expect(count("All")).toHaveText("4");
  await expect(count("Open")).toHaveText("3");
  await expect(bar).toBeHidden();

  const tick = (title: string) => form.getByLabel(`Select #${workOrders[titles.indexOf(title)].number}`).check();
  await tick("Clean gutters");
  await tick("Service boiler");
  await expect(bar.getByRole("status")).toHaveText(/^2 selected/);
  await bar.getByRole("button", { name: "Apply to selected" }).click();
  await expect(form.locator(".field-error", { hasText: "Choose a contractor or a priority" })).toBeVisible();
  await bar.getByLabel("Assign to").selectOption({ label: tenant.company.name });
  await bar.getByLabel("Priority").selectOption("HIGH");
  await bar.getByRole("button", { name: "Apply to selected" }).dblclick();
  await expect(form.getByText("Work orders updated.")).toBeVisible();
  await expect(count("Open")).toHaveText("1");
  await expect(count("Assigned")).toHaveText("2");
  const rows = form.getByRole("table", { name: "Work orders" }).locator("tbody tr");
  await expect(rows.filter({ hasText: "Clean gutters" })).toContainText(tenant.company.name);
  await expect(rows.filter({ hasText: "Service boiler" })).toContainText("High");
  // A double click offered each once.
  expect(await db.assignment.count({ where: { workOrderId: { in: [workOrders[0].id, workOrders[1].id] } } })).toBe(2);

  // Archiving refuses the work under way, naming it, and changes nothing.
  await tick("Paint stairwell");
  await tick("Fix gate");
  await bar.getByRole("button", { name: "Archive…" }).click();
  await page
    .getByRole("dialog", { name: "Archive the selected work orders?" })
    .getByRole("button", { name: "Archive selected" })
    .click();
  await expect(form.getByRole("alert")).toContainText(`#${workOrders[3].number} is still in progress`);
  expect(await db.workOrder.count({ where: { id: workOrders[2].id, archivedAt: { not: null } } })).toBe(0);
  await form.getByLabel(`Select #${workOrders[3].number}`).uncheck();
  await bar.getByRole("button", { name: "Archive…" }).click();
  await page
    .getByRole("dialog", { name: "Archive the selected work orders?" })
    .getByRole("button", { name: "Archive selected" })
    .click();
  await expect(rows.filter({ hasText: "Paint stairwell" })).toHaveCount(0);
  await expect(count("All")).toHaveText("3");
  await page.context().close();
});

import type { AssignmentStatus } from "../generated/prisma/client";
import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test, type TTenant } from "./fixtures";

const DAY = 86_400_000;

async function offer(
  tenant: TTenant,
  title: string,
  status: AssignmentStatus,
  offeredDaysAgo: number,
  notToExceed: string | null,
  dueDaysAgo?: number,
) {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
  const dueAt = dueDaysAgo === undefined ? null : new Date(Date.now() - dueDaysAgo * DAY);
  await db.workOrder.update({ where: { id: workOrder.id }, data: { notToExceed, dueAt } });
  const assignment = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status,
  });
  await db.assignment.update({
    where: { id: assignment.id },
    data: { offeredAt: new Date(Date.now() - offeredDaysAgo * DAY) },
  });
  return assignment.id;
}

const cells = (row: import("@playwright/test").Locator) => row.locator("th, td").allInnerTexts();

test("a contractor office reads and prints its summary and status reports, with its own tasks only", async ({
  browser,
  tenant,
  otherTenant,
}) => {
  await offer(tenant, "Boiler service", "OFFERED", 1 / 24, "250.00");
  const roofLeak = await offer(tenant, "Roof leak", "ACCEPTED", 40, "1200.50", 5);
  await offer(tenant, "Gutter clean", "COMPLETED", 10, null);
  await offer(tenant, "Fire door survey", "INVOICED", 100, "300.00");
  await offer(otherTenant, "Someone else's job", "ACCEPTED", 2, "9999.00", 1);

  const desk = await signInAs(browser, tenant.office.user.id, "/desk");
  await desk.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(desk).toHaveURL(/\/desk\/reports$/);

  const tasks = desk.getByRole("table", { name: "Tasks by month and status" });
  await expect(tasks.getByRole("columnheader")).toHaveText([
    "Month",
    "Offered",
    "Accepted",
    "Completed",
    "Invoiced",
    "Total",
  ]);
  await expect(tasks.locator("tbody tr")).toHaveCount(12);
  expect(await cells(tasks.locator("tfoot tr"))).toEqual(["Total", "1", "1", "1", "1", "4"]);
  const values = desk.getByRole("table", { name: "Not-to-exceed value by month and status" });
  expect(await cells(values.locator("tfoot tr"))).toEqual([
    "Total",
    "£250.00",
    "£1,200.50",
    "£0.00",
    "£300.00",
    "£1,750.50",
    "1",
  ]);
  await expect(desk.getByText("1 of 4 tasks have no NTE amount")).toBeVisible();

  const open = desk.getByRole("table", { name: "Open tasks by status and age" });
  expect(await cells(open.locator("tfoot tr"))).toEqual(["Total", "1", "1", "1", "0", "3", "1"]);
  expect(await cells(open.getByRole("row", { name: /^Accepted/ }))).toEqual(["Accepted", "–", "–", "1", "–", "1", "1"]);
  const overdue = desk.getByRole("table", { name: "Most overdue tasks" });
  await expect(overdue.locator("tbody tr")).toHaveCount(1);
  await expect(overdue.getByRole("link", { name: /Roof leak/ })).toHaveAttribute("href", `/desk/tasks/${roofLeak}`);
  const oldest = desk.getByRole("table", { name: "Oldest open tasks" });
  await expect(oldest.locator("tbody tr")).toHaveCount(3);
  await expect(oldest.locator("tbody tr").first()).toContainText("Roof leak");
  await expect(desk.getByText("Someone else's job")).toHaveCount(0);

  // On paper: the figures without the navigation, the filters or the Print button.
  await desk.emulateMedia({ media: "print" });
  await expect(desk.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(desk.getByRole("form", { name: "Report filters" })).toBeHidden();
  await expect(desk.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(tasks).toBeVisible();
  await expect(open).toBeVisible();
  await desk.emulateMedia({ media: "screen" });
  await expect(desk.getByRole("navigation", { name: "Main" })).toBeVisible();

  // A reversed period is refused with the reason next to the field, and no figures.
  const filters = desk.getByRole("form", { name: "Report filters" });
  await filters.getByLabel("From month").fill("2025-06");
  await filters.getByLabel("To month").fill("2025-01");
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(filters.getByText("The last month cannot be before the first month")).toBeVisible();
  await expect(desk.getByText("Correct the highlighted filters to see the reports.")).toBeVisible();
  await expect(desk.getByRole("table")).toHaveCount(0);
});

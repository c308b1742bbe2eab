import { createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInWithPassword, test } from "./fixtures";

test("staff filter, sort, save a filter, page and export the work order list", async ({ page, tenant }) => {
  const depot = await createSite(db, tenant.organisation.id, { name: "North Depot" });
  const office = await createSite(db, tenant.organisation.id, { name: "City Office" });
  for (let i = 1; i <= 55; i++) {
    await createWorkOrder(db, {
      organisationId: tenant.organisation.id,
      siteId: i % 5 === 0 ? office.id : depot.id,
      title: `Task ${i}`,
      priority: i % 5 === 0 ? "URGENT" : "NORMAL",
    });
  }
  await signInWithPassword(page, tenant.admin.email);
  const table = page.getByRole("table", { name: "Work orders" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId("match-count")).toHaveText("1–50 of 55 work orders");
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(rows).toHaveCount(5);
  await expect(page.getByTestId("match-count")).toHaveText("51–55 of 55 work orders");
  await page.getByRole("link", { name: "Previous page" }).click();
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("Task 55");
  await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  // Status tabs: the current one is marked, and each keeps the other filters.
  const statusTabs = page.getByRole("navigation", { name: "Work orders by status" });
  await expect(statusTabs.getByRole("link", { name: "All" })).toHaveAttribute("aria-current", "page");
  // Each tab counts what it would show.
  await expect(statusTabs.locator(".tab-count")).toHaveText(["55", "55", "0", "0", "0", "0", "0"]);
  await statusTabs.getByRole("link", { name: "Completed" }).click();
  await expect(page).toHaveURL(/status=COMPLETED/);
  await expect(statusTabs.getByRole("link", { name: "Completed" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No work orders match")).toBeVisible();
  await statusTabs.getByRole("link", { name: "Open" }).click();
  await expect(rows).toHaveCount(50);

  await page.goto("/staff");
  const filters = page.getByRole("form", { name: "Filters" });
  // The filters sit behind one button; those in force show as chips that remove themselves.
  await filters.locator("summary").click();
  await filters.getByLabel("Site").selectOption({ label: "City Office" });
  await filters.getByLabel("Priority").selectOption("URGENT");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(11);
  await expect(table).toContainText("Task 55");
  const chips = page.getByRole("list", { name: "Filters in force" });
  await expect(chips.getByRole("listitem")).toHaveText(["Priority: Urgent×", "Site: City Office×", "Clear all"]);
  await chips.getByRole("link", { name: "Remove filter Priority: Urgent" }).click();
  await expect(chips.getByRole("listitem")).toHaveText(["Site: City Office×", "Clear all"]);
  await expect(rows).toHaveCount(11);
  await filters.locator("summary").click();
  await filters.getByLabel("Priority").selectOption("URGENT");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(chips.getByRole("listitem")).toHaveCount(3);

  await table.getByRole("link", { name: "#", exact: true }).click();
  await expect(page).toHaveURL(/sort=number/);
  await expect(rows.first()).toContainText("Task 55");
  await table.getByRole("link", { name: "# ▼" }).click();
  await expect(page).toHaveURL(/dir=asc/);
  await expect(rows.first().locator("td").nth(1)).toHaveText("5");

  await page.getByText("Save this view").click();
  const save = page.getByTestId("save-filter-form");
  await save.getByLabel("Save this filter as").fill("Urgent at City Office");
  await save.getByRole("button", { name: "Save" }).click();
  await expect(
    page.getByRole("navigation", { name: "Saved filters" }).getByRole("link", { name: "Urgent at City Office" }),
  ).toBeVisible();

  await page.goto("/staff");
  await expect(rows).toHaveCount(50);
  await page
    .getByRole("navigation", { name: "Saved filters" })
    .getByRole("link", { name: "Urgent at City Office" })
    .click();
  await expect(rows).toHaveCount(11);

  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\n");
  expect(lines).toHaveLength(12);
  expect(lines[1]).toMatch(/^5,Task 5,City Office,,URGENT,OPEN/);
});

test("the staff home shows what needs attention, with counts that open the matching list", async ({ page, tenant }) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Harbour Point" });
  const late = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Broken lock",
  });
  await db.workOrder.update({ where: { id: late.id }, data: { slaDueAt: new Date(Date.now() - 3_600_000) } });
  const calm = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Paint fence",
  });
  await db.workOrder.update({ where: { id: calm.id }, data: { slaDueAt: new Date(Date.now() + 7 * 86_400_000) } });

  await signInWithPassword(page, tenant.admin.email);
  const attention = page.getByRole("region", { name: "Needs attention" });
  const sla = attention.getByRole("link", { name: /SLA due within 24 h or breached/ });
  await expect(sla).toContainText("1");
  await expect(attention.getByRole("link", { name: /awaiting your review/ })).toContainText("0");
  await sla.click();
  await expect(page).toHaveURL(/needs=sla/);
  const table = page.getByRole("table", { name: "Work orders" });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table).toContainText("Broken lock");
  await expect(page.getByTestId("match-count")).toHaveText("1 work order");
});

test("staff choose the list's columns, and the list remembers them", async ({ page, tenant }) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Column Court" });
  await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title: "Hinge squeaks" });
  await signInWithPassword(page, tenant.admin.email);
  const table = page.getByRole("table", { name: "Work orders" });
  await expect(table.getByRole("columnheader", { name: "SLA due" })).toBeVisible();
  await page.locator("summary", { hasText: "Columns" }).click();
  const columns = page.getByTestId("columns-form");
  await columns.getByLabel("SLA due").uncheck();
  await columns.getByLabel("Created").uncheck();
  await columns.getByRole("button", { name: "Save columns" }).click();
  await expect(table.getByRole("columnheader", { name: "SLA due" })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: /^Created/ })).toHaveCount(0);
  await page.reload();
  await expect(table.getByRole("columnheader", { name: "Due" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "SLA due" })).toHaveCount(0);
  await expect(table).toContainText("Hinge squeaks");
});

test("a row's title opens its work order inside the app; with Ctrl it opens in a new tab and the list stays", async ({
  page,
  context,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Row Link House" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Gutter overflowing",
  });
  await signInWithPassword(page, tenant.admin.email);
  const title = page.getByRole("table", { name: "Work orders" }).getByRole("link", { name: "Gutter overflowing" });
  await expect(title).toHaveAttribute("href", `/staff/work-orders/${workOrder.id}`);

  const newTab = context.waitForEvent("page");
  await title.click({ modifiers: ["ControlOrMeta"] });
  await (await newTab).close();
  await expect(page).toHaveURL(/\/staff$/);

  // A document that is not reloaded keeps what a script left on it.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await title.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Gutter overflowing");
  await expect(page).toHaveURL(`/staff/work-orders/${workOrder.id}`);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await page.goBack();
  await expect(page.getByRole("table", { name: "Work orders" })).toContainText("Gutter overflowing");
});

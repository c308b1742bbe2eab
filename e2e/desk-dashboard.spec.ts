import { createAccreditation, createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("the Desk filters and sorts tasks and remembers the columns each person chose", async ({ browser, tenant }) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Canal Wharf" });
  for (const [title, status, withTech, due] of [
    ["Pump room leak", "ACCEPTED", true, "2030-03-01"],
    ["Lift alarm", "OFFERED", false, "2030-01-01"],
    ["Car park lights", "ACCEPTED", false, null],
  ] as const) {
    const wo = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
    await db.workOrder.update({ where: { id: wo.id }, data: { dueAt: due ? new Date(due) : null } });
    await createAssignment(db, {
      workOrderId: wo.id,
      contractorCompanyId: tenant.company.id,
      status,
      technicianIds: withTech ? [tenant.technician.person.id] : [],
    });
  }
  const desk = await signInAs(browser, tenant.office.user.id, "/desk");
  const table = desk.getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await expect(desk.getByTestId("match-count")).toHaveText("3 tasks");

  const filters = desk.getByRole("form", { name: "Filters" });
  await filters.locator("summary").click();
  await filters.getByLabel("Status").selectOption("ACCEPTED");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(desk.getByTestId("match-count")).toHaveText("2 tasks");
  await expect(desk.getByRole("list", { name: "Filters in force" }).getByRole("listitem")).toHaveText([
    "Status: Accepted×",
    "Clear all",
  ]);
  await filters.locator("summary").click();
  await filters.getByLabel("Technician").selectOption({ label: "Terry Tech" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table).toContainText("Pump room leak");

  // Sorting by a column: soonest first, then the other way round; no date comes last both times.
  await desk.goto("/desk");
  const titles = table.locator("tbody tr td:nth-child(2)");
  await table.getByRole("link", { name: "Due" }).click();
  await expect(desk).toHaveURL(/sort=due/);
  await expect(table.getByRole("columnheader", { name: "Due" })).toHaveAttribute("aria-sort", "ascending");
  await expect(titles).toHaveText([/Lift alarm/, /Pump room leak/, /Car park lights/]);
  await table.getByRole("link", { name: /Due/ }).click();
  await expect(desk).toHaveURL(/dir=desc/);
  await expect(titles).toHaveText([/Pump room leak/, /Lift alarm/, /Car park lights/]);
  // The sort stays when a filter is applied.
  await filters.locator("summary").click();
  await filters.getByLabel("Status").selectOption("ACCEPTED");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(desk).toHaveURL(/status=ACCEPTED/);
  await expect(desk).toHaveURL(/sort=due/);
  await expect(titles).toHaveText([/Pump room leak/, /Car park lights/]);

  await desk.goto("/desk");
  await expect(table.getByRole("columnheader", { name: "Site" })).toBeVisible();
  await desk.locator("summary", { hasText: "Columns" }).click();
  const columns = desk.getByTestId("columns-form");
  await columns.getByLabel("Site").uncheck();
  await columns.getByLabel("Due").uncheck();
  await columns.getByRole("button", { name: "Save columns" }).click();
  await expect(table.getByRole("columnheader", { name: "Site" })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: "Due" })).toHaveCount(0);
  await expect(table.getByRole("columnheader", { name: "Technician" })).toBeVisible();

  // Remembered for this person, in a new session too.
  const again = await signInAs(browser, tenant.office.user.id, "/desk");
  await expect(again.getByRole("table").getByRole("columnheader", { name: "Scheduled" })).toBeVisible();
  await expect(again.getByRole("table").getByRole("columnheader", { name: "Site" })).toHaveCount(0);
});

test("the Desk opens on what needs action: new offers, then today's and upcoming visits, finished work last", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Mill Yard" });
  const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000);
  // Created oldest first, so number order would put the reviewed work at the top.
  for (const [title, status, visit] of [
    ["Reviewed last month", "REVIEWED", inHours(-24 * 30)],
    ["Visit next week", "SCHEDULED", inHours(24 * 7)],
    ["Visit tomorrow", "SCHEDULED", inHours(24)],
    ["Awaiting the paperwork", "PERFORMED", inHours(-48)],
    ["New offer", "OFFERED", null],
  ] as const) {
    const wo = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
    const task = await createAssignment(db, { workOrderId: wo.id, contractorCompanyId: tenant.company.id, status });
    await db.assignment.update({ where: { id: task.id }, data: { scheduledAt: visit } });
  }
  const desk = await signInAs(browser, tenant.office.user.id, "/desk");
  const order = desk.getByRole("navigation", { name: "Order of the tasks" });
  await expect(order.getByRole("link", { name: "Needs action first" })).toHaveAttribute("aria-current", "page");
  await expect(desk.getByRole("table").locator("tbody tr td:nth-child(2)")).toHaveText([
    /New offer/,
    /Visit tomorrow/,
    /Visit next week/,
    /Awaiting the paperwork/,
    /Reviewed last month/,
  ]);
  await order.getByRole("link", { name: "By client" }).click();
  await expect(desk).toHaveURL(/sort=client/);
  await expect(desk.getByRole("table").locator("tbody tr td:nth-child(2)").first()).toHaveText(/Reviewed last month/);
  await desk.context().close();
});

test("a contractor whose accreditation has lapsed or is about to is told on its Desk home, with where to renew", async ({
  browser,
  tenant,
}) => {
  const inDays = (days: number) => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days));
  };
  // "3 Dec 2026", as the Desk writes a calendar day.
  const written = (day: Date) =>
    day.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const desk = await signInAs(browser, tenant.office.user.id, "/desk");
  await expect(desk.getByRole("heading", { name: "Tasks", exact: true })).toBeVisible();
  await expect(desk.getByRole("region", { name: "Accreditations to renew" })).toHaveCount(0);

  await createAccreditation(db, { contractorCompanyId: tenant.company.id, type: "NICEIC", expiresAt: inDays(300) });
  const insurance = inDays(12);
  await createAccreditation(db, {
    contractorCompanyId: tenant.company.id,
    type: "Public liability insurance",
    expiresAt: insurance,
  });
  await createAccreditation(db, {
    contractorCompanyId: tenant.company.id,
    personId: tenant.technician.person.id,
    type: "Gas Safe registration",
    expiresAt: inDays(-3),
  });
  await desk.reload();
  const banner = desk.getByRole("region", { name: "Accreditations to renew" });
  await expect(banner).toContainText("2 accreditations need renewing");
  await expect(banner.getByRole("listitem")).toHaveText([
    `Gas Safe registration (Terry Tech): expired on ${written(inDays(-3))}`,
    `Public liability insurance: expires on ${written(insurance)}`,
  ]);
  await banner.getByRole("link", { name: "Renew on the accreditations page" }).click();
  await expect(desk).toHaveURL(/\/desk\/company\/accreditations$/);
  await desk.context().close();
});

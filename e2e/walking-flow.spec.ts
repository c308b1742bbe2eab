import { createAssignment, createContractorCompany, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, linkFromEmail, signInFromLink, signInWithPassword, test } from "./fixtures";

test("staff creates and assigns a work order; the contractor and then the technician sign in from their emails and see it", async ({
  page,
  browser,
  tenant,
}) => {
  // Another company's task in the same organisation must never show on this contractor's Desk.
  const otherCompany = await createContractorCompany(db, [tenant.organisation.id], { name: "Other Contractor Ltd" });
  const otherSite = await createSite(db, tenant.organisation.id, { name: "Elsewhere" });
  const otherWorkOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: otherSite.id,
    title: "Someone else's job",
  });
  await createAssignment(db, { workOrderId: otherWorkOrder.id, contractorCompanyId: otherCompany.id });

  await signInWithPassword(page, tenant.admin.email);

  await page.goto("/staff/sites");
  const siteForm = page.getByTestId("site-form");
  await siteForm.getByLabel("Name").fill("Riverside Offices");
  await siteForm.getByLabel("Street address").fill("1 River Road");
  await siteForm.getByLabel("Town or city").fill("York");
  await siteForm.getByLabel("Postcode").fill("YO1 7HH");
  await siteForm.getByLabel("Access details").fill("Keys at reception");
  await siteForm.getByRole("button", { name: "Add site" }).click();
  await expect(page.getByText("Site added.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Sites" })).toContainText("Riverside Offices");

  await page.goto("/staff/work-orders/new");
  const form = page.getByTestId("work-order-form");
  await form.getByLabel("Title").fill("Boiler pressure keeps dropping");
  await form.getByLabel("Site").selectOption({ label: "Riverside Offices (York)" });
  await form.getByLabel("Priority").selectOption("HIGH");
  await form.getByLabel("Description").fill("Pressure falls below 1 bar overnight.");
  await form.getByLabel("Purchase order number (optional)").fill("PO-4411");
  await form.getByRole("button", { name: "Create work order" }).click();
  await expect(page.getByRole("heading", { name: "Boiler pressure keeps dropping" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("created the work order");

  await page.getByLabel("Assign to").selectOption({ label: tenant.company.name });
  await page.getByRole("button", { name: "Assign and email the contractor" }).click();
  await expect(page.getByTestId("current-assignment")).toContainText("offered, not yet accepted");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(`assigned it to ${tenant.company.name}`);

  const officeLink = await linkFromEmail(tenant.office.user.email, /New task from/);
  expect(officeLink).toMatch(/\/link\/[A-Za-z0-9_-]{43}$/);
  const desk = await signInFromLink(browser, officeLink);
  await expect(desk).toHaveURL(/\/desk\/tasks\/c[a-z0-9]+$/);
  await expect(desk.getByRole("heading", { name: "Boiler pressure keeps dropping" })).toBeVisible();
  await expect(desk.getByText("Keys at reception")).toBeVisible();

  await desk.goto("/desk");
  const deskTable = desk.getByRole("table");
  await expect(deskTable).toContainText("Boiler pressure keeps dropping");
  await expect(deskTable).not.toContainText("Someone else's job");
  await expect(deskTable.locator("tbody tr")).toHaveCount(1);

  await deskTable.getByRole("link", { name: /Boiler pressure/ }).click();
  await desk.getByTestId("accept-form").getByRole("button", { name: "Accept task" }).click();
  await expect(desk.getByText("Accepted").first()).toBeVisible();
  await desk.getByLabel("Terry Tech").check();
  await desk.getByRole("button", { name: "Assign" }).click();
  await expect(desk.locator(".toast-region")).toContainText("Technicians assigned and emailed.");
  await expect(desk.getByTestId("task-technicians")).toContainText("Terry Tech");

  const techLink = await linkFromEmail(tenant.technician.user.email, /new task/i);
  const tech = await signInFromLink(browser, techLink);
  await expect(tech).toHaveURL(/\/tech#\/task\//);
  await expect(tech.getByRole("heading", { name: "Boiler pressure keeps dropping" })).toBeVisible();
  await expect(tech.getByText("Keys at reception")).toBeVisible();
  await tech.goto("/tech");
  await expect(tech.getByTestId("task-list")).toContainText("Boiler pressure keeps dropping");
  await expect(tech.getByTestId("task-list").getByRole("listitem")).toHaveCount(1);

  // The staff timeline shows what the contractor did.
  await page.goto("/staff");
  await page.getByRole("link", { name: "Boiler pressure keeps dropping" }).click();
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("changed the task to accepted");
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("assigned Terry Tech");
});

import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, openTab, signInWithPassword, test } from "./fixtures";

test("staff record an asset at a site, then edit a work order to point at it; the contractor is told", async ({
  page,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Quayside Offices" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Radiators cold on floor 2",
  });
  await createAssignment(db, { workOrderId: workOrder.id, contractorCompanyId: tenant.company.id, status: "ACCEPTED" });

  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/sites/${site.id}`);
  const assetForm = page.getByTestId("asset-form");
  await assetForm.getByRole("button", { name: "Add asset" }).click();
  await expect(assetForm.locator(".field-error")).toContainText("Name the asset");
  await assetForm.getByLabel("Name").fill("Boiler 2 (plant room)");
  await assetForm.getByLabel("Serial number (optional)").fill("B2-778");
  await assetForm.getByRole("button", { name: "Add asset" }).click();
  await expect(page.getByRole("table", { name: "Assets" })).toContainText("Boiler 2 (plant room)");

  await page.goto(`/staff/work-orders/${workOrder.id}`);
  // A live page refreshes itself when the server's listener comes back (another test drops
  // it on purpose), and a refresh at the instant of the click swallows that navigation, as
  // it would a person's click, who would click again: so does the test.
  await expect(async () => {
    if (!page.url().endsWith("/edit")) await page.getByRole("link", { name: "Edit" }).click();
    await page.waitForURL(`**/staff/work-orders/${workOrder.id}/edit`, { timeout: 10_000 });
  }).toPass({ timeout: 40_000 });
  const form = page.getByTestId("work-order-form");
  await form.getByLabel("Title").fill("x");
  await form.getByLabel("Purchase order number (optional)").fill("PO-4411");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.locator(".field-error")).toContainText("at least 3 characters");
  await expect(form.getByLabel("Purchase order number (optional)")).toHaveValue("PO-4411");

  await form.getByLabel("Title").fill("Radiators cold on floor 2 and 3");
  await form.getByLabel("Asset (optional)").selectOption({ label: "Boiler 2 (plant room)" });
  await form.getByLabel("Priority").selectOption("URGENT");
  await form.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(`**/staff/work-orders/${workOrder.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Radiators cold on floor 2 and 3");
  await expect(page.getByRole("region", { name: "Site", exact: true })).toContainText(
    "Boiler 2 (plant room) (serial B2-778)",
  );
  await expect(page.getByRole("list", { name: "Activity" })).toContainText(
    "changed the title, asset, priority, purchase order",
  );

  await openTab(page, "Details");
  await expect(page.getByRole("region", { name: "Details" })).toContainText("PO-4411");

  // A step of the procedure for the technician.
  await page.getByRole("button", { name: "Add a step…" }).click();
  const step = page.getByTestId("service-task-form");
  await step.getByLabel("Step").fill("Supply voltage");
  await step.getByLabel("The technician records").selectOption("READING");
  await step.getByLabel("Unit (readings)").fill("V");
  await step.getByLabel("Lowest allowed (readings, optional)").fill("240");
  await step.getByLabel("Highest allowed (readings, optional)").fill("220");
  await step.getByRole("button", { name: "Add step" }).click();
  await expect(step.locator(".field-error")).toContainText("must not be below the lowest");
  await step.getByLabel("Highest allowed (readings, optional)").fill("250");
  await step.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByRole("table", { name: "Service tasks" })).toContainText("Supply voltage (allowed 240–250 V)");

  const email = await db.emailOutbox.findFirst({ where: { to: tenant.office.user.email, template: "task-updated" } });
  expect(email?.subject).toContain("Radiators cold on floor 2 and 3");
});

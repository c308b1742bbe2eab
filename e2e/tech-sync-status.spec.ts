import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("the sync line shows one state at a time: a failure gives way to “Syncing…” as soon as the next sync starts", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Gutter clearance",
  });
  await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "SCHEDULED",
    technicianIds: [tenant.technician.person.id],
  });
  const page = await signInAs(browser, tenant.technician.user.id, "/tech");
  await expect(page.getByTestId("pending-count")).toHaveText("All changes synced");

  // The server fails once, then answers slowly.
  await page.route("**/api/tech/tasks", (route) =>
    route.fulfill({ status: 503, body: JSON.stringify({ error: { message: "Service unavailable" } }) }),
  );
  await page.getByRole("link", { name: /Gutter clearance/ }).click();
  await page.getByRole("button", { name: "I'm on site" }).click();
  const failure = page.getByRole("alert").filter({ hasText: "Sync failed" });
  await expect(failure).toBeVisible();
  await expect(page.getByTestId("pending-count")).toHaveText("Sync failed");

  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.unroute("**/api/tech/tasks");
  await page.route("**/api/tech/tasks", async (route) => {
    await released;
    await route.continue();
  });
  await failure.getByRole("button", { name: "Retry now" }).click();
  await expect(page.getByTestId("pending-count")).toHaveText("Syncing…");
  await expect(failure).toBeHidden();
  release();
  await expect(page.getByTestId("pending-count")).toHaveText("All changes synced");
  await expect(failure).toBeHidden();
  await page.context().close();
});

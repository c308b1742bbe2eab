import { createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("sites sort as people read them, and a site's page lists its work orders", async ({ browser, tenant }) => {
  const block5 = await createSite(db, tenant.organisation.id, { name: "Block 5" });
  await createSite(db, tenant.organisation.id, { name: "Block 19" });
  await createSite(db, tenant.organisation.id, { name: "block 100" });
  await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: block5.id, title: "Clear the gutters" });

  const page = await signInAs(browser, tenant.admin.id, "/staff/sites");
  const names = page.getByRole("table", { name: "Sites" }).locator("tbody tr td:first-child");
  await expect(names).toHaveText([/^Block 5/, /^Block 19/, /^block 100/]);

  await page.getByRole("link", { name: "Block 5" }).click();
  const workOrders = page.getByRole("table", { name: "Work orders at this site" });
  await expect(workOrders).toContainText("Clear the gutters");
  await page.context().close();
});

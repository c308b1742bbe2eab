import { createAccreditation, createContractorCompany, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("assigning shows the chosen contractor's accreditation problems in full, and only theirs", async ({
  browser,
  tenant,
}) => {
  const gas = await db.category.create({
    data: { organisationId: tenant.organisation.id, name: "Gas", requiredAccreditations: ["Gas Safe", "Insurance"] },
  });
  const site = await createSite(db, tenant.organisation.id, { name: "Boiler House" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Annual gas safety check",
    categoryId: gas.id,
  });
  // The tenant's contractor holds both; another holds an expired insurance and no Gas Safe.
  for (const type of ["Gas Safe", "Insurance"])
    await createAccreditation(db, { contractorCompanyId: tenant.company.id, type, expiresAt: new Date("2099-01-01") });
  const lapsed = await createContractorCompany(db, [tenant.organisation.id], { name: `Lapsed Heating ${Date.now()}` });
  await createAccreditation(db, {
    contractorCompanyId: lapsed.id,
    type: "Insurance",
    expiresAt: new Date("2026-03-31"),
  });

  const page = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}`);
  const form = page.getByTestId("assign-form");
  await expect(form.getByRole("list", { name: "Accreditation problems" })).toHaveCount(0);
  await form.getByLabel("Assign to").selectOption({ label: `${lapsed.name} ⚠ accreditation problem` });
  const problems = form.getByRole("list", { name: "Accreditation problems" });
  await expect(problems.getByRole("listitem")).toHaveText(["Gas Safe: missing", "Insurance: expired on 31 Mar 2026"]);
  await form.getByLabel("Assign to").selectOption({ label: tenant.company.name });
  await expect(problems).toHaveCount(0);
  await page.context().close();
});

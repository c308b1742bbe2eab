import {
  createAccreditation,
  createContractorCompany,
  createSite,
  createStaffUser,
  createTrade,
  createWorkOrder,
} from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

// The compliance gate on a work order's page: the chosen contractor's missing or expired
// documents are named; a coordinator cannot go ahead, a manager can with a reason, which
// then stands on the work order and its timeline.
test("a contractor without the trade's documents is stopped, and a manager may go ahead with a reason", async ({
  browser,
  tenant,
}) => {
  const gas = await createTrade(db, tenant.organisation.id, { name: "Gas", requires: ["Gas Safe", "Insurance"] });
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
    type: "insurance",
    expiresAt: new Date("2026-03-31"),
  });
  const coordinator = await createStaffUser(db, tenant.organisation.id, "COORDINATOR");
  const manager = await createStaffUser(db, tenant.organisation.id, "MANAGER", { name: "Mia Manager" });

  const asCoordinator = await signInAs(browser, coordinator.id, `/staff/work-orders/${workOrder.id}`);
  let form = asCoordinator.getByTestId("assign-form");
  await expect(form.getByRole("list", { name: "Documents missing or expired" })).toHaveCount(0);
  await form.getByLabel("Assign to").selectOption({ label: `${lapsed.name} (documents missing)` });
  const problems = form.getByRole("list", { name: "Documents missing or expired" });
  await expect(problems.getByRole("listitem")).toHaveText(["Gas Safe: missing", "Insurance: expired on 31 Mar 2026"]);
  await expect(form).toContainText("A manager or an admin can go ahead anyway, with a reason.");
  await expect(form.getByLabel("Reason to go ahead anyway")).toHaveCount(0);
  await form.getByRole("button", { name: "Assign and email the contractor" }).click();
  await expect(form.getByText(/Lapsed Heating .* does not meet this trade's requirements/).last()).toBeVisible();
  expect(await db.assignment.count({ where: { workOrderId: workOrder.id } })).toBe(0);
  // The contractor that holds both passes.
  await form.getByLabel("Assign to").selectOption({ label: tenant.company.name });
  await expect(problems).toHaveCount(0);
  await asCoordinator.context().close();

  const asManager = await signInAs(browser, manager.id, `/staff/work-orders/${workOrder.id}`);
  form = asManager.getByTestId("assign-form");
  await form.getByLabel("Assign to").selectOption({ label: `${lapsed.name} (documents missing)` });
  await form.getByLabel("Reason to go ahead anyway").fill("Only gas engineer free before the weekend");
  await form.getByRole("button", { name: "Assign and email the contractor" }).click();
  const override = asManager.getByTestId("compliance-override");
  await expect(override).toContainText("Assigned without Gas Safe (missing), Insurance (expired).");
  await expect(override).toContainText("Mia Manager went ahead");
  await expect(override).toContainText("“Only gas engineer free before the weekend”");
  await expect(asManager.getByText(/went ahead with Lapsed Heating .* without the required documents/)).toBeVisible();
  const assignment = await db.assignment.findFirstOrThrow({ where: { workOrderId: workOrder.id } });
  expect(assignment.contractorCompanyId).toBe(lapsed.id);
  await asManager.context().close();
});

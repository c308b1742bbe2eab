import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("a technician records their time offline, the time on site offered, and it reaches the office once", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Boiler service",
  });
  const checkedInAt = new Date(Date.now() - 3 * 3_600_000);
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "PERFORMED",
    technicianIds: [tenant.technician.person.id],
  });
  // On site for 1 h 25 min.
  await db.assignment.update({
    where: { id: task.id },
    data: { checkedInAt, performedAt: new Date(checkedInAt.getTime() + 85 * 60_000) },
  });
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await expect(phone.getByTestId("last-synced")).not.toContainText("never");
  // Performed work sits in the folded "Done" group; open the task itself.
  await phone.goto(`/tech#/task/${task.id}`);
  const section = phone.getByRole("region", { name: "Your time" });
  await expect(section).toContainText("1 h 25 min");
  // Performed work reads as a whole, not as the visit's steps.
  await expect(phone.getByRole("navigation", { name: "Steps of the visit" })).toHaveCount(0);

  await phone.context().setOffline(true);
  await section.getByRole("button", { name: "Record 1 h 25 min" }).click();
  await expect(section.getByTestId("time-entries")).toContainText("1 h 25 min normal");
  // Travel, entered by hand; a bad duration is caught on the phone first.
  await section.locator("summary").click();
  const form = section.getByTestId("tech-time-form");
  await form.getByLabel("How long").fill("25");
  await form.getByRole("button", { name: "Record time" }).click();
  await expect(form.getByText("One entry is 24 hours at most: enter each day apart")).toBeVisible();
  await form.getByLabel("How long").fill("0:20");
  await form.getByLabel("Kind").selectOption("TRAVEL");
  await form.getByRole("button", { name: "Record time" }).click();
  await expect(section.getByTestId("time-entries").locator("li")).toHaveCount(2);
  await expect(phone.getByTestId("pending-count")).toHaveText("Offline · 2 changes waiting");
  expect(await db.timeEntry.count({ where: { assignmentId: task.id } })).toBe(0);
  // The technician never sees a price or a rate.
  await expect(phone.locator("body")).not.toContainText(/£|\brates?\b|per hour/i);

  await phone.context().setOffline(false);
  await expect(phone.getByTestId("pending-count")).toHaveText("All changes synced", { timeout: 30_000 });
  await phone.reload();
  await expect(section.getByTestId("time-entries").locator("li")).toHaveCount(2);
  const entries = await db.timeEntry.findMany({ where: { assignmentId: task.id }, orderBy: { minutes: "desc" } });
  expect(entries.map((e) => [e.minutes, e.labourType, e.source])).toEqual([
    [85, "NORMAL", "tech"],
    [20, "TRAVEL", "tech"],
  ]);
  expect(entries[0].startedAt?.toISOString()).toBe(checkedInAt.toISOString());
  await phone.context().close();

  const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}?tab=money`);
  await expect(staff.getByRole("region", { name: "Time and costs" }).getByTestId("time-total")).toHaveText(
    "1 h 45 min",
  );
  await staff.context().close();
});

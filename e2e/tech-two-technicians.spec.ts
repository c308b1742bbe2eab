import type { Page } from "@playwright/test";
import {
  createAssignment,
  createContractorPerson,
  createServiceTasks,
  createSite,
  createWorkOrder,
} from "../prisma/factories";
import { db, expect, signInAs, signInWithPassword, test } from "./fixtures";

async function openTask(page: Page, taskId: string) {
  await expect(page.getByTestId("last-synced")).not.toContainText("never");
  await page.goto(`/tech#/task/${taskId}`);
  await expect(page.getByTestId("task-status")).toHaveText("In progress");
}

// Brings the phone's copy up to date the way the app does when the network returns, and
// waits for that sync to finish: a download still on its way when the test next cuts the
// network could otherwise bring in a colleague's later change.
async function reconnect(page: Page) {
  await page.context().setOffline(true);
  const downloaded = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/tech/tasks");
  await page.context().setOffline(false);
  await downloaded;
  await expect(page.getByTestId("pending-count")).toHaveText("All changes synced");
}

test("two technicians on one task: a field shows the phone's newest value, a tap in and out sends nothing, and a value chosen against reaches the office", async ({
  browser,
  page: staffPage,
  tenant,
}) => {
  test.setTimeout(120_000);
  const site = await createSite(db, tenant.organisation.id, { name: "Harbour Flats" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Heating loop inspection",
  });
  await createServiceTasks(db, workOrder);
  const colleague = await createContractorPerson(db, tenant.company.id, "TECHNICIAN", { name: "Cleo Colleague" });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "IN_PROGRESS",
    technicianIds: [tenant.technician.person.id, colleague.person.id],
  });
  const pipework = await db.serviceTask.findFirstOrThrow({ where: { workOrderId: workOrder.id, kind: "TEXT" } });
  const answerOnServer = async () => (await db.serviceTask.findUniqueOrThrow({ where: { id: pipework.id } })).answer;
  const changesFrom = (userId: string) =>
    db.syncMutation.count({ where: { assignmentId: task.id, userId, type: "record_result" } });

  const mine = await signInAs(browser, tenant.technician.user.id, "/tech");
  const theirs = await signInAs(browser, colleague.user.id, "/tech");
  await openTask(mine, task.id);
  await openTask(theirs, task.id);
  await expect(mine.getByLabel("Answer")).toHaveValue("");

  await theirs.getByLabel("Answer").fill("Joints sound, UK spec lagging");
  await theirs.getByRole("heading", { name: "Service tasks" }).click();
  await expect.poll(answerOnServer).toBe("Joints sound, UK spec lagging");

  // My phone syncs: the field shows the colleague's value; tapping in and out sends nothing.
  await reconnect(mine);
  await expect(mine.getByLabel("Answer")).toHaveValue("Joints sound, UK spec lagging");
  await mine.getByLabel("Answer").click();
  await mine.getByRole("heading", { name: "Service tasks" }).click();
  await reconnect(mine);
  await expect(mine.getByTestId("last-synced")).not.toContainText("never");
  expect(await changesFrom(tenant.technician.user.id)).toBe(0);
  expect(await answerOnServer()).toBe("Joints sound, UK spec lagging");

  // A real conflict: offline, I write over the value I saw while the colleague changes it.
  await mine.context().setOffline(true);
  await theirs.getByLabel("Answer").fill("Joints sound; TRV on bedroom 2 replaced");
  await theirs.getByRole("heading", { name: "Service tasks" }).click();
  await expect.poll(answerOnServer).toBe("Joints sound; TRV on bedroom 2 replaced");
  await mine.getByLabel("Answer").fill("Corroded joint under the sink");
  await mine.getByRole("heading", { name: "Service tasks" }).click();
  await mine.context().setOffline(false);
  const attention = mine.getByTestId("attention");
  await expect(attention).toContainText("yours corroded joint under the sink");
  await attention.getByRole("button", { name: "Keep theirs" }).click();
  await expect(attention).toBeHidden();
  expect(await answerOnServer()).toBe("Joints sound; TRV on bedroom 2 replaced");

  // The office sees both values, as written.
  await signInWithPassword(staffPage, tenant.admin.email);
  await staffPage.goto(`/staff/work-orders/${workOrder.id}`);
  const timeline = staffPage.getByRole("list", { name: "Activity" });
  await expect(timeline).toContainText(
    "not applied, as someone else had changed it: answer Corroded joint under the sink",
  );
  await expect(timeline).toContainText(
    "answer Joints sound; TRV on bedroom 2 replaced (was Joints sound, UK spec lagging)",
  );
  await mine.context().close();
  await theirs.context().close();
});

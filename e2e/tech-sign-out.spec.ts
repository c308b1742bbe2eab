import type { Page } from "@playwright/test";
import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { createSignInLink, db, expect, signInAs, test, type TTenant } from "./fixtures";

async function scheduledTask(tenant: TTenant, title: string) {
  const site = await createSite(db, tenant.organisation.id, { name: "Harbour Offices" });
  const workOrder = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "SCHEDULED",
    technicianIds: [tenant.technician.person.id],
  });
  await db.assignment.update({ where: { id: task.id }, data: { scheduledAt: new Date() } });
  return task;
}

async function openAppWithShellCached(page: Page, title: string) {
  await page.goto("/tech");
  await expect(page.getByTestId("task-list").getByText(title)).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => caches.has("fieldgate-tech-shell"))).toBe(true);
}

const localDatabaseExists = (page: Page, userId: string) =>
  page.evaluate(async (name) => (await indexedDB.databases()).some((d) => d.name === name), `fieldgate-tech-${userId}`);

test("signing out of the technician app leaves nothing of the person on the phone", async ({ browser, tenant }) => {
  const title = `Gutter clearance ${tenant.organisation.slug}`;
  await scheduledTask(tenant, title);
  const page = await signInAs(browser, tenant.technician.user.id, "/tech");
  await openAppWithShellCached(page, title);
  expect(await localDatabaseExists(page, tenant.technician.user.id)).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect(await page.evaluate(() => caches.has("fieldgate-tech-shell"))).toBe(false);
  expect(await localDatabaseExists(page, tenant.technician.user.id)).toBe(false);
  // The session is over: the app sends them to sign in, online or not.
  await page.goto("/tech");
  await expect(page).toHaveURL(/\/signin/);
  await page.context().setOffline(true);
  // No copy of the app any more: offline, the phone says how to get it back.
  const offline = await page.goto("/tech");
  expect(offline?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { name: "No connection" })).toBeVisible();
  await expect(page.getByText("Connect to the internet and open the app again to sign in.")).toBeVisible();
  await page.context().close();
});

test("unsent work survives sign-out and reaches the office at the next sign-in", async ({ browser, tenant }) => {
  const title = `Roof inspection ${tenant.organisation.slug}`;
  const task = await scheduledTask(tenant, title);
  const page = await signInAs(browser, tenant.technician.user.id, "/tech");
  await openAppWithShellCached(page, title);

  await page.context().setOffline(true);
  await page.getByTestId("task-list").getByText(title).click();
  await page.getByRole("button", { name: "I'm on site" }).click();
  await expect(page.getByText(/1 change waiting/i)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Signing out needs a connection" })).toBeVisible();
  await expect(page).toHaveURL(/\/tech/);

  // Online, but the office cannot be reached yet: the technician is told what stays behind.
  await page.route("**/api/tech/**", (route) => route.abort());
  await page.context().setOffline(false);
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.accept();
  });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect(question).toContain("1 change has not reached the office yet");
  expect(await page.evaluate(() => caches.has("fieldgate-tech-shell"))).toBe(false);
  expect(await localDatabaseExists(page, tenant.technician.user.id)).toBe(true);
  expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("SCHEDULED");

  // The same phone, signed in again: the check-in goes up once.
  await page.unroute("**/api/tech/**");
  await page.goto(await createSignInLink(tenant.technician.user.id, "/tech"));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("pending-count")).toHaveText("All changes synced");
  await expect
    .poll(async () => (await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status)
    .toBe("IN_PROGRESS");
  expect(await db.checkIn.count({ where: { assignmentId: task.id } })).toBe(1);
  await page.context().close();
});

test("a sign-out posted from another site is refused", async ({ browser, tenant }) => {
  const page = await signInAs(browser, tenant.technician.user.id, "/tech");
  const refused = await page.request.post("/signout", {
    headers: { origin: "https://attacker.example" },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
  await page.goto("/tech");
  await expect(page).toHaveURL(/\/tech$/);
  const accepted = await page.request.post("/signout", { maxRedirects: 0 });
  expect(accepted.status()).toBe(303);
  expect(accepted.headers().location).toBe("/signin");
  await page.goto("/tech");
  await expect(page).toHaveURL(/\/signin/);
  await page.context().close();
});

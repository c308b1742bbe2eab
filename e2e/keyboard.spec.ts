import type { Locator, Page } from "@playwright/test";
import { createAssignment, createPortalLink, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

// One flow per audience with the keyboard alone: Tab moves the focus, Enter and the
// arrow keys act. No clicks.
async function tabTo(page: Page, target: Locator, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

test("staff create a work order with the keyboard alone", async ({ browser, tenant }) => {
  await createSite(db, tenant.organisation.id, { name: "Keyboard Court" });
  const page = await signInAs(browser, tenant.admin.id, "/staff");
  // The skip link is the first stop and takes the focus past the navigation.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await tabTo(page, page.getByRole("link", { name: "New work order" }).first());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/staff\/work-orders\/new$/);
  const form = page.getByTestId("work-order-form");
  await tabTo(page, form.getByLabel("Title"));
  await page.keyboard.type("Door closer sticks");
  await tabTo(page, form.getByLabel("Site"));
  await page.keyboard.press("ArrowDown");
  await expect(form.getByLabel("Site")).not.toHaveValue("");
  await tabTo(page, form.getByRole("button", { name: "Create work order" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Door closer sticks" })).toBeVisible();
  await page.context().close();
});

test("a contractor office accepts a task with the keyboard alone", async ({ browser, tenant }) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Tab Street" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Bleed radiators",
  });
  await createAssignment(db, { workOrderId: workOrder.id, contractorCompanyId: tenant.company.id, status: "OFFERED" });
  const desk = await signInAs(browser, tenant.office.user.id, "/desk");
  await tabTo(desk, desk.getByRole("link", { name: /Bleed radiators/ }));
  await desk.keyboard.press("Enter");
  await tabTo(desk, desk.getByRole("button", { name: "Accept task" }));
  await desk.keyboard.press("Enter");
  await expect(desk.locator(".badge", { hasText: "Accepted" })).toBeVisible();
  await desk.context().close();
});

test("a technician arrives on site with the keyboard alone", async ({ browser, tenant }) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Enter Close" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Reset the boiler",
  });
  await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "SCHEDULED",
    technicianIds: [tenant.technician.person.id],
  });
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await expect(phone.getByTestId("task-list")).toContainText("Reset the boiler");
  await tabTo(phone, phone.getByRole("link", { name: /Reset the boiler/ }));
  await phone.keyboard.press("Enter");
  await tabTo(phone, phone.getByRole("button", { name: "I'm on site" }));
  await phone.keyboard.press("Enter");
  await expect(phone.getByTestId("task-status")).toHaveText("In progress");
  await phone.context().close();
});

test("a customer reaches the contact on their work order's page with the keyboard alone", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Arrow Lane" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Fix the gate",
  });
  const { secret } = await createPortalLink(db, {
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
    createdById: tenant.admin.id,
  });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/l/${secret}`);
  await expect(page.getByTestId("portal-status")).toHaveText("Received: a contractor is being arranged");
  const contact = page.getByRole("region", { name: "Contact" }).getByRole("link", { name: tenant.admin.email });
  await tabTo(page, contact);
  await expect(contact).toHaveAttribute("href", `mailto:${tenant.admin.email}`);
  await page.context().close();
});

test("'/' goes to the list's search, '?' lists the shortcuts and Escape closes them; a refused form puts the focus on its first error", async ({
  browser,
  tenant,
}) => {
  const page = await signInAs(browser, tenant.admin.id, "/staff");
  await expect(page.getByRole("heading", { name: "Work orders", exact: true })).toBeVisible();
  await page.keyboard.press("?");
  const shortcuts = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts).toContainText("Search the list you are on");
  await page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox");
  await expect(search).toBeFocused();
  // Typed into a field, the same keys are the field's.
  await page.keyboard.type("a/b?");
  await expect(search).toHaveValue("a/b?");
  await expect(shortcuts).toBeHidden();

  await page.goto("/staff/work-orders/new");
  const form = page.getByTestId("work-order-form");
  await form.getByRole("button", { name: "Create work order" }).click();
  await expect(form.getByLabel("Title")).toBeFocused();
  await page.context().close();
});

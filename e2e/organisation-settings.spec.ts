import { createSite, createStaffUser, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("an admin sets the organisation's details, clock, tax rate, hours and holidays; bad input is refused beside its field", async ({
  browser,
  tenant,
}) => {
  const page = await signInAs(browser, tenant.admin.id, "/staff");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", exact: true })).toBeVisible();
  const form = page.getByTestId("settings-form");
  await expect(form.getByLabel("Time zone")).toHaveValue("Europe/London");
  await expect(form.getByLabel("Currency")).toHaveValue("GBP");
  await expect(form.getByLabel("Currency")).not.toHaveAttribute("readonly");
  await expect(form.getByLabel("Friday closes")).toHaveValue("18:00");
  await expect(form.getByText("Closed", { exact: true })).toHaveCount(2);

  await form.getByLabel("Legal name (optional)").fill("Harbour Estates Ltd");
  await form.getByLabel("VAT or tax number (optional)").fill("GB123456789");
  await form.getByLabel("Time zone").selectOption("America/New_York");
  await form.getByLabel("Default tax rate, %").fill("17.5");
  await form.getByRole("checkbox", { name: "Saturday" }).check();
  await form.getByLabel("Saturday opens").fill("09:00");
  await form.getByLabel("Saturday closes").fill("12:00");
  await form.getByRole("checkbox", { name: "Wednesday" }).uncheck();
  await form.getByLabel("Friday closes").fill("07:00");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Friday: closing must be after opening")).toBeVisible();
  await expect(form.getByLabel("Friday closes")).toBeFocused();
  expect((await db.organisation.findUniqueOrThrow({ where: { id: tenant.organisation.id } })).timezone).toBe(
    "Europe/London",
  );

  await form.getByLabel("Friday closes").fill("16:00");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
  const saved = await db.organisation.findUniqueOrThrow({ where: { id: tenant.organisation.id } });
  expect({
    legalName: saved.legalName,
    taxNumber: saved.taxNumber,
    timezone: saved.timezone,
    tax: saved.defaultTaxPercent.toString(),
    hours: saved.businessHours,
  }).toEqual({
    legalName: "Harbour Estates Ltd",
    taxNumber: "GB123456789",
    timezone: "America/New_York",
    tax: "17.5",
    hours: [
      { day: 1, opens: "08:00", closes: "18:00" },
      { day: 2, opens: "08:00", closes: "18:00" },
      { day: 4, opens: "08:00", closes: "18:00" },
      { day: 5, opens: "08:00", closes: "16:00" },
      { day: 6, opens: "09:00", closes: "12:00" },
    ],
  });
  await page.reload();
  await expect(form.getByLabel("Time zone")).toHaveValue("America/New_York");
  await expect(form.getByLabel("Saturday closes")).toHaveValue("12:00");
  await expect(form.getByRole("checkbox", { name: "Wednesday" })).not.toBeChecked();

  // A zone no browser offers, sent anyway, is refused beside the field and saves nothing.
  await form.getByLabel("Time zone").evaluate((select: HTMLSelectElement) => {
    select.options[select.selectedIndex].value = "Mars/Olympus_Mons";
  });
  await form.getByLabel("Legal name (optional)").fill("Should not be saved");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Choose a time zone from the list, such as Europe/London")).toBeVisible();
  expect((await db.organisation.findUniqueOrThrow({ where: { id: tenant.organisation.id } })).legalName).toBe(
    "Harbour Estates Ltd",
  );

  // Holidays: added once, listed by day, removed.
  const holidays = page.getByTestId("holiday-form");
  await holidays.getByLabel("Day").fill("2026-12-25");
  await holidays.getByLabel("Name").fill("Christmas Day");
  await holidays.getByRole("button", { name: "Add holiday" }).click();
  const list = page.getByRole("list", { name: "Holidays" });
  await expect(list.getByRole("listitem")).toHaveText([/25 Dec 2026\s+Christmas Day/]);
  await holidays.getByLabel("Day").fill("2026-12-25");
  await holidays.getByLabel("Name").fill("Boxing Day");
  await holidays.getByRole("button", { name: "Add holiday" }).click();
  await expect(holidays.getByText("25 Dec 2026 is already a holiday: Christmas Day")).toBeVisible();
  await list.getByRole("button", { name: "Remove Christmas Day" }).click();
  await expect(page.getByText("No holidays yet")).toBeVisible();

  // On a phone the page fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(form.getByLabel("Monday opens")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.context().close();
});

test("the currency is fixed once an amount is recorded, and only admins open the settings", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Quay House" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Roof",
  });
  await db.estimateLine.create({
    data: {
      organisationId: tenant.organisation.id,
      workOrderId: workOrder.id,
      position: 1,
      description: "Replace three slates",
      quantity: "3",
      unitPrice: "40",
      taxPercent: "20",
    },
  });
  const page = await signInAs(browser, tenant.admin.id, "/staff/settings");
  const form = page.getByTestId("settings-form");
  const currency = form.getByLabel("Currency");
  await expect(currency).toHaveAttribute("readonly");
  await expect(form.getByText("Fixed: estimates are recorded in GBP.")).toBeVisible();
  // Sent anyway (the field unlocked by hand), the change is refused beside the field.
  await currency.evaluate((input: HTMLInputElement) => (input.readOnly = false));
  await currency.fill("EUR");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(
    form.getByText("The currency cannot change: estimates are already recorded in GBP. It stays GBP."),
  ).toBeVisible();
  expect((await db.organisation.findUniqueOrThrow({ where: { id: tenant.organisation.id } })).currency).toBe("GBP");
  await page.context().close();

  const coordinator = await createStaffUser(db, tenant.organisation.id, "COORDINATOR");
  const theirs = await signInAs(browser, coordinator.id, "/staff");
  await expect(theirs.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  expect((await theirs.goto("/staff/settings"))?.status()).toBe(404);
  await expect(theirs.getByRole("heading", { name: "This page is not available" })).toBeVisible();
  await theirs.context().close();
});

test("an admin keeps the list of documents asked of contractors and says which each trade requires; the gate follows at once", async ({
  browser,
  tenant,
}) => {
  const trade = await db.category.create({ data: { organisationId: tenant.organisation.id, name: "Roofing" } });
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    categoryId: trade.id,
  });
  const page = await signInAs(browser, tenant.admin.id, "/staff/settings");
  const section = page.getByRole("region", { name: "Required documents" });
  await expect(section.getByText("No documents listed")).toBeVisible();
  const add = section.getByTestId("document-type-form");
  await add.getByLabel("Document").fill("x");
  await add.getByRole("button", { name: "Add document" }).click();
  await expect(add.getByText("Name the document, such as Public liability insurance")).toBeVisible();
  await add.getByLabel("Document").fill("Working at height certificate");
  await add.getByRole("button", { name: "Add document" }).click();
  const list = section.getByRole("list", { name: "Document types" });
  await expect(list).toContainText("Working at height certificate required by no trade");
  await add.getByLabel("Document").fill("working at HEIGHT certificate");
  await add.getByRole("button", { name: "Add document" }).click();
  await expect(add.getByText("Working at height certificate is already listed")).toBeVisible();
  expect(await db.documentType.count({ where: { organisationId: tenant.organisation.id } })).toBe(1);

  const roofing = section.getByTestId("trade-requirements-Roofing");
  await roofing.getByRole("checkbox", { name: "Working at height certificate" }).check();
  await roofing.getByRole("button", { name: "Save Roofing" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Roofing: saved." })).toBeVisible();
  await expect(list).toContainText("required by 1 trade");

  // The tenant's contractor holds nothing: the roofing work order now stops it.
  await page.goto(`/staff/work-orders/${workOrder.id}`);
  const assign = page.getByTestId("assign-form");
  await assign.getByLabel("Assign to").selectOption({ label: `${tenant.company.name} (documents missing)` });
  await expect(assign.getByRole("list", { name: "Documents missing or expired" })).toHaveText(
    "Working at height certificate: missing",
  );
  await page.context().close();
});

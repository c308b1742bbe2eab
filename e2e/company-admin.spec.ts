import { createContractorPerson } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

test("a contractor admin adds and deactivates people; office staff cannot", async ({ browser, tenant }) => {
  const admin = await createContractorPerson(db, tenant.company.id, "ADMIN", { name: "Ada Admin" });
  const page = await signInAs(browser, admin.user.id, "/desk/company");
  await expect(page.getByRole("table", { name: "People" })).toContainText("Olive Office");

  const add = page.getByTestId("add-person-form");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add.getByText("Enter the person's name")).toBeVisible();
  await expect(add.getByText("Choose a role")).toBeVisible();
  const email = `newtech-${Date.now()}@example.test`;
  await add.getByLabel("Name").fill("Nina New");
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Role").selectOption("TECHNICIAN");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add.getByText("Added; they have been emailed a sign-in link.")).toBeVisible();
  await expect(page.getByRole("table", { name: "People" })).toContainText("Nina New");
  expect(await db.emailOutbox.count({ where: { to: email, template: "person-invited" } })).toBe(1);

  const office = page.getByTestId(`person-${tenant.office.user.email}`);
  await office.getByLabel("Status of Olive Office").selectOption("false");
  await office.getByRole("button", { name: "Save" }).click();
  await expect.poll(async () => (await db.contractorPerson.findUniqueOrThrow({ where: { id: tenant.office.person.id } })).active).toBe(false);

  // A deactivated office person's session no longer opens the Desk.
  await db.contractorPerson.update({ where: { id: tenant.office.person.id }, data: { active: true } });
  const officePage = await signInAs(browser, tenant.office.user.id, "/desk");
  await db.contractorPerson.update({ where: { id: tenant.office.person.id }, data: { active: false } });
  await officePage.goto("/desk");
  await expect(officePage).toHaveURL(/\/signin/);
  await db.contractorPerson.update({ where: { id: tenant.office.person.id }, data: { active: true } });
  await officePage.goto("/desk");
  await expect(officePage.getByRole("navigation", { name: "Main" })).not.toContainText("Company");
  expect((await officePage.goto("/desk/company"))?.status()).toBe(404);
});

test("a contractor sets a mobile number and draws a signature", async ({ browser, tenant }) => {
  const page = await signInAs(browser, tenant.office.user.id, "/desk/preferences");
  const form = page.getByTestId("preferences-form");
  await form.getByLabel("Mobile number").fill("not a number");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Enter a phone number like +44 7700 900123")).toBeVisible();

  await form.getByLabel("Mobile number").fill("+44 7700 900456");
  const canvas = page.getByTestId("signature-canvas");
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 80);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 20 + i * 12, box.y + 80 + Math.sin(i / 2) * 30);
  await page.mouse.up();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Preferences saved.")).toBeVisible();
  const me = await db.user.findUniqueOrThrow({ where: { id: tenant.office.user.id } });
  expect(me.mobile).toBe("+44 7700 900456");
  expect(me.signatureSvg).toMatch(/^<svg[\s\S]*<path/);
  await page.reload();
  await expect(page.getByRole("img", { name: "Current signature" })).toBeVisible();
});

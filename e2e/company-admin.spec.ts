import { readFile } from "node:fs/promises";
import { createContractorPerson } from "../prisma/factories";
import { PDF_BYTES } from "../tests/sample-files";
import { db, expect, linkFromEmail, signInAs, signInFromLink, test } from "./fixtures";

test("a contractor admin adds and deactivates people; office staff cannot", async ({ browser, tenant }) => {
  const admin = await createContractorPerson(db, tenant.company.id, "ADMIN", { name: "Ada Admin" });
  const page = await signInAs(browser, admin.user.id, "/desk/company");
  await expect(page.getByRole("table", { name: "People" })).toContainText("Olive Office");

  await page.getByRole("button", { name: "Add a person…" }).click();
  const add = page.getByTestId("add-person-form");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(add.getByText("Enter the person's name")).toBeVisible();
  await expect(add.getByText("Choose a role")).toBeVisible();
  const email = `newtech-${Date.now()}@example.test`;
  await add.getByLabel("Name").fill("Nina New");
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Role").selectOption("TECHNICIAN");
  await add.getByRole("button", { name: "Add person" }).click();
  await expect(page.locator(".toast-region")).toContainText(
    "Done: someone new was emailed a sign-in link; someone who already uses Fieldgate was invited and joins when they accept.",
  );
  await expect(page.getByRole("table", { name: "People" })).toContainText("Nina New");
  expect(await db.emailOutbox.count({ where: { to: email, template: "person-invited" } })).toBe(1);

  await page.getByRole("button", { name: "Edit Olive Office" }).click();
  const office = page.getByTestId(`person-${tenant.office.user.email}`);
  await office.getByLabel("Status").selectOption("false");
  await office.getByRole("button", { name: "Save" }).click();
  await expect(page.locator(".toast-region")).toContainText("Olive Office saved.");
  await expect(page.getByRole("row").filter({ hasText: "Olive Office" })).toContainText("Deactivated");
  await expect
    .poll(async () => (await db.contractorPerson.findUniqueOrThrow({ where: { id: tenant.office.person.id } })).active)
    .toBe(false);

  // A deactivated office person's session no longer opens the Desk.
  await db.contractorPerson.update({ where: { id: tenant.office.person.id }, data: { active: true } });
  const officePage = await signInAs(browser, tenant.office.user.id, "/desk");
  await db.contractorPerson.update({ where: { id: tenant.office.person.id }, data: { active: false } });
  await officePage.goto("/desk");
  await expect(officePage).toHaveURL(/\/signin/);
  await db.contractorPerson.update({ where: { id: tenant.office.person.id }, data: { active: true } });
  await officePage.goto("/desk");
  // Office people may read the company's profile, but people are for admins only.
  await officePage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Company" }).click();
  await expect(officePage.getByText("Only the company's admins can change these.")).toBeVisible();
  await expect(officePage.getByRole("navigation", { name: "Company" })).not.toContainText("People");
  expect((await officePage.goto("/desk/company"))?.status()).toBe(404);
  // An office person gets the Desk's own page, with its navigation, not a bare "Not found".
  await expect(officePage.getByRole("heading", { name: "This page is not available" })).toBeVisible();
  await expect(officePage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tasks" })).toBeVisible();
});

const day = (offsetDays: number) =>
  new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + offsetDays));
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const shownDay = (date: Date) =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(date);

test("a contractor admin edits the profile, adds and renews an accreditation; client staff see the new expiry and download the certificate", async ({
  browser,
  tenant,
  otherTenant,
}) => {
  const admin = await createContractorPerson(db, tenant.company.id, "ADMIN", { name: "Ada Admin" });
  const page = await signInAs(browser, admin.user.id, "/desk/company/profile");

  const profile = page.getByTestId(`profile-form-${tenant.company.id}`);
  await profile.getByLabel("Contact email").fill("not an email");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByText("Enter a valid email address")).toBeVisible();
  expect((await db.contractorCompany.findUniqueOrThrow({ where: { id: tenant.company.id } })).email).toBe(
    tenant.company.email,
  );
  const newName = `Acme Heating ${tenant.organisation.slug}`;
  await profile.getByLabel("Company name").fill(newName);
  await profile.getByLabel("Contact email").fill("Jobs@Acme-Heating.test");
  await profile.getByLabel("Phone").fill("+44 113 496 0000");
  await profile.getByLabel("Address").fill("4 Mill Lane\nLeeds LS2 7AB");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByText("Profile saved.")).toBeVisible();
  await page.reload();
  await expect(profile.getByLabel("Contact email")).toHaveValue("jobs@acme-heating.test");
  await expect(page.getByRole("banner")).toContainText(newName);

  await page.getByRole("navigation", { name: "Company" }).getByRole("link", { name: "Accreditations" }).click();
  await page.getByRole("button", { name: "Add an accreditation…" }).click();
  const add = page.getByTestId(`add-accreditation-${tenant.company.id}`);
  await add.getByRole("button", { name: "Add accreditation" }).click();
  await expect(add.getByText("Enter what it is, e.g. Gas Safe registration")).toBeVisible();
  await expect(add.getByText("Attach the certificate (PDF or photo)")).toBeVisible();
  await add.getByLabel("Accreditation", { exact: true }).fill("Gas Safe registration");
  await add.getByLabel("Held by").selectOption({ label: "Terry Tech" });
  await add.getByLabel("Reference").fill("GS-554433");
  await add.getByLabel("Issued on").fill(isoDay(day(-340)));
  await add.getByLabel("Expires on").fill(isoDay(day(-400)));
  await add
    .getByLabel("Certificate")
    .setInputFiles({ name: "gas-safe.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF_BYTES) });
  await add.getByRole("button", { name: "Add accreditation" }).click();
  await expect(add.getByText("The expiry date must be after the issue date")).toBeVisible();
  expect(await db.accreditation.count({ where: { contractorCompanyId: tenant.company.id } })).toBe(0);
  await add.getByLabel("Expires on").fill(isoDay(day(20)));
  await add.getByRole("button", { name: "Add accreditation" }).click();
  await expect(page.locator(".toast-region")).toContainText("Accreditation added.");

  const table = page.getByRole("table", { name: `Accreditations of ${newName}` });
  const row = table.getByRole("row").filter({ hasText: "Gas Safe registration" });
  await expect(row).toContainText("Terry Tech");
  await expect(row).toContainText(shownDay(day(20)));
  await expect(row).toContainText("Expires soon");

  const first = await db.accreditation.findFirstOrThrow({ where: { contractorCompanyId: tenant.company.id } });
  await row.getByRole("button", { name: "Renew Gas Safe registration" }).click();
  const renew = page.getByTestId(`renew-${first.id}`);
  await renew.getByLabel("Issued on").fill(isoDay(day(0)));
  await renew.getByLabel("New expiry date").fill(isoDay(day(20)));
  await renew
    .getByLabel("New certificate")
    .setInputFiles({ name: "gas-safe-renewed.pdf", mimeType: "application/pdf", buffer: Buffer.from(PDF_BYTES) });
  await renew.getByRole("button", { name: "Save renewal" }).click();
  await expect(
    renew.getByText(`The new expiry date must be after the current one (${shownDay(day(20))})`),
  ).toBeVisible();
  await renew.getByLabel("New expiry date").fill(isoDay(day(730)));
  await renew.getByRole("button", { name: "Save renewal" }).click();
  const renewed = table.getByRole("row").filter({ hasText: shownDay(day(730)) });
  await expect(renewed).toContainText("Gas Safe registration");
  await expect(renewed).toContainText("GS-554433");
  await expect(renewed).toContainText("Valid");
  await expect(renewed.getByRole("link", { name: "gas-safe-renewed.pdf" })).toBeVisible();
  await renewed.getByText("Earlier (1)").click();
  await expect(
    renewed
      .getByRole("list", { name: "Earlier versions of Gas Safe registration" })
      .getByRole("link", { name: "gas-safe.pdf" }),
  ).toBeVisible();

  // Office people see the accreditations but cannot change them.
  const officePage = await signInAs(browser, tenant.office.user.id, "/desk/company/accreditations");
  await expect(officePage.getByRole("table", { name: `Accreditations of ${newName}` })).toContainText(
    shownDay(day(730)),
  );
  await expect(officePage.getByRole("button", { name: /^Renew/ })).toHaveCount(0);
  await expect(officePage.getByRole("button", { name: "Add an accreditation…" })).toHaveCount(0);

  const staff = await signInAs(browser, tenant.admin.id, "/staff/contractors");
  await staff.getByRole("table", { name: "Contractors" }).getByRole("link", { name: newName }).click();
  const card = staff.locator("main");
  await expect(card.getByRole("definition").filter({ hasText: "+44 113 496 0000" })).toBeVisible();
  await expect(card).toContainText("jobs@acme-heating.test");
  await expect(card).toContainText("4 Mill Lane");
  const accreditations = card.getByRole("region", { name: `Accreditations of ${newName}` });
  await expect(accreditations).toContainText(
    `Gas Safe registration (Terry Tech) · GS-554433: valid until ${shownDay(day(730))}`,
  );
  await expect(accreditations).not.toContainText(shownDay(day(20)));
  const certificate = accreditations.getByRole("link", { name: "Certificate: Gas Safe registration (Terry Tech)" });
  const [download] = await Promise.all([staff.waitForEvent("download"), certificate.click()]);
  expect(download.suggestedFilename()).toBe("gas-safe-renewed.pdf");
  expect(Buffer.from(await readFile(await download.path())).equals(Buffer.from(PDF_BYTES))).toBe(true);

  // Staff of an organisation without this contractor in its network get nothing.
  const href = (await certificate.getAttribute("href"))!;
  const outsider = await signInAs(browser, otherTenant.admin.id, "/staff");
  expect((await outsider.request.get(href)).status()).toBe(404);
  expect((await outsider.request.get(`/staff/contractors/${tenant.company.id}`)).status()).toBe(404);
});

test("a contractor sets a mobile number, says yes to texts and draws a signature", async ({ browser, tenant }) => {
  const page = await signInAs(browser, tenant.office.user.id, "/desk/preferences");
  const form = page.getByTestId("preferences-form");
  await form.getByLabel("Mobile number").fill("not a number");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Enter a phone number like +44 7700 900123")).toBeVisible();
  // Texts need a number: refused beside it, nothing saved.
  await form.getByLabel("Mobile number").fill("");
  await form.getByLabel(/Text me reminders/).check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Enter your mobile number to get texts")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: tenant.office.user.id } })).smsConsent).toBe(false);

  await form.getByLabel("Mobile number").fill("+44 7700 900456");
  const canvas = page.getByTestId("signature-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true");
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 80);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 20 + i * 12, box.y + 80 + Math.sin(i / 2) * 30);
  await page.mouse.up();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Preferences saved.")).toBeVisible();
  const me = await db.user.findUniqueOrThrow({ where: { id: tenant.office.user.id } });
  expect(me.mobile).toBe("+44 7700 900456");
  expect(me.smsConsent).toBe(true);
  expect(me.signatureSvg).toMatch(/^<svg[\s\S]*<path/);
  await page.reload();
  await expect(page.getByRole("img", { name: "Current signature" })).toBeVisible();
  await expect(form.getByLabel(/Text me reminders/)).toBeChecked();
});

test("adding an email that already has an account invites its person, who accepts before the company sees them", async ({
  browser,
  tenant,
  otherTenant,
}) => {
  const admin = await createContractorPerson(db, tenant.company.id, "ADMIN", { name: "Ada Admin" });
  const page = await signInAs(browser, admin.user.id, "/desk/company");
  // Another client organisation's admin: an existing account the company does not own.
  const someone = otherTenant.admin;
  await page.getByRole("button", { name: "Add a person…" }).click();
  const add = page.getByTestId("add-person-form");
  await add.getByLabel("Name").fill("Name As Typed");
  await add.getByLabel("Email").fill(someone.email);
  await add.getByLabel("Role").selectOption("OFFICE");
  await add.getByRole("button", { name: "Add person" }).click();
  const people = page.getByRole("table", { name: "People" });
  await expect(people).toContainText("Name As Typed · invited, not accepted yet");
  await expect(people).not.toContainText(someone.name);

  const invited = await signInFromLink(browser, await linkFromEmail(someone.email, /invites you to join/));
  const invitation = invited.getByTestId("invitation");
  await expect(invitation.getByRole("heading", { name: `Join ${tenant.company.name}?` })).toBeVisible();
  await invitation.getByRole("button", { name: "Accept" }).click();
  await expect(invited).toHaveURL(/\/desk$/);
  await page.reload();
  await expect(people).toContainText(someone.name);
  await expect(people).not.toContainText("invited, not accepted yet");
  await invited.context().close();
});

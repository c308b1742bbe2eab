import type { Page } from "@playwright/test";
import { createContractorPerson } from "../prisma/factories";
import { db, emailTo, expect, signInAs, test } from "./fixtures";

const PASSWORD = "kettle lamp harbour 42";

async function signInWithPasswordAt(page: Page, email: string, password: string) {
  await page.goto("/signin");
  const form = page.getByTestId("password-form");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
}

test("a desk person sets a password after signing in by link, then signs in with it; their company admin can reset it", async ({
  browser,
  tenant,
}) => {
  const office = await signInAs(browser, tenant.office.user.id, "/desk/preferences");
  const form = office.getByTestId("password-form");
  await form.getByLabel("New password (at least 12 characters)").fill("short");
  await form.getByLabel("New password again").fill("short");
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form.getByText("Use at least 12 characters")).toBeVisible();
  await form.getByLabel("New password (at least 12 characters)").fill(PASSWORD);
  await form.getByLabel("New password again").fill(PASSWORD);
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form.getByText("Password saved. You stay signed in here; other devices were signed out.")).toBeVisible();
  await office.getByRole("button", { name: "Sign out" }).click();
  await expect(office).toHaveURL(/\/signin/);

  await signInWithPasswordAt(office, tenant.office.user.email, PASSWORD);
  await expect(office).toHaveURL(/\/desk$/);
  await expect(office.getByRole("heading", { name: "Tasks", exact: true })).toBeVisible();

  // The company's admin clears it: the office person is signed out and told by email.
  const admin = await createContractorPerson(db, tenant.company.id, "ADMIN", { name: "Ada Admin" });
  const adminPage = await signInAs(browser, admin.user.id, "/desk/company");
  // A second look first: the reset signs them out everywhere.
  const row = adminPage.getByRole("row").filter({ hasText: tenant.office.user.email });
  await row.getByRole("button", { name: "Reset password…" }).click();
  const dialog = adminPage.getByRole("dialog", { name: `Reset ${tenant.office.user.name}'s password?` });
  await dialog.getByRole("button", { name: "Reset password" }).click();
  await expect(adminPage.locator(".toast-region")).toContainText(
    `Password cleared; ${tenant.office.user.name} was signed out and emailed a sign-in link.`,
  );
  await expect(row.getByText("Link only")).toBeVisible();
  await office.goto("/desk");
  await expect(office).toHaveURL(/\/signin/);
  const email = await emailTo(tenant.office.user.email, /password was reset/);
  expect(email.text).toContain("Ada Admin");
  await signInWithPasswordAt(office, tenant.office.user.email, PASSWORD);
  await expect(office.getByTestId("password-form").getByRole("alert")).toHaveText(
    "That email and password do not match an account.",
  );
});

test("technicians have no password to set, and 'Forgot your password?' answers the same for any address", async ({
  page,
  browser,
  tenant,
}) => {
  const technician = await signInAs(browser, tenant.technician.user.id, "/tech");
  await technician.goto("/desk/preferences");
  await expect(technician).toHaveURL(/\/signin\?notice=wrong-area/);

  for (const address of [tenant.admin.email, `nobody-${tenant.organisation.slug}@example.test`]) {
    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL(/#link-email$/);
    await page.locator("#link-email").fill(address);
    await page.getByTestId("link-form").getByRole("button", { name: "Send me a link" }).click();
    await expect(page.getByTestId("link-form").getByRole("status")).toHaveText(
      /^If that address has an account, a sign-in link is on its way\./,
    );
  }
  await emailTo(tenant.admin.email, /sign-in link/);
  expect(await db.emailOutbox.count({ where: { to: `nobody-${tenant.organisation.slug}@example.test` } })).toBe(0);
});

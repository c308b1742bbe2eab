import { createAccreditation } from "../prisma/factories";
import { db, expect, linkFromEmail, signInFromLink, signInWithPassword, test } from "./fixtures";

test("staff invite a contractor whose admin signs in from the email; the network shows expired accreditations", async ({
  page,
  browser,
  tenant,
}) => {
  await createAccreditation(db, {
    contractorCompanyId: tenant.company.id,
    type: "Public liability insurance",
    expiresAt: new Date(Date.now() - 86_400_000),
  });
  await signInWithPassword(page, tenant.admin.email);
  await page.goto("/staff/contractors");
  const existing = page.getByRole("article", { name: tenant.company.name });
  await expect(existing.getByRole("list", { name: `Accreditations of ${tenant.company.name}` })).toContainText(
    "Public liability insurance: expired",
  );

  const form = page.getByTestId("invite-form");
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(form.getByText("Enter the company's name")).toBeVisible();
  const email = `owner-${Date.now()}@brightwater.test`;
  await form.getByLabel("Company name").fill("Brightwater Plumbing");
  await form.getByLabel("Contact name").fill("Bea Bright");
  await form.getByLabel("Contact email").fill(email);
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(form.getByText("Invited; their admin has been emailed a sign-in link.")).toBeVisible();
  await expect(page.getByRole("article", { name: "Brightwater Plumbing" })).toContainText("Invited, not signed in yet");

  const link = await linkFromEmail(email, /invites Brightwater Plumbing/);
  const desk = await signInFromLink(browser, link);
  await expect(desk).toHaveURL(/\/desk$/);
  await expect(desk.getByRole("navigation", { name: "Main" })).toContainText("Company");

  await page.goto("/staff/contractors");
  const company = page.getByRole("article", { name: "Brightwater Plumbing" });
  await expect(company).not.toContainText("Invited, not signed in yet");
  await expect(company.locator(".badge").first()).toHaveText("Active");
  await expect(company.getByTestId("last-sign-in")).toContainText("Last signed in");
});

import { createAccreditation } from "../prisma/factories";
import { db, expect, linkFromEmail, signInFromLink, signInWithPassword, test } from "./fixtures";

test("staff invite a contractor whose admin signs in from the email; the network shows expired accreditations and filters to them", async ({
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
  // The home counts it and opens the network filtered to the companies with something to renew.
  await page.goto("/staff");
  await page.getByRole("link", { name: /Contractor accreditations expired or expiring/ }).click();
  await expect(page).toHaveURL(/\/staff\/contractors\?accreditations=expiring$/);
  const table = page.getByRole("table", { name: "Contractors" });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  const row = table.locator("tbody tr").filter({ hasText: tenant.company.name });
  await expect(row).toContainText("Expired");
  await row.getByRole("link", { name: tenant.company.name }).click();
  await expect(page.getByRole("region", { name: `Accreditations of ${tenant.company.name}` })).toContainText(
    "Public liability insurance: expired",
  );

  await page.goto("/staff/contractors");
  await page.getByRole("button", { name: "Invite a contractor…" }).click();
  const form = page.getByTestId("invite-form");
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(form.getByText("Enter the company's name")).toBeVisible();
  const email = `owner-${Date.now()}@brightwater.test`;
  await form.getByLabel("Company name").fill("Brightwater Plumbing");
  await form.getByLabel("Contact name").fill("Bea Bright");
  await form.getByLabel("Contact email").fill(email);
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(page.locator(".toast-region")).toContainText("Invited; their admin has been emailed a sign-in link.");
  await expect(table.locator("tbody tr").filter({ hasText: "Brightwater Plumbing" })).toContainText(
    "Invited, not signed in yet",
  );

  const link = await linkFromEmail(email, /invites Brightwater Plumbing/);
  const desk = await signInFromLink(browser, link);
  await expect(desk).toHaveURL(/\/desk$/);
  await expect(desk.getByRole("navigation", { name: "Main" })).toContainText("Company");

  await page.goto("/staff/contractors");
  const company = table.locator("tbody tr").filter({ hasText: "Brightwater Plumbing" });
  await expect(company).not.toContainText("Invited, not signed in yet");
  await expect(company.locator(".badge").first()).toHaveText("Active");
  await company.getByRole("link", { name: "Brightwater Plumbing" }).click();
  await expect(page.getByTestId("record-status")).toContainText("Last signed in");
});

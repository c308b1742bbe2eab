import { baseURL as appURL, mailboxURL } from "../playwright.config";
import { db, expect, signInWithPassword, test } from "./fixtures";

// The second test server has no email provider and demo mode off, as an installation
// without email would run (playwright.config.ts).
test.use({ baseURL: mailboxURL });

test("without an email provider an admin reads only their organisation's email, with every link hidden", async ({
  page,
  browser,
  tenant,
  otherTenant,
}) => {
  // Another organisation's admin asks for a sign-in link, and invites a contractor.
  const other = await (await browser.newContext({ baseURL: mailboxURL })).newPage();
  await other.goto("/signin");
  await other.getByTestId("link-form").getByLabel("Email").fill(otherTenant.admin.email);
  await other.getByTestId("link-form").getByRole("button", { name: "Send me a link" }).click();
  await expect(other.getByText("If that address has an account, a sign-in link is on its way.")).toBeVisible();
  await signInWithPassword(other, otherTenant.admin.email);
  await other.goto("/staff/contractors");
  await other.getByRole("button", { name: "Invite a contractor…" }).click();
  const theirInvite = other.getByTestId("invite-form");
  await theirInvite.getByLabel("Company name").fill("Their Contractor");
  await theirInvite.getByLabel("Contact name").fill("Tia Their");
  await theirInvite.getByLabel("Contact email").fill(`tia-${otherTenant.organisation.slug}@example.test`);
  await theirInvite.getByRole("button", { name: "Invite" }).click();
  await expect(other.locator(".toast-region")).toContainText("Invited; their admin has been emailed a sign-in link.");

  // This organisation invites one too.
  await signInWithPassword(page, tenant.admin.email);
  await page.goto("/staff/contractors");
  await page.getByRole("button", { name: "Invite a contractor…" }).click();
  const ourInvite = page.getByTestId("invite-form");
  const ourContact = `oscar-${tenant.organisation.slug}@example.test`;
  await ourInvite.getByLabel("Company name").fill("Our Contractor");
  await ourInvite.getByLabel("Contact name").fill("Oscar Ours");
  await ourInvite.getByLabel("Contact email").fill(ourContact);
  await ourInvite.getByRole("button", { name: "Invite" }).click();
  await expect(page.locator(".toast-region")).toContainText("Invited; their admin has been emailed a sign-in link.");

  // A signed-in admin reads it inside the app, with the navigation.
  await page.goto("/mailbox");
  await expect(page).toHaveURL(/\/staff\/mailbox$/);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mailbox" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("link", { name: "Back to sign in" })).toHaveCount(0);
  const list = page.getByRole("list", { name: "Emails" });
  await expect(list).toContainText(`To ${ourContact}`);
  await expect(list).not.toContainText(otherTenant.admin.email);
  await expect(list).not.toContainText("Their Contractor");
  await page.goto(`/mailbox?to=${encodeURIComponent(otherTenant.admin.email)}`);
  await expect(list).toContainText("No emails yet.");
  const theirSignIn = await db.emailOutbox.findFirstOrThrow({ where: { to: otherTenant.admin.email } });
  await page.goto(`/mailbox?id=${theirSignIn.id}`);
  await expect(page.getByRole("article", { name: "Email" })).toHaveCount(0);

  await page.goto(`/mailbox?to=${encodeURIComponent(ourContact)}`);
  await page.getByTestId("mail-item").first().click();
  const email = page.getByRole("article", { name: "Email" });
  await expect(email).toContainText("Our Contractor");
  await expect(email.getByTestId("hidden-link")).toHaveText("[link hidden: only the recipient can use it]");
  await expect(email.getByTestId("email-link")).toHaveCount(0);
  expect(await page.content()).not.toMatch(/\/(link|l)\/[A-Za-z0-9_-]{43}/);

  // Someone not signed in gets nothing.
  const anonymous = await (await browser.newContext({ baseURL: mailboxURL })).newPage();
  expect((await anonymous.goto("/mailbox"))?.status()).toBe(404);
});

test("with an email provider configured the mailbox is off, even for an admin", async ({ page, tenant }) => {
  await signInWithPassword(page, tenant.admin.email);
  expect((await page.goto("/mailbox"))?.status()).toBe(200);
  // The same session on the instance that sends email through a provider.
  expect((await page.goto(`${appURL}/mailbox`))?.status()).toBe(404);
});

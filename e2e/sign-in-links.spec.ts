import { request as playwrightRequest } from "@playwright/test";
import { createUser } from "../prisma/factories";
import { db, emailsTo, expect, linkFromEmail, PASSWORD, test } from "./fixtures";

async function requestLink(page: import("@playwright/test").Page, email: string) {
  await page.goto("/signin");
  const form = page.getByTestId("link-form");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("If that address has an account, a sign-in link is on its way.")).toBeVisible();
}

test("opening a sign-in link (GET or HEAD, many times) never uses it; the button does, once", async ({
  page,
  browser,
  tenant,
  baseURL,
}) => {
  await requestLink(page, tenant.office.user.email);
  const link = await linkFromEmail(tenant.office.user.email, /sign-in link/);

  // What a mail scanner does: fetch it, with HEAD and GET, several times.
  const scanner = await playwrightRequest.newContext({ baseURL });
  for (let i = 0; i < 3; i++) {
    expect((await scanner.head(link)).status()).toBe(200);
    expect((await scanner.get(link)).status()).toBe(200);
  }

  const contractor = await (await browser.newContext()).newPage();
  await contractor.goto(link);
  const masked = `${tenant.office.user.email.slice(0, 2)}•+@example\\.test`;
  await expect(contractor.getByText(new RegExp(`You are signing in as ${masked}`))).toBeVisible();
  await contractor.getByRole("button", { name: "Continue" }).click();
  await expect(contractor).toHaveURL(/\/desk$/);
  await expect(contractor.getByRole("heading", { name: "Tasks", exact: true })).toBeVisible();

  // Used: the same link now says so and offers a new one, sent to the same address.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This link has already been used." })).toBeVisible();
  await again.getByRole("button", { name: "Send me a new link" }).click();
  await expect(again.getByText(new RegExp(`A new link is on its way to ${masked}`))).toBeVisible();
  await expect.poll(async () => (await emailsTo(tenant.office.user.email)).length).toBe(2);
  expect(await linkFromEmail(tenant.office.user.email, /sign-in link/)).not.toBe(link);

  const events = await db.accessLog.findMany({
    where: { token: { email: tenant.office.user.email } },
    select: { event: true },
  });
  expect(events.filter((e) => e.event === "USED")).toHaveLength(1);
  expect(events.filter((e) => e.event === "VIEWED").length).toBeGreaterThanOrEqual(8);
});

test("an expired link shows a clear page with 'send me a new link'", async ({ page, tenant }) => {
  await requestLink(page, tenant.technician.user.email);
  const token = await db.accessToken.findFirstOrThrow({
    where: { email: tenant.technician.user.email },
    orderBy: { createdAt: "desc" },
  });
  await db.accessToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
  const link = await linkFromEmail(tenant.technician.user.email, /sign-in link/);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link has expired." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send me a new link" })).toBeVisible();
});

test("an unknown or malformed link answers 404 and says it is not valid", async ({ page }) => {
  for (const token of ["A".repeat(43), "nonsense", "%00"]) {
    expect((await page.goto(`/link/${token}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to sign in" })).toBeVisible();
  }
  for (const token of ["A".repeat(43), "nonsense"]) {
    expect((await page.goto(`/l/${token}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  }
});

test("wrong password and unknown accounts get the same clear error; contractors have no password sign-in", async ({
  page,
  tenant,
}) => {
  const outsider = await createUser(db, { password: PASSWORD });
  for (const [email, password] of [
    [tenant.admin.email, "wrong password"],
    [`nobody-${Date.now()}@example.test`, PASSWORD],
    [outsider.email, PASSWORD],
  ]) {
    await page.goto("/signin");
    const form = page.getByTestId("password-form");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(password);
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(form.getByRole("alert")).toHaveText("That email and password do not match an account.");
  }
  await page.goto("/signin");
  const form = page.getByTestId("password-form");
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(form.getByText("Enter a valid email address")).toBeVisible();
});

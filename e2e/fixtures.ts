import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { createDbClient } from "../scripts/db-client";
import {
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createStaffUser,
} from "../prisma/factories";
import { hashSecret, newLinkSecret } from "../lib/auth/secrets";
import { fakeResendURL } from "../playwright.config";

export const db = createDbClient(process.env.DATABASE_URL!, 4);
export const PASSWORD = "correct horse battery staple";

// Every test gets its own organisation and contractor, so tests never share data and can
// run in any order or in parallel.
async function createTenant() {
  const organisation = await createOrganisation(db, {});
  const admin = await createStaffUser(db, organisation.id, "ADMIN", { password: PASSWORD, name: "Sam Staff" });
  const company = await createContractorCompany(db, [organisation.id], { name: `Acme Repairs ${organisation.slug}` });
  const office = await createContractorPerson(db, company.id, "OFFICE", { name: "Olive Office" });
  const technician = await createContractorPerson(db, company.id, "TECHNICIAN", { name: "Terry Tech" });
  return { organisation, admin, company, office, technician };
}

export type TTenant = Awaited<ReturnType<typeof createTenant>>;

export const test = base.extend<{ tenant: TTenant; otherTenant: TTenant }>({
  tenant: async ({}, provide) => provide(await createTenant()),
  otherTenant: async ({}, provide) => provide(await createTenant()),
});
export { expect };

export async function signInWithPassword(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  const form = page.getByTestId("password-form");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/staff/);
}

export type TDeliveredEmail = {
  id: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  // Base64, as the SDK sent them (a calendar invitation).
  attachments: { filename: string; content: string; content_type?: string }[];
  idempotencyKey: string | null;
};

// Emails delivered to an address, oldest first, as the test transport (the fake Resend the
// app sends through) received them.
export async function emailsTo(to: string): Promise<TDeliveredEmail[]> {
  const response = await fetch(`${fakeResendURL}/__fake/messages?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { messages: TDeliveredEmail[] }).messages;
}

// Waits for an email to an address whose subject matches, and returns it.
export async function emailTo(to: string, subject: RegExp): Promise<TDeliveredEmail> {
  let found: TDeliveredEmail | undefined;
  await expect
    .poll(async () => (found = (await emailsTo(to)).filter((m) => subject.test(m.subject)).at(-1)), {
      timeout: 15_000,
      message: `an email to ${to} matching ${subject}`,
    })
    .toBeTruthy();
  return found!;
}

// The newest matching email's first link, as a same-site path (/link/…, /l/…, /desk/…).
export async function linkFromEmail(to: string, subject: RegExp): Promise<string> {
  const email = await emailTo(to, subject);
  const url = email.text.match(/https?:\/\/\S+/)?.[0];
  expect(url, `a link in "${email.subject}"`).toBeTruthy();
  const parsed = new URL(url!);
  return `${parsed.pathname}${parsed.search}`;
}

// Follows an emailed sign-in link in a fresh browser context, as the recipient would.
export async function signInFromLink(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Sign in to Fieldgate" })).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  return page;
}

// Signs a person in through a real sign-in link made for the test (no mailbox round trip).
export async function signInAs(browser: Browser, userId: string, redirectTo?: string): Promise<Page> {
  const page = await signInFromLink(browser, await createSignInLink(userId, redirectTo));
  await page.waitForURL((url) => !url.pathname.startsWith("/link/"));
  return page;
}

// A sign-in link for a person, as the sign-in email would carry it.
export async function createSignInLink(userId: string, redirectTo?: string): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const secret = newLinkSecret();
  await db.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "SIGN_IN",
      email: user.email,
      userId,
      redirectTo,
      expiresAt: new Date(Date.now() + 600_000),
    },
  });
  return `/link/${secret}`;
}

// The technician app shows a visit one step at a time (Arrive, Checks, Defects, Sign off).
export async function openVisitStep(page: Page, step: "Arrive" | "Checks" | "Defects" | "Sign off") {
  await page
    .getByRole("navigation", { name: "Steps of the visit" })
    .getByRole("button", { name: new RegExp(`^${step}`) })
    .click();
}

// A record page's section (a work order's, a task's): its tab, by name.
export async function openTab(page: Page, tab: "Activity" | "Details" | "Money" | "Customer" | "Documents") {
  await page
    .getByRole("navigation", { name: /^Sections of this/ })
    .getByRole("link", { name: tab, exact: true })
    .click();
  await expect(page.getByTestId(`tab-${tab.toLowerCase()}`)).toBeVisible();
}

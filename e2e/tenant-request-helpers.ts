import type { Browser } from "@playwright/test";
import ICAL from "ical.js";
import { createSite } from "../prisma/factories";
import { PNG_BYTES } from "../tests/sample-files";
import { db, expect, type TDeliveredEmail, type TTenant } from "./fixtures";

// A day `days` ahead on London's clock, as a date input takes it.
export function londonDay(days: number, from = Date.now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(from + days * 86_400_000));
}

// The calendar invitation an email carries, read by an iCalendar parser.
export function invitationOf(email: TDeliveredEmail) {
  const [attachment] = email.attachments;
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment.content, "base64").toString("utf8")));
  const event = calendar.getFirstSubcomponent("vevent")!;
  const start = event.getFirstProperty("dtstart")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    zone: calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    startZone: start.getParameter("tzid"),
    startLocal: (start.getFirstValue() as ICAL.Time).toString(),
  };
}

// A site in London with its form, and a plumbing question that makes a request urgent.
export async function siteWithForm(tenant: TTenant) {
  const site = await createSite(db, tenant.organisation.id, { name: "Canal Wharf" });
  await db.site.update({ where: { id: site.id }, data: { timezone: "Europe/London" } });
  const plumbing = await db.category.create({
    data: { organisationId: tenant.organisation.id, name: `Plumbing ${tenant.organisation.slug}` },
  });
  await db.emergencyQuestion.create({
    data: {
      organisationId: tenant.organisation.id,
      categoryId: plumbing.id,
      question: "Is water coming through a ceiling?",
    },
  });
  await db.organisation.update({ where: { id: tenant.organisation.id }, data: { emergencyPhone: "0800 555 0199" } });
  const { tenantFormKey } = await db.site.findUniqueOrThrow({ where: { id: site.id } });
  return { site, plumbing, formPath: `/request/${tenantFormKey}` };
}

// The tenant fills the site's form as a person would: two times, a photo.
export async function sendRequest(
  browser: Browser,
  formPath: string,
  email: string,
  width: number,
  { emergency = false, texts = true } = {},
) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(formPath);
  await expect(page.getByRole("heading", { name: "Report a repair" })).toBeVisible();
  const form = page.getByTestId("tenant-request-form");
  // Nothing typed: errors beside the fields, nothing sent.
  await form.getByRole("button", { name: "Send my request" }).click();
  await expect(form.getByText("Enter your name")).toBeVisible();
  await form.getByLabel("Your name").fill("Tess Tenant");
  await form.getByLabel("Your email").fill(email);
  await form.getByLabel("Your mobile (optional)").fill("07700 900456");
  if (texts) await form.getByLabel("Text me reminders").check();
  await form.getByLabel("Flat, unit or where in the building (optional)").fill("Flat 4");
  await form.getByLabel("What kind of problem?").selectOption({ index: 1 });
  if (emergency)
    await form.getByRole("group", { name: "Is water coming through a ceiling?" }).getByLabel("Yes").check();
  await form.getByLabel("What is wrong?").fill("The kitchen tap drips all night and the sink is stained.");
  await form
    .getByLabel("Photos (optional, up to 5)")
    .setInputFiles({ name: "tap.png", mimeType: "image/png", buffer: Buffer.from(PNG_BYTES) });
  await form.getByLabel("Day 1").fill(londonDay(2));
  await form.getByLabel("From").first().fill("09:00");
  await form.getByLabel("Until").first().fill("12:00");
  await form.getByLabel("Day 2").fill(londonDay(3));
  await form.getByLabel("From").nth(1).fill("14:00");
  await form.getByLabel("Until").nth(1).fill("17:00");
  await form.getByRole("button", { name: "Send my request" }).click();
  await expect(page.getByTestId("request-sent")).toBeVisible();
  return page;
}

import { createAssignment, createTenantRequest, createWorkOrder } from "../prisma/factories";
import { firstTenantWindow, londonClock } from "../tests/tenant-windows";
import { db, emailTo, emailsTo, expect, signInAs, test } from "./fixtures";
import { invitationOf, londonDay, sendRequest, siteWithForm } from "./tenant-request-helpers";

for (const width of [1366, 390])
  test(`a tenant's request at ${width} px: sent with two times and a photo, booked by the contractor, followed, moved and changed`, async ({
    browser,
    tenant,
  }) => {
    test.setTimeout(120_000);
    const { formPath } = await siteWithForm(tenant);
    const email = `tess-${width}-${tenant.organisation.slug}@example.test`;
    const sent = await sendRequest(browser, formPath, email, width);
    const confirmation = await emailTo(email, /received your request/);
    const statusPath = new URL(confirmation.text.match(/https?:\/\/\S+\/r\/\S+/)![0]).pathname;

    // Staff see the work order with the tenant's photo; they give it to the contractor.
    const request = await db.tenantRequest.findFirstOrThrow({
      where: { organisationId: tenant.organisation.id },
      include: { workOrder: true, attachments: true },
    });
    expect(request.attachments).toHaveLength(1);
    const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${request.workOrderId}`);
    await staff.setViewportSize({ width, height: 900 });
    const assign = staff.getByTestId("assign-form");
    await assign.getByLabel("Assign to").selectOption({ label: tenant.company.name });
    await assign.getByRole("button", { name: "Assign and email the contractor" }).click();
    await expect(staff.getByTestId("assign-form")).toHaveCount(0);
    const task = await db.assignment.findFirstOrThrow({ where: { workOrderId: request.workOrderId! } });

    // The contractor books a slot inside the tenant's first window.
    const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
    await desk.setViewportSize({ width, height: 900 });
    await desk.getByTestId("accept-form").getByRole("button", { name: "Accept task" }).click();
    await expect(desk.getByTestId("tenant-windows").getByRole("listitem")).toHaveCount(2);
    await desk.getByRole("button", { name: "Book the visit…" }).click();
    const book = desk.getByTestId("book-visit-form");
    await book.getByLabel("Day").fill(londonDay(2));
    await book.getByLabel("Arrival").fill("10:00");
    await book.getByRole("button", { name: "Book" }).click();
    await expect(desk.locator(".badge", { hasText: "Scheduled" }).first()).toBeVisible();

    // The tenant's photo reaches the contractor's Desk, and shows.
    await desk.goto(`/desk/tasks/${task.id}?tab=documents`);
    const photo = desk.getByRole("link", { name: /^tap\./ });
    await expect(photo).toBeVisible();
    const shownWidth = await desk.evaluate(
      async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return image.naturalWidth;
      },
      (await photo.getAttribute("href"))!,
    );
    expect(shownWidth).toBeGreaterThan(0);
    await desk.goto(`/desk/tasks/${task.id}`);

    // The tenant's link shows the appointment; the invitation is on the site's clock.
    await sent.goto(statusPath);
    await expect(sent.getByTestId("request-stage")).toContainText(tenant.company.name);
    await expect(sent.getByTestId("request-visit")).toContainText("10:00–12:00");
    const booked = invitationOf(await emailTo(email, /^Visit booked/));
    expect(booked).toMatchObject({
      method: "REQUEST",
      zone: "Europe/London",
      startZone: "Europe/London",
      startLocal: `${londonDay(2)}T10:00:00`,
      sequence: 0,
    });

    // Moved within the second window: the same event, one SEQUENCE higher.
    await desk.getByRole("button", { name: "Move the visit…" }).click();
    await book.getByLabel("Day").fill(londonDay(3));
    await book.getByLabel("Arrival").fill("14:30");
    await book.getByRole("button", { name: "Book" }).click();
    const moved = invitationOf(await emailTo(email, /^Visit moved/));
    expect(moved).toMatchObject({ uid: booked.uid, sequence: 1, startLocal: `${londonDay(3)}T14:30:00` });
    await expect
      .poll(
        async () =>
          (await emailsTo(tenant.office.user.email)).filter((m) => /^Visit (booked|moved)/.test(m.subject)).length,
      )
      .toBe(2);

    // The tenant can no longer make it: new times; the contractor is told at once.
    await sent.reload();
    await sent.getByText("I'm no longer available then").click();
    await sent.getByLabel("Day 1").fill(londonDay(5));
    await sent.getByLabel("From").first().fill("08:00");
    await sent.getByLabel("Until").first().fill("18:00");
    await sent.getByRole("button", { name: "Save my new times" }).click();
    await expect(sent.getByTestId("request-windows").getByRole("listitem")).toHaveCount(1);
    await expect(sent.getByRole("button", { name: /^Confirm / })).toBeVisible();
    const told = await emailTo(tenant.office.user.email, /changed their availability/);
    expect(told.text).toContain("is outside these times");
    await desk.reload();
    await expect(desk.getByText("The tenant's new times do not include")).toBeVisible();
    await sent.context().close();
  });

test("an emergency shows the number at once and makes the work order urgent", async ({ browser, tenant }) => {
  const { formPath } = await siteWithForm(tenant);
  const email = `ella-${tenant.organisation.slug}@example.test`;
  // Not ticking "Text me reminders" is an answer too.
  const page = await sendRequest(browser, formPath, email, 390, { emergency: true, texts: false });
  await expect(page.getByTestId("emergency-phone")).toContainText("0800 555 0199");
  const request = await db.tenantRequest.findFirstOrThrow({
    where: { organisationId: tenant.organisation.id },
    include: { workOrder: true },
  });
  expect(request.workOrder?.priority).toBe("URGENT");
  expect((await db.contact.findUniqueOrThrow({ where: { id: request.contactId } })).smsConsent).toBe(false);
  expect((await emailTo(email, /received your request/)).text).toContain("call 0800 555 0199 now");
});

test("a technician books the tenant's visit from the app on a phone: the tenant's times, no booking offline or in the past, then booked and seen by the tenant", async ({
  browser,
  tenant,
}) => {
  const { site } = await siteWithForm(tenant);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Dripping tap",
  });
  const email = `tom-${tenant.organisation.slug}@example.test`;
  const { secret } = await createTenantRequest(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    workOrderId: workOrder.id,
    email,
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "ACCEPTED",
    technicianIds: [tenant.technician.person.id],
  });
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await phone.setViewportSize({ width: 390, height: 844 });
  await expect(phone.getByTestId("last-synced")).not.toContainText("never");
  await phone.goto(`/tech#/task/${task.id}`);
  const visit = phone.getByTestId("tech-visit");
  await expect(visit).toContainText("Tess Tenant");
  await expect(visit).toContainText("Only with the tenant there");
  await expect(visit).toContainText("Not booked yet.");
  const first = await firstTenantWindow(db, workOrder.id);
  const after = (hours: number) => new Date(first.startsAt.getTime() + hours * 3_600_000);
  const windows = visit.getByRole("listitem");
  await expect(windows).toHaveCount(2);
  await expect(windows.first()).toContainText(`${londonClock(first.startsAt)}–${londonClock(first.endsAt)}`);

  // No signal: nothing is booked, and the technician is told why.
  await phone.context().setOffline(true);
  await windows.first().getByRole("button", { name: "Choose" }).click();
  const form = visit.getByRole("form", { name: "Book the visit" });
  await form.getByRole("button", { name: "Book" }).click();
  await expect(form.getByRole("alert")).toContainText("No connection");
  await phone.context().setOffline(false);

  // A time already past: refused beside the day, nothing booked.
  await form.getByLabel("Day").fill(londonDay(-1));
  await form.getByRole("button", { name: "Book" }).click();
  await expect(form.getByText("Choose a time ahead")).toBeVisible();
  expect(await db.visit.count({ where: { assignmentId: task.id } })).toBe(0);

  await windows.first().getByRole("button", { name: "Choose" }).click();
  await expect(form.getByLabel("Arrival")).toHaveValue(londonClock(first.startsAt));
  await form.getByRole("button", { name: "Book" }).click();
  await expect(visit.getByRole("status")).toContainText("Booked:");
  await expect(phone.getByTestId("task-status")).toHaveText("Scheduled");
  await expect(visit.getByTestId("tech-visit-when")).toContainText(
    new RegExp(`^Booked: .*${londonClock(first.startsAt)}–${londonClock(after(2))}`),
  );
  expect(await db.visit.count({ where: { assignmentId: task.id, status: "BOOKED" } })).toBe(1);

  // The tenant gets the invitation, and their link shows the visit.
  const invitation = invitationOf(await emailTo(email, /^Visit booked/));
  expect(invitation).toMatchObject({ method: "REQUEST", zone: "Europe/London" });
  expect(invitation.startLocal).toMatch(new RegExp(`T${londonClock(first.startsAt)}:00$`));
  const tenantPage = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await tenantPage.goto(`/r/${secret}`);
  await expect(tenantPage.getByText("Visit booked").first()).toBeVisible();
  await expect(tenantPage.getByText(`${londonClock(first.startsAt)}–${londonClock(after(2))}`).first()).toBeVisible();
  await tenantPage.context().close();
  await phone.context().close();
});

test("a technician says yes to visit reminders by text from the app, online only", async ({ browser, tenant }) => {
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await phone.setViewportSize({ width: 390, height: 844 });
  // Their name in the header opens their settings.
  await phone.getByRole("link", { name: "Terry Tech: my settings" }).click();
  await expect(phone.getByRole("heading", { name: "My settings" })).toBeVisible();
  const card = phone.getByTestId("text-reminders");
  await card.getByLabel(/Text me the day before/).check();
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByText("Enter your mobile number to get texts")).toBeVisible();
  await card.getByLabel("Mobile number").fill("07700 900789");
  await phone.context().setOffline(true);
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByRole("alert")).toContainText("No connection");
  expect(await db.user.findUniqueOrThrow({ where: { id: tenant.technician.user.id } })).toMatchObject({
    smsConsent: false,
  });
  await phone.context().setOffline(false);
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved: reminders will be texted.");
  expect(await db.user.findUniqueOrThrow({ where: { id: tenant.technician.user.id } })).toMatchObject({
    mobile: "07700 900789",
    smsConsent: true,
  });
  await phone.reload();
  await expect(card.getByLabel(/Text me the day before/)).toBeChecked();
  const name = await phone.getByRole("link", { name: "Terry Tech: my settings" }).boundingBox();
  expect(name!.height).toBeGreaterThanOrEqual(44);
  await expect(card.getByLabel("Mobile number")).toHaveValue("07700 900789");
  await phone.context().close();
});

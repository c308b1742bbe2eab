import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { formatMoment } from "../lib/time/zones";
import { db, expect, signInAs, test } from "./fixtures";

test("a visit at a New York site of a Sydney client is typed and shown in New York time, across the clocks going back", async ({
  browser,
  tenant,
}) => {
  await db.organisation.update({ where: { id: tenant.organisation.id }, data: { timezone: "Australia/Sydney" } });
  const site = await createSite(db, tenant.organisation.id, { name: "Fifth Avenue" });
  await db.site.update({ where: { id: site.id }, data: { timezone: "America/New_York" } });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Lobby lighting",
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "ACCEPTED",
    technicianIds: [tenant.technician.person.id],
  });

  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  await desk.getByRole("button", { name: "Schedule…" }).click();
  const form = desk.getByTestId("schedule-form");
  await expect(form.getByText("In New York time, the site's time zone.")).toBeVisible();
  // 02:30 on 8 March does not exist there; 01:30 on 1 November happens twice.
  // The choice between the two 01:30s is offered only for a time the clocks pass twice.
  const occurrence = form.getByLabel("That time happens twice (the clocks go back): which one?");
  await form.getByLabel("Scheduled visit").fill("2026-11-01T12:30");
  await expect(occurrence).toHaveCount(0);
  await form.getByLabel("Scheduled visit").fill("2026-03-08T02:30");
  await form.getByRole("button", { name: "Schedule" }).click();
  await expect(
    form.getByText(
      "02:30 on Sun 8 Mar 2026 does not exist in New York time: the clocks go forward. Choose another time.",
    ),
  ).toBeVisible();
  await expect(occurrence).toHaveCount(0);
  await form.getByLabel("Scheduled visit").fill("2026-11-01T01:30");
  await expect(occurrence).toBeVisible();
  await form.getByRole("button", { name: "Schedule" }).click();
  await expect(
    form.getByText("01:30 on Sun 1 Nov 2026 happens twice in New York time: the clocks go back. Choose which below."),
  ).toBeVisible();
  expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).scheduledAt).toBeNull();
  await occurrence.selectOption("later");
  await form.getByRole("button", { name: "Schedule" }).click();
  await expect(desk.locator(".toast-region")).toContainText("Visit scheduled.");
  expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).scheduledAt).toEqual(
    new Date("2026-11-01T06:30:00Z"),
  );
  // Which 01:30 it is, said wherever the visit is shown.
  await expect(
    desk
      .getByRole("region", { name: "Visit", exact: true })
      .getByText("Sun 1 Nov 2026, 01:30 New York time (the later of the two, as the clocks go back)"),
  ).toBeVisible();

  // The technician's phone, in London, shows the site's time and names its zone.
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await expect(phone.getByTestId("task-list")).toContainText("Sun 1 Nov, 01:30 New York time");

  // The client's staff, reading in London: the visit on the site's clock, named; the
  // moments of the work order on their own clock (their browser told the server its zone).
  const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}?tab=details`);
  await expect(staff.getByTestId("current-assignment")).toContainText("visit Sun 1 Nov 2026, 01:30 New York time");
  const created = (await db.workOrder.findUniqueOrThrow({ where: { id: workOrder.id } })).createdAt;
  await expect(staff.getByText(`${formatMoment(created, "Europe/London", "Europe/London")} by`)).toBeVisible();
  await expect(staff.getByText("Sydney time")).toHaveCount(0);

  // Time entries are typed on the site's clock and listed on it, named, for both sides.
  await db.timeEntry.create({
    data: {
      organisationId: tenant.organisation.id,
      assignmentId: task.id,
      personId: tenant.technician.person.id,
      workDate: new Date("2026-12-01T00:00:00Z"),
      startedAt: new Date("2026-12-01T14:00:00Z"),
      minutes: 90,
      source: "tech",
    },
  });
  for (const page of [staff, desk]) {
    await page.goto(page.url().replace(/\?.*$/, "") + "?tab=money");
    await expect(page.getByRole("table", { name: "Time" })).toContainText("Tue 1 Dec 2026, 09:00 New York time");
  }
  await desk.context().close();
  await phone.context().close();
  await staff.context().close();
});

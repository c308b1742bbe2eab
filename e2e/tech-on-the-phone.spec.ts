import type { Page } from "@playwright/test";
import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { pdfText } from "../tests/pdf-text";
import { db, expect, openVisitStep, signInAs, test, type TTenant } from "./fixtures";

// The phone runs on London time (playwright.config); these sites are in New York.
async function newYorkTask(tenant: TTenant, title: string, status: "SCHEDULED" | "PERFORMED" = "SCHEDULED") {
  const site = await createSite(db, tenant.organisation.id, { name: "Hudson Lofts" });
  await db.site.update({ where: { id: site.id }, data: { timezone: "America/New_York" } });
  const workOrder = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id, title });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status,
    technicianIds: [tenant.technician.person.id],
  });
  return { workOrder, task };
}

async function phoneOf(browser: Parameters<typeof signInAs>[0], tenant: TTenant): Promise<Page> {
  const phone = await signInAs(browser, tenant.technician.user.id, "/tech");
  await phone.setViewportSize({ width: 390, height: 844 });
  await expect(phone.getByTestId("pending-count")).toHaveText("All changes synced");
  return phone;
}

test("the task page shows the visit on the site's clock, named, and time is typed on the site's clock", async ({
  browser,
  tenant,
}) => {
  const year = new Date().getFullYear() + 1;
  const { task } = await newYorkTask(tenant, "Reseal the skylight", "PERFORMED");
  // 09:00 in New York on 12 January, 14:00 in London.
  await db.assignment.update({
    where: { id: task.id },
    data: {
      scheduledAt: new Date(`${year}-01-12T14:00:00Z`),
      checkedInAt: new Date("2026-12-01T14:05:00Z"),
      performedAt: new Date("2026-12-01T15:35:00Z"),
    },
  });
  const phone = await phoneOf(browser, tenant);
  await phone.getByTestId("task-list").locator("details summary").click();
  await expect(phone.getByTestId("task-list")).toContainText(`Tue 12 Jan ${year}, 09:00 New York time`);
  await phone.goto(`/tech#/task/${task.id}`);
  const detail = (term: string) => phone.locator("dt", { hasText: term }).locator("+ dd");
  await expect(detail("Scheduled")).toHaveText(`Tue 12 Jan ${year}, 09:00 New York time`);
  await expect(detail("On site since")).toHaveText(/^Tue 1 Dec( 2026)?, 09:05 New York time$/);
  const section = phone.getByRole("region", { name: "Your time" });
  await expect(section).toContainText("On site 09:05 New York time to 10:35 New York time: 1 h 30 min");

  await section.locator("summary").click();
  const form = section.getByTestId("tech-time-form");
  // The form starts at the check-in, on the site's clock, and says whose clock it is.
  await expect(form.getByLabel("Started")).toHaveValue("2026-12-01T09:05");
  await expect(form).toContainText("On the site's clock: New York time");
  await form.getByLabel("Started").fill("2026-12-01T11:00");
  await form.getByLabel("How long").fill("0:45");
  await form.getByLabel("Kind").selectOption("TRAVEL");
  await form.getByRole("button", { name: "Record time" }).click();
  await expect(section.getByTestId("time-entries")).toContainText(
    /45 min travel · from Tue 1 Dec( 2026)?, 11:00 New York time/,
  );
  await expect(phone.getByTestId("pending-count")).toHaveText("All changes synced", { timeout: 15_000 });
  const entry = await db.timeEntry.findFirstOrThrow({ where: { assignmentId: task.id } });
  expect(entry.startedAt?.toISOString()).toBe("2026-12-01T16:00:00.000Z");

  // A time entry that ends after now says when, on the site's clock.
  await form.getByLabel("Started").fill(`${year}-01-12T09:00`);
  await form.getByLabel("How long").fill("1:00");
  await form.getByRole("button", { name: "Record time" }).click();
  await expect(form.getByText(/^That ends at 10:00 New York time, after now \(/)).toBeVisible();
  await phone.context().close();
});

test("on the phone: whole cards to tap, 16 px fields, 44 px controls, the sync line always in view, steps ticked when done, and a withdrawn card", async ({
  browser,
  tenant,
}) => {
  const kept = await newYorkTask(tenant, "Clear the gutters");
  const takenAway = await newYorkTask(tenant, "Paint the railings");
  const phone = await phoneOf(browser, tenant);

  // A tap anywhere on a card opens its task, not only on its title.
  const card = phone.locator(".task-card", { hasText: "Clear the gutters" });
  const box = (await card.boundingBox())!;
  await phone.mouse.click(box.x + box.width - 12, box.y + box.height - 12);
  await expect(phone).toHaveURL(new RegExp(`#/task/${kept.task.id}$`));

  // Fields at 16 px (an iPhone zooms into smaller ones), controls at least 44 px high.
  await phone.getByRole("button", { name: "I'm on site" }).click();
  await openVisitStep(phone, "Defects");
  const description = phone.getByLabel("What is wrong?");
  expect(await description.evaluate((el) => getComputedStyle(el).fontSize)).toBe("16px");
  for (const control of [
    phone.getByRole("button", { name: "Report defect" }),
    phone.getByLabel("Severity"),
    phone.getByRole("button", { name: "Sign out" }),
    phone.getByRole("navigation", { name: "Steps of the visit" }).getByRole("button").first(),
  ])
    expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);

  // Defects is ticked once looked at (it was not before), then Sign off.
  const steps = phone.getByRole("navigation", { name: "Steps of the visit" });
  await expect(steps.getByRole("button", { name: "Defects (done)" })).toHaveCount(0);
  await openVisitStep(phone, "Sign off");
  await expect(steps.getByRole("button", { name: "Defects (done)" })).toBeVisible();

  // Scrolled to the foot of the page, the sync line is still there, under the top bar.
  await phone.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const line = phone.getByTestId("sync-status");
  const header = (await phone.locator("header.topbar").boundingBox())!;
  const lineBox = (await line.boundingBox())!;
  expect(lineBox.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
  expect(lineBox.y + lineBox.height).toBeLessThan(844);
  const onTop = await phone.evaluate(
    ([x, y]) => Boolean(document.elementFromPoint(x, y)?.closest('[data-testid="sync-status"]')),
    [lineBox.x + 8, lineBox.y + lineBox.height / 2],
  );
  expect(onTop).toBe(true);

  // The office takes a task away while the phone holds a change to it: its card says so.
  await phone.goto("/tech#/");
  await phone.route("**/api/tech/**", (route) => route.abort("internetdisconnected"));
  await phone.locator(".task-card", { hasText: "Paint the railings" }).click();
  await phone.getByRole("button", { name: "I'm on site" }).click();
  await expect(phone.getByTestId("pending-count")).toHaveText("Offline · 1 change waiting");
  await db.assignmentTechnician.deleteMany({ where: { assignmentId: takenAway.task.id } });
  await phone.unroute("**/api/tech/**");
  await phone.goto("/tech#/");
  const withdrawn = phone.getByRole("region", { name: "Withdrawn" }).locator(".task-card");
  await expect(withdrawn).toContainText("Paint the railings", { timeout: 20_000 });
  await expect(withdrawn.locator(".badge")).toHaveText("Withdrawn");
  await phone.context().close();
});

test("the technician reads the client's messages when the contractor allows it, and the history says who wrote to whom", async ({
  browser,
  tenant,
}) => {
  const { workOrder, task } = await newYorkTask(tenant, "Fix the intercom");
  const staff = await signInAs(browser, tenant.admin.id, `/staff/work-orders/${workOrder.id}`);
  await staff.getByLabel("Message (the other side is emailed)").fill("The buzzer for flat 4 is the one that fails.");
  await staff.getByRole("button", { name: "Send message" }).click();
  await expect(staff.getByRole("list", { name: "Activity" })).toContainText("flat 4");
  await staff.context().close();

  const phone = await phoneOf(browser, tenant);
  await phone.goto(`/tech#/task/${task.id}`);
  const messages = phone.getByRole("region", { name: "Messages" });
  await expect(messages).toContainText("The buzzer for flat 4 is the one that fails.");
  await expect(messages).toContainText("Sam Staff");
  await expect(phone.getByTestId("task-view")).toContainText("Sam Staff (");
  await expect(phone.getByTestId("task-view")).toContainText("wrote: “The buzzer for flat 4 is the one that fails.”");
  await expect(phone.getByTestId("task-view")).not.toContainText("wrote a message to the client");

  // The contractor keeps its technicians out of the thread: the phone says only who wrote.
  await db.contractorCompany.update({ where: { id: tenant.company.id }, data: { techniciansSeeMessages: false } });
  await phone.reload();
  await expect(phone.getByTestId("pending-count")).toHaveText("All changes synced");
  await expect(phone.getByTestId("task-view")).toContainText("wrote to your office");
  await expect(phone.getByRole("region", { name: "Messages" })).toHaveCount(0);
  await expect(phone.getByTestId("task-view")).not.toContainText("flat 4");
  await phone.context().close();
});

test("a sign-in that ended shows one notice and nothing to retry", async ({ browser, tenant }) => {
  await newYorkTask(tenant, "Check the boiler pressure");
  const phone = await phoneOf(browser, tenant);
  await phone.route("**/api/tech/tasks", (route) =>
    route.fulfill({ status: 401, body: JSON.stringify({ error: { message: "Sign in to continue." } }) }),
  );
  await phone.reload();
  await expect(phone.getByTestId("pending-count")).toHaveText("Signed out");
  await expect(phone.getByRole("alert")).toHaveCount(1);
  await expect(phone.getByRole("alert")).toContainText("Your sign-in has ended. Open the latest link from your email");
  await expect(phone.getByRole("button", { name: "Retry now" })).toHaveCount(0);
  await phone.context().close();
});

test("the office completes a task without retyping the technician's time on site, and the service report dates the work", async ({
  browser,
  tenant,
}) => {
  const { task } = await newYorkTask(tenant, "Replace the hall light", "PERFORMED");
  // The phone's "I'm on site" synced: 09:05 in New York on 1 December.
  await db.assignment.update({
    where: { id: task.id },
    data: { checkedInAt: new Date("2026-12-01T14:05:00Z"), performedAt: new Date("2026-12-01T15:00:00Z") },
  });
  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  await expect(desk.locator("dd", { hasText: "(the technician's check-in)" })).toContainText("09:05");
  const complete = desk.getByTestId("complete-form");
  await expect(complete.getByLabel("When were you on site?")).toHaveValue("2026-12-01T09:05");
  await complete.getByRole("button", { name: "Mark complete" }).click();
  await expect
    .poll(async () => (await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status)
    .toBe("COMPLETED");
  expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).actualOnSiteAt?.toISOString()).toBe(
    "2026-12-01T14:05:00.000Z",
  );

  // Work recorded as done by the office alone (no app, no check-in) is dated in the report too.
  const { task: byOffice } = await newYorkTask(tenant, "Bleed the radiators");
  await desk.goto(`/desk/tasks/${byOffice.id}`);
  await desk.getByRole("button", { name: "Record as done…" }).click();
  const done = desk.getByTestId("complete-form");
  await expect(done.getByLabel("When were you on site?")).toHaveValue("");
  await done.getByLabel("When were you on site?").fill("2026-12-02T13:30");
  await done.getByRole("button", { name: "Record as done" }).click();
  await expect
    .poll(async () => (await db.assignment.findUniqueOrThrow({ where: { id: byOffice.id } })).status)
    .toBe("COMPLETED");
  for (const [id, day] of [
    [task.id, "Tue 1 Dec 2026"],
    [byOffice.id, "Wed 2 Dec 2026"],
  ]) {
    const response = await desk.request.get(`/api/desk/tasks/${id}/service-report-pdf`);
    expect(response.status()).toBe(200);
    expect(await pdfText(new Uint8Array(await response.body()))).toMatch(new RegExp(`Date of the work\\s*${day}`));
  }
  await desk.context().close();
});

test("a save the phone cannot keep is said on screen, what was typed stays, and the rest of the work is kept", async ({
  browser,
  tenant,
}) => {
  const { task } = await newYorkTask(tenant, "Fix the leaking gutter");
  const phone = await phoneOf(browser, tenant);
  await phone.goto(`/tech#/task/${task.id}`);
  await phone.getByRole("button", { name: "I'm on site" }).click();
  await expect(phone.getByTestId("task-status")).toHaveText("In progress");
  await openVisitStep(phone, "Defects");
  const form = phone.getByTestId("defect-form");
  await form.getByLabel("What is wrong?").fill("Bracket snapped at the downpipe");
  // The phone's storage is full for the next write.
  await phone.evaluate(() => {
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function () {
      IDBObjectStore.prototype.add = add;
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await form.getByRole("button", { name: "Report defect" }).click();
  await expect(form.getByRole("alert")).toContainText("Not saved on this phone: its storage for this app is full");
  await expect(form.getByLabel("What is wrong?")).toHaveValue("Bracket snapped at the downpipe");
  await expect(phone.getByRole("region", { name: "Defects" }).locator("li")).toHaveCount(0);

  // Tried again, it is saved; the check-in saved before it was never lost.
  await form.getByRole("button", { name: "Report defect" }).click();
  await expect(phone.getByRole("region", { name: "Defects" })).toContainText("Bracket snapped at the downpipe");
  await expect(form.getByRole("alert")).toHaveCount(0);
  await expect(phone.getByTestId("pending-count")).toHaveText("All changes synced", { timeout: 15_000 });
  const server = await db.assignment.findUniqueOrThrow({ where: { id: task.id }, include: { defects: true } });
  expect([server.status, server.defects.map((d) => d.description)]).toEqual([
    "IN_PROGRESS",
    ["Bracket snapped at the downpipe"],
  ]);
  await phone.context().close();
});

import { createAssignment } from "../../prisma/factories";
import { db, emailsTo, expect, signInAs, test } from "../fixtures";
import { londonDay, sendRequest, siteWithForm } from "../tenant-request-helpers";

// These tests move the server's clock: one at a time, after all the others (the "clock"
// project), and back to the machine's clock when done.
test.describe.configure({ mode: "serial" });
test.afterAll(async ({ request, baseURL }) => {
  await request.post("/api/test/clock", { data: { reset: true }, headers: { origin: baseURL! } });
});

const londonClock = (at: Date) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "short", timeStyle: "short" }).format(at);

test("visit reminders go the day before at 18:00 and at 07:00 on the site's clock, for the visit as it stands; the moved-away time gets none", async ({
  browser,
  request,
  baseURL,
  tenant,
}) => {
  test.setTimeout(150_000);
  const { formPath } = await siteWithForm(tenant);
  const email = `rita-${tenant.organisation.slug}@example.test`;
  const tenantPage = await sendRequest(browser, formPath, email, 1366);
  await tenantPage.context().close();
  const tenantRequest = await db.tenantRequest.findFirstOrThrow({ where: { organisationId: tenant.organisation.id } });
  const task = await createAssignment(db, {
    workOrderId: tenantRequest.workOrderId!,
    contractorCompanyId: tenant.company.id,
    status: "ACCEPTED",
  });
  const desk = await signInAs(browser, tenant.office.user.id, `/desk/tasks/${task.id}`);
  const book = async (day: string, from: string, button: string) => {
    await desk.getByRole("button", { name: button }).click();
    const form = desk.getByTestId("book-visit-form");
    await form.getByLabel("Day").fill(day);
    await form.getByLabel("Arrival").fill(from);
    await form.getByRole("button", { name: "Book" }).click();
    // The dialog closes once it is done.
    await expect(form).toBeHidden();
  };
  await book(londonDay(2), "10:00", "Book the visit…");
  await book(londonDay(3), "14:30", "Move the visit…");

  const visit = await db.visit.findFirstOrThrow({ where: { assignmentId: task.id } });
  const pending = await db.visitReminder.findMany({
    where: { visitId: visit.id, state: "PENDING", recipient: email },
    orderBy: { dueAt: "asc" },
  });
  expect(pending.map((r) => `${r.kind} ${londonClock(r.dueAt)}`)).toEqual([
    `DAY_BEFORE ${londonClock(new Date(`${londonDay(2)}T12:00:00Z`)).slice(0, 10)}, 18:00`,
    `MORNING ${londonClock(new Date(`${londonDay(3)}T12:00:00Z`)).slice(0, 10)}, 07:00`,
  ]);
  expect(
    await db.visitReminder.count({ where: { visitId: visit.id, visitSequence: 0, state: "CANCELLED" } }),
  ).toBeGreaterThan(0);

  const moveTo = async (at: Date) => {
    const { now } = (await (await request.get("/api/test/clock")).json()) as { now: string };
    const minutes = Math.ceil((at.getTime() - new Date(now).getTime()) / 60_000) + 1;
    const moved = await request.post("/api/test/clock", {
      data: { advanceMinutes: minutes },
      headers: { origin: baseURL! },
    });
    expect(moved.status()).toBe(200);
  };
  const reminders = async () => (await emailsTo(email)).filter((m) => m.subject.startsWith("Reminder:"));

  // Past the old visit's reminder times and up to the new day-before one.
  await moveTo(pending[0].dueAt);
  await expect
    .poll(async () => (await reminders()).map((m) => m.subject), { timeout: 20_000 })
    .toEqual([expect.stringMatching(/^Reminder: visit tomorrow, .* 14:30–16:30 London time/)]);
  await moveTo(pending[1].dueAt);
  await expect.poll(async () => (await reminders()).length, { timeout: 20_000 }).toBe(2);
  const subjects = (await reminders()).map((m) => m.subject);
  expect(subjects[1]).toMatch(/^Reminder: visit today, .* 14:30–16:30 London time/);
  // Never one for the time the visit moved away from.
  expect(subjects.filter((s) => s.includes("10:00–12:00"))).toEqual([]);
  // The tenant said yes to texts: the texts log holds them (no SMS provider here).
  expect(
    await db.smsOutbox.count({ where: { to: "+447700900456", body: { contains: "14:30-16:30" } } }),
  ).toBeGreaterThanOrEqual(2);

  // The office sees each reminder's state on the task.
  await desk.reload();
  await expect(desk.getByTestId("visit-plan").getByText("Sent").first()).toBeVisible();
});

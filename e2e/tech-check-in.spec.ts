import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

// The browser's location prompt, held open until the test answers it, as a technician
// would leave it while putting the ladder up.
const HOLD_LOCATION_PROMPT = () => {
  const pending: ((position: GeolocationPosition) => void)[] = [];
  (window as unknown as { answerLocationPrompt: () => number }).answerLocationPrompt = () => {
    const coords = { latitude: 51.5014, longitude: -0.1419, accuracy: 12 } as GeolocationCoordinates;
    const waiting = pending.splice(0);
    for (const resolve of waiting) resolve({ coords, timestamp: Date.now() } as GeolocationPosition);
    return waiting.length;
  };
  const held = {
    getCurrentPosition: (success: (position: GeolocationPosition) => void) => pending.push(success),
    watchPosition: () => 0,
    clearWatch: () => undefined,
  };
  Object.defineProperty(Navigator.prototype, "geolocation", { configurable: true, get: () => held });
};

test("“I'm on site” is saved at the tap with the tap's time; the location follows when the prompt is answered", async ({
  browser,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Palace Gate" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Gate motor check",
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "SCHEDULED",
    technicianIds: [tenant.technician.person.id],
  });

  const page = await signInAs(browser, tenant.technician.user.id, "/tech");
  await page.clock.install();
  await page.addInitScript(HOLD_LOCATION_PROMPT);
  // Only the hash changes, so reload for the clock and the prompt to take effect.
  await page.goto(`/tech#/task/${task.id}`);
  await page.reload();
  await expect(page.getByTestId("task-status")).toHaveText("Scheduled");

  const tappedAt = await page.evaluate(() => Date.now());
  await page.getByRole("button", { name: "I'm on site" }).click();
  // Saved and shown at once, and sent to the office, while the prompt is still open.
  await expect(page.getByTestId("task-status")).toHaveText("In progress");
  await expect
    .poll(() => db.checkIn.findMany({ where: { assignmentId: task.id } }), { timeout: 15_000 })
    .toHaveLength(1);

  // A minute later the technician allows the location.
  await page.clock.fastForward(60_000);
  expect(
    await page.evaluate(() => (window as unknown as { answerLocationPrompt: () => number }).answerLocationPrompt()),
  ).toBe(1);
  await expect
    .poll(async () => (await db.checkIn.findFirst({ where: { assignmentId: task.id } }))?.latitude, { timeout: 15_000 })
    .toBe(51.5014);

  const [checkIn] = await db.checkIn.findMany({ where: { assignmentId: task.id } });
  expect(Math.abs(checkIn.deviceAt.getTime() - tappedAt)).toBeLessThan(5_000);
  expect(checkIn.locatedAt!.getTime() - tappedAt).toBeGreaterThanOrEqual(60_000);
  expect(checkIn).toMatchObject({ longitude: -0.1419, accuracyM: 12 });
  const assignment = await db.assignment.findUniqueOrThrow({ where: { id: task.id } });
  expect(assignment.status).toBe("IN_PROGRESS");
  expect(Math.abs(assignment.checkedInAt!.getTime() - tappedAt)).toBeLessThan(5_000);
  await page.context().close();
});

import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { db, expect, signInAs, test } from "./fixtures";

// The first load of the technician app on a phone must not jump: the list's space is kept
// while the phone's copy is read, so the synced list replaces it in place.
test("the technician app's first load shifts its layout by less than 0.1", async ({ browser, tenant }) => {
  const site = await createSite(db, tenant.organisation.id, { name: "Dock Road" });
  for (let i = 1; i <= 6; i++) {
    const wo = await createWorkOrder(db, {
      organisationId: tenant.organisation.id,
      siteId: site.id,
      title: `Job ${i}`,
    });
    await createAssignment(db, {
      workOrderId: wo.id,
      contractorCompanyId: tenant.company.id,
      status: "SCHEDULED",
      technicianIds: [tenant.technician.person.id],
    });
  }
  const signedIn = await signInAs(browser, tenant.technician.user.id, "/tech");
  await expect(signedIn.getByTestId("task-list")).toContainText("Job 6");
  const state = await signedIn.context().storageState();
  await signedIn.context().close();

  // A new phone (nothing stored yet), then the same phone again (the list already on it).
  const context = await browser.newContext({ storageState: state, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  const cls = () =>
    page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((a, b) => a + b, 0));
  for (const visit of ["first visit", "return visit"]) {
    if (visit === "first visit") await page.goto("/tech");
    else await page.reload();
    await expect(page.getByTestId("pending-count")).toHaveText("All changes synced");
    await expect(page.getByTestId("task-list")).toContainText("Job 6");
    console.log(`CLS ${visit}: ${await cls()}`);
    expect(await cls(), `cumulative layout shift, ${visit}`).toBeLessThan(0.1);
  }
  await context.close();
});

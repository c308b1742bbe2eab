import { createPortalLink, createSite, createWorkOrder } from "../../prisma/factories";
import { mailboxURL } from "../../playwright.config";
import { db, expect, test } from "../fixtures";

// These tests move the server's clock: one at a time, after all the others (the "clock"
// project), and back to the machine's clock when done.
test.describe.configure({ mode: "serial" });
test.afterAll(async ({ request, baseURL }) => {
  await request.post("/api/test/clock", { data: { reset: true }, headers: { origin: baseURL! } });
});

test("the test clock moves the server's present forward: a 48-hour link expires 49 hours on", async ({
  page,
  request,
  baseURL,
  tenant,
}) => {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id });
  const { secret } = await createPortalLink(db, { organisationId: tenant.organisation.id, workOrderId: workOrder.id });
  await page.goto(`/l/${secret}`);
  await expect(page.getByTestId("portal-status")).toBeVisible();

  const moved = await request.post("/api/test/clock", {
    data: { advanceMinutes: 49 * 60 },
    headers: { origin: baseURL! },
  });
  expect(moved.status()).toBe(200);
  const { now } = (await moved.json()) as { now: string };
  expect(new Date(now).getTime() - Date.now()).toBeGreaterThan(48 * 3_600_000);

  await page.reload();
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();

  // Bad input changes nothing; going back is not a move.
  const refused = await request.post("/api/test/clock", {
    data: { advanceMinutes: -60 },
    headers: { origin: baseURL! },
  });
  expect(refused.status()).toBe(400);
  expect(((await (await request.get("/api/test/clock")).json()) as { offsetMs: number }).offsetMs).toBe(49 * 3_600_000);
});

test("a server started without TEST_CLOCK has no clock to move", async ({ request }) => {
  expect((await request.get(`${mailboxURL}/api/test/clock`)).status()).toBe(404);
  const post = await request.post(`${mailboxURL}/api/test/clock`, {
    data: { advanceMinutes: 60 },
    headers: { origin: mailboxURL },
  });
  expect(post.status()).toBe(404);
});

import { randomUUID } from "node:crypto";
import { hashSecret } from "../lib/auth/secrets";
import { baseURL as appURL, fakeResendURL } from "../playwright.config";
import { createAssignment, createSite, createWorkOrder } from "../prisma/factories";
import { PNG_BYTES } from "../tests/sample-files";
import { createSignInLink, db, expect, signInAs, signInWithPassword, test, type TTenant } from "./fixtures";

async function scheduledTask(tenant: TTenant) {
  const site = await createSite(db, tenant.organisation.id);
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Security probe",
  });
  return createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "IN_PROGRESS",
    technicianIds: [tenant.technician.person.id],
  });
}

const defectMutation = (taskId: string) => ({
  deviceId: randomUUID(),
  mutations: [
    {
      mutationId: randomUUID(),
      taskId,
      seq: 1,
      deviceAt: new Date().toISOString(),
      type: "report_defect",
      defectId: randomUUID(),
      severity: "HIGH",
      description: "Planted by another site",
    },
  ],
});

test("signed in, a next address off the site leads home instead", async ({ page, tenant }) => {
  await signInWithPassword(page, tenant.admin.email);
  for (const next of [
    "https://elsewhere.example/",
    "//elsewhere.example/",
    "/\\elsewhere.example/",
    "https:elsewhere.example",
  ]) {
    await page.goto(`/signin?next=${encodeURIComponent(next)}`);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/staff$/);
  }
  await page.goto(`/signin?next=${encodeURIComponent("/staff/sites")}`);
  await expect(page).toHaveURL(/\/staff\/sites$/);
});

test("a page on another port of the same host cannot write as the technician, and writes need their own content type", async ({
  browser,
  tenant,
}) => {
  const task = await scheduledTask(tenant);
  const tech = await signInAs(browser, tenant.technician.user.id, "/tech");
  // A page on another port of the same host (here the fake email provider's) shares the
  // technician's cookies, since it is the same site, but not their origin.
  await tech.goto(`${fakeResendURL}/__fake/health`);
  const crossOrigin = await tech.evaluate(
    async ({ url, body }) => {
      await fetch(url, {
        method: "POST",
        mode: "no-cors",
        credentials: "include",
        headers: { "content-type": "text/plain" },
        body,
      });
      await fetch(url, {
        method: "POST",
        mode: "no-cors",
        credentials: "include",
        body: new URLSearchParams({ x: body }),
      });
      return "sent";
    },
    { url: `${appURL}/api/tech/sync`, body: JSON.stringify(defectMutation(task.id)) },
  );
  expect(crossOrigin).toBe("sent");
  expect(await db.defect.count({ where: { assignmentId: task.id } })).toBe(0);

  // From the app's own origin, the body must be what the route reads.
  await tech.goto("/tech");
  const asText = await tech.request.post("/api/tech/sync", {
    headers: { "content-type": "text/plain" },
    data: JSON.stringify(defectMutation(task.id)),
  });
  expect(asText.status()).toBe(415);
  const forged = await tech.request.post("/api/tech/sync", {
    headers: { origin: "http://127.0.0.1:4000" },
    data: defectMutation(task.id),
  });
  expect(forged.status()).toBe(403);
  // The technician's own settings and visit bookings: the same doors.
  const consent = { mobile: "07700 900111", smsConsent: true };
  for (const [url, method] of [
    ["/api/tech/preferences", "put"],
    [`/api/tech/tasks/${task.id}/visit`, "post"],
  ] as const) {
    const elsewhere = await tech.request[method](url, { headers: { origin: "http://127.0.0.1:4000" }, data: consent });
    expect(elsewhere.status()).toBe(403);
    const plain = await tech.request[method](url, {
      headers: { "content-type": "text/plain" },
      data: JSON.stringify(consent),
    });
    expect(plain.status()).toBe(415);
  }
  expect((await db.user.findUniqueOrThrow({ where: { id: tenant.technician.user.id } })).smsConsent).toBe(false);
  const photo = await tech.request.put(`/api/tech/photos/${randomUUID()}?taskId=${task.id}`, {
    headers: { "content-type": "text/plain" },
    data: Buffer.from(PNG_BYTES),
  });
  expect(photo.status()).toBe(415);
  expect(await db.defect.count({ where: { assignmentId: task.id } })).toBe(0);
  expect(await db.attachment.count({ where: { assignmentId: task.id } })).toBe(0);

  const proper = await tech.request.post("/api/tech/sync", { data: defectMutation(task.id) });
  expect(((await proper.json()) as { results: { outcome: string }[] }).results[0].outcome).toBe("applied");
  expect(await db.defect.count({ where: { assignmentId: task.id } })).toBe(1);
});

test("the client address is the connection's, not a forwarded header the client wrote", async ({
  playwright,
  baseURL,
  tenant,
}) => {
  const link = await createSignInLink(tenant.office.user.id);
  const client = await playwright.request.newContext({ baseURL });
  expect((await client.get(link, { headers: { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" } })).status()).toBe(
    200,
  );
  const token = await db.accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(link.split("/").pop()!) } });
  const views = await db.accessLog.findMany({ where: { tokenId: token.id, event: "VIEWED" } });
  expect(views.map((v) => v.ip)).toEqual(["127.0.0.1"]);
});

test("pages carry a nonce Content-Security-Policy, link pages send no Referer, and a blocked script is reported", async ({
  page,
  tenant,
}) => {
  await signInWithPassword(page, tenant.admin.email);
  const staff = await page.goto("/staff");
  const policy = staff!.headers()["content-security-policy"];
  const scripts = policy.split("; ").find((d) => d.startsWith("script-src "))!;
  expect(scripts).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'report-sample'$/);
  expect(policy).toContain("object-src 'none'");
  expect(staff!.headers()["strict-transport-security"]).toBeUndefined();
  const again = await page.goto("/staff");
  expect(again!.headers()["content-security-policy"]).not.toBe(policy);

  const linkPage = await page.goto(await createSignInLink(tenant.office.user.id));
  expect(linkPage!.headers()["referrer-policy"]).toBe("no-referrer");
  const referers: string[] = [];
  page.on("request", (request) => {
    const referer = request.headers()["referer"];
    if (referer) referers.push(referer);
  });
  await page.reload();
  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  expect(referers.filter((r) => r.includes("/link/"))).toEqual([]);

  // An injected inline script does not run, and the browser's report reaches the server.
  await page.goto("/staff");
  const marker = `probe-${randomUUID()}`;
  await page.evaluate((sample) => {
    const script = document.createElement("script");
    script.textContent = `window.__ran = true; // ${sample}`;
    document.body.append(script);
  }, marker);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran ?? false)).toBe(false);
  await expect
    .poll(
      () =>
        db.cspReport.count({ where: { sample: { contains: "window.__ran" }, documentUri: { endsWith: "/staff" } } }),
      { timeout: 10_000 },
    )
    .toBeGreaterThan(0);
  // This one was on purpose: it must not fail the run.
  await db.cspReport.deleteMany({ where: { sample: { contains: "window.__ran" } } });
});

test("a copied session cookie stops working when its owner signs out", async ({ browser, page, tenant }) => {
  await signInWithPassword(page, tenant.admin.email);
  const copied = await browser.newContext({ storageState: await page.context().storageState() });
  const thief = await copied.newPage();
  await thief.goto("/staff");
  await expect(thief.getByRole("table", { name: "Work orders" })).toBeVisible();
  // A page reads the session cookie; it does not encrypt and send it again on every view.
  const view = await page.request.get("/staff", { maxRedirects: 0 });
  expect(view.status()).toBe(200);
  expect(view.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie")).toEqual([]);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await thief.goto("/staff");
  await expect(thief).toHaveURL(/\/signin/);
  expect((await thief.request.get("/api/staff/work-orders/cnotarealidentifier000000")).status()).toBe(401);
});

test("deactivating a person or changing their role ends their sessions at once", async ({ browser, tenant }) => {
  const admin = await signInAs(
    browser,
    (
      await db.contractorPerson.create({
        data: { contractorCompanyId: tenant.company.id, userId: tenant.admin.id, role: "ADMIN" },
      })
    ).userId,
    "/desk/company",
  );
  const office = await signInAs(browser, tenant.office.user.id, "/desk");
  const row = admin.getByTestId(`person-${tenant.office.user.email}`);
  await admin.getByRole("button", { name: "Edit Olive Office" }).click();
  await row.getByLabel("Role").selectOption("ADMIN");
  await row.getByRole("button", { name: "Save" }).click();
  await expect
    .poll(async () => (await db.contractorPerson.findUniqueOrThrow({ where: { id: tenant.office.person.id } })).role)
    .toBe("ADMIN");
  await office.goto("/desk");
  await expect(office).toHaveURL(/\/signin/);

  const again = await signInAs(browser, tenant.office.user.id, "/desk");
  await admin.reload();
  await admin.getByRole("button", { name: "Edit Olive Office" }).click();
  await row.getByLabel("Status").selectOption("false");
  await row.getByRole("button", { name: "Save" }).click();
  await expect
    .poll(async () => (await db.contractorPerson.findUniqueOrThrow({ where: { id: tenant.office.person.id } })).active)
    .toBe(false);
  // Reactivated at once: the ended session stays ended.
  await db.contractorPerson.update({ where: { id: tenant.office.person.id }, data: { active: true } });
  await again.goto("/desk");
  await expect(again).toHaveURL(/\/signin/);
});

test("a server action from another site, with a malformed or unknown id, or a body cut short gets a 4xx, not a 500", async ({
  request,
}) => {
  // A real action of this build: the sign-in page's, as its form posts it.
  const page = await (await request.get("/signin")).text();
  const id = /&quot;id&quot;:&quot;([0-9a-f]{42})&quot;/.exec(page)?.[1];
  expect(id, "an action id on the sign-in page").toBeTruthy();
  const post = (headers: Record<string, string>, data = "[]") =>
    request.post("/signin", {
      headers: { "next-action": id!, "content-type": "text/plain;charset=UTF-8", ...headers },
      data,
      failOnStatusCode: false,
    });
  const answers = [
    await post({ origin: "https://evil.example" }),
    await post({ "next-action": "0".repeat(40) }),
    await post({ "next-action": `7f${"0".repeat(40)}` }),
    await post({ "content-type": "multipart/form-data; boundary=xyz" }, "garbage"),
  ];
  expect(answers.map((a) => a.status())).toEqual([403, 400, 404, 400]);
  expect(await answers[0].text()).toBe("This request must come from Fieldgate itself.");
});

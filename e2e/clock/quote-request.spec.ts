import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { pdfText } from "../../tests/pdf-text";
import { createContractorCompany, createContractorPerson, createSite, createWorkOrder } from "../../prisma/factories";
import {
  db,
  emailTo,
  emailsTo,
  expect,
  linkFromEmail,
  signInAs,
  signInFromLink,
  signInWithPassword,
  test,
} from "../fixtures";

// Moves the server's clock past a deadline: runs in the "clock" project, one at a time.
test.describe.configure({ mode: "serial" });
const resetClock = async ({ request, baseURL }: { request: APIRequestContext; baseURL?: string }) => {
  await request.post("/api/test/clock", { data: { reset: true }, headers: { origin: baseURL! } });
};
test.beforeEach(resetClock);
test.afterAll(resetClock);

const SENTINEL = "987654.32";
const localInput = (at: Date) => at.toISOString().slice(0, 16);
const day = (at: Date) => at.toISOString().slice(0, 10);

async function openLink(browser: Browser, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(path);
  return page;
}

async function fillLine(page: Page, row: number, line: { description: string; quantity: string; price: string }) {
  const lines = page.getByTestId("answer-line");
  if ((await lines.count()) <= row) await page.getByRole("button", { name: "Add a line" }).click();
  const form = lines.nth(row);
  await form.getByLabel(/description/).fill(line.description);
  await form.getByLabel("Quantity").fill(line.quantity);
  await form.getByLabel(/Unit price/).fill(line.price);
  await form.getByLabel("Tax, %").fill("20");
}

test("staff ask two contractors and a supplier for sealed quotes, compare them after the deadline and award one", async ({
  page,
  browser,
  request,
  baseURL,
  tenant,
}) => {
  test.setTimeout(120_000);
  const site = await createSite(db, tenant.organisation.id, { accessDetails: "Key safe 7777" });
  await db.site.update({ where: { id: site.id }, data: { timezone: "UTC" } });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Replace the boiler",
  });
  const second = await createContractorCompany(db, [tenant.organisation.id], { name: `Bright Heat ${Date.now()}` });
  await createContractorPerson(db, second.id, "OFFICE");
  const supplier = `supplier-${Date.now()}@outside.test`;
  const deadline = new Date(Date.now() + 2 * 86_400_000);
  const proposed = new Date(Date.now() + 5 * 86_400_000);

  // Staff send a sealed request from the work order.
  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/work-orders/${workOrder.id}`);
  await page.getByRole("link", { name: "Ask for quotes" }).click();
  const form = page.getByTestId("quote-request-form");
  await form.getByLabel("Scope: what to quote for").fill("Remove the old boiler and fit a new combi boiler.");
  await form.getByLabel(/Answers by/).fill(localInput(deadline));
  await form.getByLabel(/Budget/).fill("5000");
  await form.getByLabel(/Sealed/).check();
  await form.getByLabel(tenant.company.name).check();
  await form.getByLabel(second.name).check();
  await form.getByLabel("Name").fill("Sue Supplier");
  await form.getByLabel("Company").fill("Outside Boilers Ltd");
  await form.getByLabel("Email").fill(supplier);
  await form.getByRole("button", { name: "Send request" }).click();
  await page.waitForURL(/\/staff\/quotes\/\w+$/);
  const requestUrl = page.url();
  await expect(page.getByTestId("record-status")).toContainText("Open for answers");
  await expect(page.getByTestId("invitee")).toHaveCount(3);

  // Opening the link, as a mail scanner would (GET and HEAD, again and again), changes
  // nothing but the first-opened mark.
  const supplierLink = await linkFromEmail(supplier, /Request for quote from/);
  const state = async () => {
    const invitation = await db.quoteInvitation.findFirstOrThrow({
      where: { email: supplier },
      include: { revisions: true, questions: true },
    });
    const tokens = await db.accessToken.findMany({
      where: { purpose: "QUOTE", scope: { path: ["invitationId"], equals: invitation.id } },
    });
    return { invitation, tokens };
  };
  await request.get(supplierLink);
  const opened = await state();
  expect(opened.invitation.firstOpenedAt).not.toBeNull();
  for (const method of ["GET", "HEAD", "GET"]) await request.fetch(supplierLink, { method });
  expect(await state()).toEqual(opened);

  // The supplier answers through its emailed link; the price is the sentinel.
  const supplierPage = await openLink(browser, supplierLink);
  await expect(supplierPage.getByRole("heading", { name: "Replace the boiler" })).toBeVisible();
  await expect(supplierPage.getByText("Key safe 7777")).toHaveCount(0);
  await fillLine(supplierPage, 0, { description: "Combi boiler", quantity: "1", price: SENTINEL });
  await supplierPage.getByLabel("Proposed date of the work").fill(day(proposed));
  await supplierPage.getByRole("button", { name: "Submit quote" }).click();
  await expect(supplierPage.getByTestId("submitted-total")).toContainText("1,185,185.18");
  const pdfHref = await supplierPage.getByRole("link", { name: "Download this quote (PDF)" }).getAttribute("href");
  expect(await pdfText(await (await supplierPage.request.get(pdfHref!)).body())).toContain("£1,185,185.18");

  // The supplier asks a question; staff answer it to every bidder, without saying who asked.
  await supplierPage.getByLabel("Ask the client a question").fill("Is there parking on site?");
  await supplierPage.getByRole("button", { name: "Send question" }).click();
  await expect(supplierPage.getByTestId("bidder-questions")).toContainText("Is there parking on site?");
  await page.goto(`${requestUrl}?tab=questions`);
  const reply = page.getByTestId("question-answer-form");
  await reply.getByLabel("Your answer").fill("Two bays by the gate.");
  await reply.getByLabel(/Answer to every bidder/).check();
  await reply.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByTestId("quote-questions")).toContainText("Answered to every bidder");
  const told = await emailTo(second.email, /answered a question/);
  expect(told.text).toContain("Two bays by the gate.");
  expect(told.text).not.toMatch(/Outside Boilers|Sue Supplier/);

  // One contractor answers from its Desk, the other declines through its link.
  const desk = await signInAs(browser, tenant.office.user.id, "/desk/quotes");
  await desk.getByTestId("desk-quotes").getByRole("link", { name: "Replace the boiler" }).click();
  await expect(desk.getByTestId("bidder-questions")).toContainText("Two bays by the gate.");
  await fillLine(desk, 0, { description: "combi boiler", quantity: "1", price: "2400" });
  await fillLine(desk, 1, { description: "Flue kit", quantity: "1", price: "150.50" });
  await desk.getByLabel("Proposed date of the work").fill(day(proposed));
  await desk.getByRole("button", { name: "Submit quote" }).click();
  await expect(desk.getByTestId("submitted-total")).toContainText("3,060.60");

  // Another invitation's id swapped into a form is refused, from a link and from the Desk,
  // and that invitation is left as it was.
  const others = await db.quoteInvitation.findMany({ where: { email: { in: [second.email, supplier] } } });
  const secondInvitation = others.find((i) => i.email === second.email)!;
  const supplierInvitation = others.find((i) => i.email === supplier)!;
  for (const [bidderPage, target] of [
    [supplierPage, secondInvitation.id],
    [desk, supplierInvitation.id],
  ] as const) {
    const form = bidderPage.getByTestId("quote-answer-form");
    await form
      .locator('input[name="invitationId"]')
      .evaluate((input, id) => ((input as HTMLInputElement).value = id), target);
    await form.getByRole("button", { name: "Submit quote" }).click();
    await expect(form.getByRole("alert")).toContainText("not found");
  }
  expect(await db.quoteRevision.count({ where: { invitationId: secondInvitation.id } })).toBe(0);
  expect(await db.quoteRevision.count({ where: { invitationId: supplierInvitation.id } })).toBe(1);

  const declinePage = await openLink(browser, await linkFromEmail(second.email, /Request for quote from/));
  await declinePage.getByLabel("Tell the client why").fill("Fully booked this month");
  await declinePage.getByRole("button", { name: "Decline to quote" }).click();
  await expect(declinePage.getByText(/You declined to quote: “Fully booked/)).toBeVisible();

  // Sealed: staff see who answered, no price, anywhere in the page or its data.
  await page.goto(requestUrl);
  await expect(page.getByTestId("sealed-answers")).toBeVisible();
  await expect(page.getByTestId("invitees")).toContainText("Declined");
  // Every staff page and download of the work, as the signed-in person's browser gets it
  // (the HTML with its embedded server-component data), holds no price yet.
  const quoteApi = requestUrl.replace("/staff/", "/api/staff/");
  const workOrderPath = `/staff/work-orders/${workOrder.id}`;
  const sealedReads = [
    requestUrl,
    `${requestUrl}?tab=invited`,
    `${requestUrl}?tab=questions`,
    `${requestUrl}?tab=request`,
    "/staff/quotes",
    "/staff",
    workOrderPath,
    ...["details", "money", "documents"].map((tab) => `${workOrderPath}?tab=${tab}`),
    `/api/staff/work-orders/${workOrder.id}`,
    "/api/staff/work-orders/export",
  ];
  for (const path of sealedReads) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(200);
    const body = (await response.body()).toString("utf8");
    for (const text of [SENTINEL, "987,654.32", "1185185.18", "1,185,185", "£2,400"])
      expect(body, `${text} in ${path}`).not.toContain(text);
  }
  const workOrderPdf = await pdfText(
    await (await page.request.get(`/api/staff/work-orders/${workOrder.id}/work-order-pdf`)).body(),
  );
  expect(workOrderPdf).toContain("Replace the boiler");
  for (const text of ["987,654.32", "1,185,185", "£2,400"]) expect(workOrderPdf).not.toContain(text);
  expect((await page.request.get(`${quoteApi}/export`)).status()).toBe(409);
  expect((await page.request.get(`${quoteApi}/pdf`)).status()).toBe(409);

  // The deadline passes: the answers open, side by side, the lowest total marked.
  const moved = await request.post("/api/test/clock", {
    data: { advanceMinutes: 2 * 24 * 60 + 5 },
    headers: { origin: baseURL! },
  });
  expect(moved.status()).toBe(200);
  await page.goto(requestUrl);
  await expect(page.getByTestId("record-status")).toContainText("Closed, to compare");
  const comparison = page.getByTestId("quote-comparison").getByRole("table");
  await expect(comparison).toContainText("£3,060.60");
  await expect(comparison).toContainText("£1,185,185.18");
  await expect(comparison.getByRole("row", { name: /^Total/ })).toContainText("£3,060.60 Lowest");
  await expect(comparison.getByRole("row", { name: /^combi boiler/ })).toContainText("£2,400.00");
  await expect(comparison.getByRole("row", { name: /only this bidder/ })).toContainText("Flue kit");
  const csv = await (await page.request.get(`${requestUrl.replace("/staff/", "/api/staff/")}/export`)).text();
  expect(csv).toContain("Flue kit,1,C62,150.50,20,150.50,2550.50,510.10,3060.60,GBP");

  // The award: the contractor's answer, whole; the supplier told it lost, without prices.
  await comparison.getByRole("button", { name: `Award to ${tenant.company.name}…` }).click();
  await page
    .getByRole("dialog", { name: `Award the work to ${tenant.company.name}` })
    .getByRole("button", { name: "Award" })
    .click();
  await page.waitForURL(new RegExp(`/staff/work-orders/${workOrder.id}`));
  await expect(page.getByTestId("record-status")).toContainText(tenant.company.name);
  const assignment = await db.assignment.findFirstOrThrow({ where: { workOrderId: workOrder.id } });
  expect(assignment.status).toBe("ACCEPTED");
  expect(assignment.plannedAt?.toISOString().slice(0, 10)).toBe(day(proposed));
  const lines = await db.estimateLine.findMany({ where: { workOrderId: workOrder.id } });
  expect(lines.map((l) => [l.description, l.approvedAt !== null])).toEqual([
    ["combi boiler", true],
    ["Flue kit", true],
  ]);
  expect((await db.workOrder.findUniqueOrThrow({ where: { id: workOrder.id } })).notToExceed?.toString()).toBe(
    "2550.5",
  );

  await emailTo(tenant.office.user.email, /accepted your quote/);
  const lost = await emailTo(supplier, /not awarded/);
  expect(lost.text).toContain("your price was the 2nd lowest of 2");
  expect(lost.text).not.toContain(tenant.company.name);
  expect(lost.text).not.toMatch(/£|2,?400|3,?060/);
  expect((await emailsTo(second.email)).filter((m) => /not awarded/.test(m.subject))).toHaveLength(0);

  // The losers' link is read-only now and says why.
  await supplierPage.reload();
  await expect(supplierPage.getByTestId("bidder-read-only")).toContainText("This request has been awarded.");
  await expect(supplierPage.getByRole("button", { name: "Submit quote" })).toHaveCount(0);
  await expect(supplierPage.getByTestId("submitted-total")).toContainText("1,185,185.18");
});

test("an outside supplier that wins joins the network and signs in to its Desk from the award email", async ({
  page,
  browser,
  tenant,
}) => {
  test.setTimeout(90_000);
  const site = await createSite(db, tenant.organisation.id);
  await db.site.update({ where: { id: site.id }, data: { timezone: "UTC" } });
  const workOrder = await createWorkOrder(db, { organisationId: tenant.organisation.id, siteId: site.id });
  const supplier = `winner-${Date.now()}@outside.test`;
  const proposed = new Date(Date.now() + 10 * 86_400_000);

  await signInWithPassword(page, tenant.admin.email);
  await page.goto(`/staff/quotes/new?workOrderId=${workOrder.id}`);
  const form = page.getByTestId("quote-request-form");
  await form.getByLabel("Scope: what to quote for").fill("Paint the hallway.");
  await form.getByLabel(/Answers by/).fill(localInput(new Date(Date.now() + 86_400_000)));
  await form.getByLabel("Name").fill("Wes Winner");
  await form.getByLabel("Email").fill(supplier);
  await form.getByRole("button", { name: "Send request" }).click();
  await page.waitForURL(/\/staff\/quotes\/\w+$/);

  const bidder = await openLink(browser, await linkFromEmail(supplier, /Request for quote from/));
  await fillLine(bidder, 0, { description: "Paint, two coats", quantity: "12.5", price: "18" });
  await bidder.getByLabel("Proposed date of the work").fill(day(proposed));
  await bidder.getByRole("button", { name: "Submit quote" }).click();
  await expect(bidder.getByTestId("submitted-total")).toContainText("270.00");

  // Not sealed: staff compare at once and award.
  await page.reload();
  await page.getByRole("button", { name: "Award to Wes Winner…" }).first().click();
  const award = page.getByRole("dialog", { name: "Award the work to Wes Winner" });
  await award.getByLabel("The winner only").check();
  await award.getByRole("button", { name: "Award" }).click();
  await page.waitForURL(new RegExp(`/staff/work-orders/${workOrder.id}`));

  const desk = await signInFromLink(browser, await linkFromEmail(supplier, /accepted your quote/));
  await desk.waitForURL(/\/desk\/tasks\//);
  await expect(desk.getByRole("heading", { name: workOrder.title })).toBeVisible();
});

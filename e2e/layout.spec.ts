import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createQuoteLink,
  createQuoteRequest,
  createPortalLink,
  createServiceTasks,
  createSite,
  createTenantRequest,
  createUser,
  createWorkOrder,
} from "../prisma/factories";
import { createSignInLink, db, expect, signInAs, test, type TTenant } from "./fixtures";

// Every page of every audience, at a desk's 1366 px and a phone's 390 px: nothing may be
// wider than the screen outside a designated scroll region (an element that scrolls
// sideways itself, such as a wide report's table). The page list comes from the app/
// route tree, so a new page without an entry here fails the first test.

// The address of each page in the route tree, as app/ names it ("[id]" for a record).
function routesIn(dir: string, segments: string[] = []): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      if (entry === "api") continue;
      // Route groups add no segment of the address.
      routes.push(...routesIn(full, /^\(.*\)$/.test(entry) ? segments : [...segments, entry]));
    } else if (entry === "page.tsx") {
      routes.push(`/${segments.join("/")}`);
    }
  }
  return routes;
}

type TWho = "anyone" | "staff" | "office" | "deskAdmin" | "technician" | "invited";
type TSamples = Awaited<ReturnType<typeof samplesFor>>;

// Each route: who opens it, the address of a sample record, and a record page's tabs
// beyond its first (each checked too).
const RECORD_TABS = ["details", "money", "documents"];
const PAGES: Record<string, { who: TWho; path: (s: TSamples) => string; tabs?: string[] }> = {
  "/": { who: "anyone", path: () => "/signin" },
  "/signin": { who: "anyone", path: () => "/signin" },
  "/link/[token]": { who: "anyone", path: (s) => s.signInLink },
  "/mailbox": { who: "anyone", path: () => "/mailbox" },
  "/invitations/[id]": { who: "invited", path: (s) => `/invitations/${s.invitationId}` },
  "/l/[token]": { who: "anyone", path: (s) => `/l/${s.portalSecret}` },
  "/verify": { who: "anyone", path: () => "/verify" },
  "/q/[token]": { who: "anyone", path: (s) => `/q/${s.quoteSecret}` },
  "/request/[key]": { who: "anyone", path: (s) => `/request/${s.siteFormKey}` },
  "/request/[key]/sent": { who: "anyone", path: (s) => `/request/${s.siteFormKey}/sent?ref=R-ABC123&emergency=1` },
  "/r/[token]": { who: "anyone", path: (s) => `/r/${s.requestSecret}` },
  "/staff/tenant-requests": { who: "staff", path: () => "/staff/tenant-requests?show=all" },
  "/staff/settings/tenant-requests": { who: "staff", path: () => "/staff/settings/tenant-requests" },
  "/staff/texts": { who: "staff", path: () => "/staff/texts" },
  "/staff/quotes": { who: "staff", path: () => "/staff/quotes" },
  "/staff/quotes/new": { who: "staff", path: (s) => `/staff/quotes/new?workOrderId=${s.workOrderId}` },
  "/staff/quotes/[id]": { who: "staff", path: (s) => `/staff/quotes/${s.quoteRequestId}`, tabs: ["request"] },
  "/desk/quotes": { who: "office", path: () => "/desk/quotes" },
  "/desk/quotes/[id]": { who: "office", path: (s) => `/desk/quotes/${s.deskInvitationId}` },
  "/staff": { who: "staff", path: () => "/staff" },
  "/staff/work-orders/new": { who: "staff", path: () => "/staff/work-orders/new" },
  "/staff/work-orders/[id]": {
    who: "staff",
    path: (s) => `/staff/work-orders/${s.workOrderId}`,
    tabs: [...RECORD_TABS, "customer"],
  },
  "/staff/work-orders/[id]/preview/[view]": {
    who: "staff",
    path: (s) => `/staff/work-orders/${s.workOrderId}/preview/work_authorization`,
  },
  "/staff/settings/customers": { who: "staff", path: () => "/staff/settings/customers" },
  "/staff/work-orders/[id]/edit": { who: "staff", path: (s) => `/staff/work-orders/${s.workOrderId}/edit` },
  "/staff/sites": { who: "staff", path: () => "/staff/sites" },
  "/staff/sites/[id]": { who: "staff", path: (s) => `/staff/sites/${s.siteId}` },
  "/staff/contractors": { who: "staff", path: () => "/staff/contractors" },
  "/staff/contractors/[id]": { who: "staff", path: (s) => `/staff/contractors/${s.companyId}` },
  "/staff/contractors/[id]/rates": { who: "staff", path: (s) => `/staff/contractors/${s.companyId}/rates` },
  "/staff/invoices": { who: "staff", path: () => "/staff/invoices" },
  "/staff/invoices/[id]": { who: "staff", path: (s) => `/staff/invoices/${s.invoiceId}` },
  "/staff/invoices/settings": { who: "staff", path: () => "/staff/invoices/settings" },
  "/staff/mailbox": { who: "staff", path: () => "/staff/mailbox" },
  "/staff/settings": { who: "staff", path: () => "/staff/settings" },
  "/desk": { who: "office", path: () => "/desk" },
  "/desk/tasks/[id]": { who: "office", path: (s) => `/desk/tasks/${s.taskId}`, tabs: RECORD_TABS },
  "/desk/invoices": { who: "office", path: () => "/desk/invoices" },
  "/desk/invoices/[id]": { who: "office", path: (s) => `/desk/invoices/${s.invoiceId}` },
  "/desk/reports": { who: "office", path: () => "/desk/reports" },
  "/desk/preferences": { who: "office", path: () => "/desk/preferences" },
  "/desk/company": { who: "deskAdmin", path: () => "/desk/company" },
  "/desk/company/profile": { who: "deskAdmin", path: () => "/desk/company/profile" },
  "/desk/company/accreditations": { who: "deskAdmin", path: () => "/desk/company/accreditations" },
  "/desk/company/rates": { who: "deskAdmin", path: () => "/desk/company/rates" },
  "/tech/tasks/[id]": { who: "technician", path: (s) => `/tech#/task/${s.taskId}` },
};

// Sample records made with the seed's own factories: a work order in progress with an
// estimate wider than a phone, its task and invoice, a customer link and an invitation.
async function samplesFor(tenant: TTenant) {
  const site = await createSite(db, tenant.organisation.id, { name: "Riverside Medical Centre, East Wing" });
  const workOrder = await createWorkOrder(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    title: "Replace the emergency lighting units on floors two to five",
  });
  await createServiceTasks(db, workOrder);
  await db.estimateLine.createMany({
    data: [1, 2].map((position) => ({
      organisationId: tenant.organisation.id,
      workOrderId: workOrder.id,
      position,
      description: "Emergency bulkhead light fitting, maintained, 3 hour, IP65, with installation",
      quantity: "12.5",
      unitCode: "HUR",
      unitPrice: "123456.78",
      taxPercent: "20",
      approvedAt: new Date(),
      decision: "APPROVED" as const,
    })),
  });
  const task = await createAssignment(db, {
    workOrderId: workOrder.id,
    contractorCompanyId: tenant.company.id,
    status: "IN_PROGRESS",
    technicianIds: [tenant.technician.person.id],
  });
  const invoice = await db.invoice.create({
    data: {
      organisationId: tenant.organisation.id,
      contractorCompanyId: tenant.company.id,
      assignmentId: task.id,
      workOrderId: workOrder.id,
      number: "INV-LAYOUT-000123",
      origin: "manual",
      currency: "GBP",
      issueDate: new Date(),
      status: "SUBMITTED",
      revision: 1,
      lines: {
        create: [
          {
            position: 1,
            description: "Labour, normal hours, two electricians",
            quantity: "16",
            unitCode: "HUR",
            unitPrice: "85",
            taxPercent: "20",
          },
        ],
      },
    },
  });
  // The estimate view: the sample's lines, wider than a phone, as cards.
  const { secret: portalSecret } = await createPortalLink(db, {
    view: "estimate",
    organisationId: tenant.organisation.id,
    workOrderId: workOrder.id,
  });
  const quotes = await fiveBidderQuote(tenant, workOrder.id);
  // A tenant's request on the sample site, with its link, and the site's form.
  const { secret: requestSecret } = await createTenantRequest(db, {
    organisationId: tenant.organisation.id,
    siteId: site.id,
    workOrderId: workOrder.id,
  });
  const { tenantFormKey: siteFormKey } = await db.site.findUniqueOrThrow({ where: { id: site.id } });
  const deskAdmin = await createContractorPerson(db, tenant.company.id, "ADMIN", { name: "Ada Admin" });
  const invitee = await createUser(db, { name: "Ivy Invited" });
  const invitation = await db.contractorPerson.create({
    data: { contractorCompanyId: tenant.company.id, userId: invitee.id, role: "OFFICE", acceptedAt: null },
  });
  return {
    siteId: site.id,
    workOrderId: workOrder.id,
    taskId: task.id,
    invoiceId: invoice.id,
    companyId: tenant.company.id,
    portalSecret,
    requestSecret,
    siteFormKey,
    ...quotes,
    invitationId: invitation.id,
    signInLink: await createSignInLink(tenant.admin.id),
    users: {
      staff: tenant.admin.id,
      office: tenant.office.user.id,
      deskAdmin: deskAdmin.user.id,
      technician: tenant.technician.user.id,
      invited: invitee.id,
    },
  };
}

// A request answered by five bidders with long line descriptions: the comparison at its
// widest; the supplier's link and the contractor's Desk page of the same request.
async function fiveBidderQuote(tenant: TTenant, workOrderId: string) {
  const others = await Promise.all(
    [1, 2, 3].map((n) =>
      createContractorCompany(db, [tenant.organisation.id], { name: `Northern Building Services Group ${n}` }),
    ),
  );
  const line = (n: number, price: string) => ({
    description: `Emergency bulkhead light fitting ${n}, maintained, 3 hour, IP65, with installation`,
    quantity: "12",
    unitPrice: price,
  });
  const supplierEmail = `layout-supplier-${tenant.organisation.slug}@outside.test`;
  const { request, invitations } = await createQuoteRequest(db, {
    organisationId: tenant.organisation.id,
    workOrderId,
    bidders: [
      {
        contractorCompanyId: tenant.company.id,
        email: tenant.company.email,
        answer: [line(1, "123456.78"), line(2, "5")],
      },
      ...others.map((company, i) => ({
        contractorCompanyId: company.id,
        email: company.email,
        answer: i === 2 ? undefined : [line(1, `${200 + i}`), line(3, "99999.99")],
      })),
      {
        supplierName: "Sue Supplier",
        supplierCompany: "Outside Lighting Wholesale Limited",
        email: supplierEmail,
        answer: [line(2, "7")],
      },
    ],
  });
  const quoteSecret = await createQuoteLink(db, {
    organisationId: tenant.organisation.id,
    invitationId: invitations.at(-1)!.id,
    email: supplierEmail,
  });
  return { quoteRequestId: request.id, deskInvitationId: invitations[0].id, quoteSecret };
}

// What sticks out: the page itself scrolling sideways, and each visible element that
// reaches past the screen's edge without a scrolling (or clipping) box around it.
async function overflowsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
    const inScrollRegion = (element: Element) => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(box).overflowX)) return true;
      }
      return false;
    };
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${[...element.classList].map((c) => `.${c}`).join("")} "${(element.textContent ?? "").trim().slice(0, 40)}"`;
    for (const element of document.querySelectorAll("body *")) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(element);
      if (style.position === "fixed" || style.visibility === "hidden") continue;
      // The inside of a closed disclosure is laid out but not shown.
      const closed = element.closest("details:not([open])");
      if (closed && !element.closest("summary")) continue;
      if ((box.right > width + 1 || box.left < -1) && !inScrollRegion(element))
        problems.push(`${name(element)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
    }
    return problems.slice(0, 4);
  });
}

async function checkPages(
  browser: Browser,
  tenant: TTenant,
  audiences: TWho[],
  routes: (route: string) => boolean = () => true,
) {
  const samples = await samplesFor(tenant);
  const failures: string[] = [];
  for (const who of audiences) {
    const page =
      who === "anyone"
        ? await (await browser.newContext()).newPage()
        : await signInAs(
            browser,
            samples.users[who],
            who === "invited" ? `/invitations/${samples.invitationId}` : undefined,
          );
    for (const [route, entry] of Object.entries(PAGES).filter(([r, e]) => e.who === who && routes(r))) {
      for (const query of ["", ...(entry.tabs ?? []).map((tab) => `?tab=${tab}`)]) {
        for (const width of [1366, 390]) {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(entry.path(samples) + query);
          await expect(page.locator("main").first()).toBeVisible();
          await page.waitForLoadState("networkidle");
          for (const problem of await overflowsOf(page)) failures.push(`${route}${query} at ${width} px: ${problem}`);
        }
      }
    }
    await page.context().close();
  }
  if (failures.length) console.log(`Wider than the screen:\n${failures.join("\n")}`);
  expect(failures).toEqual([]);
}

test("every page of the app has a sample address for the layout check", () => {
  const routes = routesIn(path.resolve("app")).sort();
  expect(routes.filter((route) => !PAGES[route])).toEqual([]);
  expect(Object.keys(PAGES).filter((route) => !routes.includes(route))).toEqual([]);
});

test("no page for people without a dashboard is wider than the screen, at 1366 and 390 px", async ({
  browser,
  tenant,
}) => {
  // Dozens of pages at two widths: minutes on a loaded 2-core machine.
  test.setTimeout(240_000);
  await checkPages(browser, tenant, ["anyone", "invited", "technician"]);
});

// Staff have the most pages: two tests, each well inside its time on a loaded machine.
const staffRecord = (route: string) => /^\/staff\/(work-orders|quotes|invoices)/.test(route);

test("no staff record page is wider than the screen, at 1366 and 390 px", async ({ browser, tenant }) => {
  // Dozens of pages at two widths: minutes on a loaded 2-core machine.
  test.setTimeout(240_000);
  await checkPages(browser, tenant, ["staff"], staffRecord);
});

test("no other staff page is wider than the screen, at 1366 and 390 px", async ({ browser, tenant }) => {
  // Dozens of pages at two widths: minutes on a loaded 2-core machine.
  test.setTimeout(240_000);
  await checkPages(browser, tenant, ["staff"], (route) => !staffRecord(route));
});

test("no Desk page is wider than the screen, at 1366 and 390 px", async ({ browser, tenant }) => {
  // Dozens of pages at two widths: minutes on a loaded 2-core machine.
  test.setTimeout(240_000);
  await checkPages(browser, tenant, ["office", "deskAdmin"]);
});

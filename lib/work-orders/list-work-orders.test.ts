import { beforeAll, describe, expect, it } from "vitest";
import { dayInZone } from "@/lib/time/zones";
import type { Prisma } from "@/generated/prisma/client";
import { LIVE_STATUSES } from "@/lib/assignments/status-machine";
import { loadStaffActor, type TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import {
  createAssignment,
  createContractorCompany,
  createSite,
  createWorkOrder,
  createWorld,
} from "@/prisma/factories";
import { exportWorkOrdersCsv } from "./export-work-orders";
import { countWorkOrders, listWorkOrders } from "./list-work-orders";
import { deleteSavedFilter, listSavedFilters, saveFilter } from "./saved-filters";
import { WORK_ORDER_SORTS, ZWorkOrderListSchema } from "./schemas";

let staff: TStaffActor;
let world: Awaited<ReturnType<typeof createWorld>>;
let otherSiteId: string;
let contractorId: string;
const day = 86_400_000;

beforeAll(async () => {
  world = await createWorld(db);
  staff = (await loadStaffActor(world.admin.id))!;
  const otherSite = await createSite(db, world.organisation.id, { name: "Annex" });
  otherSiteId = otherSite.id;
  const company = await createContractorCompany(db, [world.organisation.id]);
  contractorId = company.id;
  const category = await db.category.create({ data: { organisationId: world.organisation.id, name: "Plumbing" } });
  const base = Date.now() - 100 * day;
  // 36 more work orders with varied, partly equal and partly missing dates.
  for (let i = 1; i <= 36; i++) {
    const { lastWorkOrderNumber: number } = await db.organisation.update({
      where: { id: world.organisation.id },
      data: { lastWorkOrderNumber: { increment: 1 } },
    });
    const wo = await db.workOrder.create({
      data: {
        organisationId: world.organisation.id,
        number,
        title: i % 3 === 0 ? `Boiler service ${i}` : `Door repair ${i}`,
        siteId: i % 2 ? world.site.id : otherSite.id,
        priority: i % 4 === 0 ? "URGENT" : "NORMAL",
        createdAt: new Date(base + (i % 7) * day),
        dueAt: i % 5 === 0 ? null : new Date(base + (i % 9) * day),
        slaDueAt: i % 6 === 0 ? null : new Date(base + (i % 4) * day),
        categoryId: i % 3 === 1 ? category.id : null,
        purchaseOrder: i % 5 === 2 ? `PO-${i}` : null,
        notToExceed: i % 4 === 3 ? `${i * 10}.50` : null,
      },
    });
    if (i % 4 === 1)
      await createAssignment(db, { workOrderId: wo.id, contractorCompanyId: company.id, status: "ACCEPTED" });
    // A cancelled offer is history: neither shown as the contractor nor found by its filter.
    if (i % 4 === 2)
      await createAssignment(db, { workOrderId: wo.id, contractorCompanyId: company.id, status: "CANCELLED" });
  }
  // An archived work order (with a matching title), which the list never shows.
  const archived = await createWorkOrder(db, {
    organisationId: world.organisation.id,
    siteId: world.site.id,
    title: "Boiler service archived",
  });
  await db.workOrder.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
});

async function walkAllPages(query: Record<string, string>) {
  const seen: number[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const { rows, nextCursor } = await listWorkOrders(staff, ZWorkOrderListSchema.parse({ ...query, after }), 5);
    seen.push(...rows.map((r) => r.number));
    if (!nextCursor) break;
    after = nextCursor;
  }
  return seen;
}

describe("staff work order list", () => {
  for (const sort of WORK_ORDER_SORTS) {
    for (const dir of ["asc", "desc"]) {
      it(`pages through every row exactly once sorted by ${sort} ${dir}`, async () => {
        const all = await walkAllPages({ sort, dir });
        expect(all).toHaveLength(37);
        expect(new Set(all).size).toBe(37);
        const { rows } = await listWorkOrders(staff, ZWorkOrderListSchema.parse({ sort, dir }), 100);
        expect(all).toEqual(rows.map((r) => r.number));
      });
    }
  }

  // Back from the last page to the first, page by page: the same pages, in reverse, and
  // the first page has nothing before it. (37 rows in pages of 5: the last page has 2.)
  for (const sort of WORK_ORDER_SORTS) {
    for (const dir of ["asc", "desc"]) {
      it(`goes back a page at a time sorted by ${sort} ${dir}`, async () => {
        const forward: number[][] = [];
        let page = await listWorkOrders(staff, ZWorkOrderListSchema.parse({ sort, dir }), 5);
        expect(page.previousCursor).toBeNull();
        forward.push(page.rows.map((r) => r.number));
        while (page.nextCursor) {
          page = await listWorkOrders(staff, ZWorkOrderListSchema.parse({ sort, dir, after: page.nextCursor }), 5);
          forward.push(page.rows.map((r) => r.number));
        }
        expect(forward.map((p) => p.length)).toEqual([5, 5, 5, 5, 5, 5, 5, 2]);
        const backward: number[][] = [page.rows.map((r) => r.number)];
        while (page.previousCursor) {
          page = await listWorkOrders(staff, ZWorkOrderListSchema.parse({ sort, dir, before: page.previousCursor }), 5);
          backward.unshift(page.rows.map((r) => r.number));
          expect(page.nextCursor).not.toBeNull();
        }
        expect(backward).toEqual(forward);
      });
    }
  }

  it("counts what matches, up to a cap past which it says 'more than'", async () => {
    expect(await countWorkOrders(staff, ZWorkOrderListSchema.parse({}))).toEqual({ matches: 37, more: false });
    expect(await countWorkOrders(staff, ZWorkOrderListSchema.parse({ q: "boiler" }))).toEqual({
      matches: 12,
      more: false,
    });
    expect(await countWorkOrders(staff, ZWorkOrderListSchema.parse({}), new Date(), 10)).toEqual({
      matches: 10,
      more: true,
    });
  });

  // The list used to be this Prisma read; the one SQL statement must return the same rows,
  // in the same order, with the same fields.
  const PRISMA_ORDER: Record<
    (typeof WORK_ORDER_SORTS)[number],
    (dir: "asc" | "desc") => Prisma.WorkOrderOrderByWithRelationInput[]
  > = {
    number: (dir) => [{ number: dir }],
    created: (dir) => [{ createdAt: dir }, { number: dir }],
    sla: (dir) => [{ slaDueAt: { sort: dir, nulls: "last" } }, { number: dir }],
    due: (dir) => [{ dueAt: { sort: dir, nulls: "last" } }, { number: dir }],
  };
  for (const sort of WORK_ORDER_SORTS) {
    it(`returns what the Prisma read returns, sorted by ${sort}`, async () => {
      for (const dir of ["asc", "desc"] as const) {
        const expected = await db.workOrder.findMany({
          where: { organisationId: world.organisation.id, archivedAt: null },
          orderBy: PRISMA_ORDER[sort](dir),
          select: {
            id: true,
            number: true,
            title: true,
            status: true,
            priority: true,
            dueAt: true,
            slaDueAt: true,
            createdAt: true,
            purchaseOrder: true,
            notToExceed: true,
            site: { select: { name: true } },
            category: { select: { name: true } },
            assignments: {
              where: { status: { in: LIVE_STATUSES } },
              select: {
                status: true,
                contractorCompany: { select: { name: true } },
                scheduledAt: true,
                plannedAt: true,
              },
              take: 1,
            },
          },
        });
        expect(await walkAllPages({ sort, dir })).toEqual(expected.map((wo) => wo.number));
        // The amount comes exactly, as PostgreSQL's text of the numeric.
        const exact = expected.map((wo) => ({
          ...wo,
          notToExceed: wo.notToExceed?.toFixed(3) ?? null,
          assignments: wo.assignments.map(({ scheduledAt, plannedAt, ...live }) => ({
            ...live,
            visitAt: (scheduledAt ?? plannedAt)?.toISOString() ?? null,
          })),
        }));
        expect((await listWorkOrders(staff, ZWorkOrderListSchema.parse({ sort, dir }), 100)).rows).toEqual(exact);
      }
    });
  }

  it("filters by text, number, site, priority, contractor, dates and SLA breach", async () => {
    const numbersFor = async (query: Record<string, string>) => (await walkAllPages(query)).sort((a, b) => a - b);
    expect(await numbersFor({ q: "boiler" })).toHaveLength(12);
    expect(await numbersFor({ q: "#1" })).toEqual([1]);
    expect(await numbersFor({ site: otherSiteId })).toHaveLength(18);
    expect(await numbersFor({ priority: "URGENT" })).toHaveLength(9);
    expect(await numbersFor({ contractor: contractorId })).toHaveLength(9);
    expect((await numbersFor({ breached: "1" })).length).toBeGreaterThan(20);
    // The organisation's calendar day (the filter reads days in its zone): 95 days back is
    // summer time in London, where 23:30 UTC is already the next day.
    const from = dayInZone(new Date(Date.now() - 100 * day + 5 * day), world.organisation.timezone);
    expect((await numbersFor({ createdFrom: from })).length).toBe(11); // 10 of these, and the world's own from today
    expect(await numbersFor({ site: "not-an-id", priority: "NOPE" })).toHaveLength(37);
  });

  it("never lists another organisation's work orders, whatever the filters", async () => {
    const other = await createWorld(db);
    await db.workOrder.update({ where: { id: other.workOrder.id }, data: { title: "Boiler service elsewhere" } });
    expect(await walkAllPages({ site: other.site.id })).toEqual([]);
    const otherStaff = (await loadStaffActor(other.admin.id))!;
    const theirs = await listWorkOrders(otherStaff, ZWorkOrderListSchema.parse({}), 100);
    expect(theirs.rows.map((r) => r.id)).toEqual([other.workOrder.id]);
    const ours = await listWorkOrders(staff, ZWorkOrderListSchema.parse({ q: "boiler" }), 100);
    expect(ours.rows.map((r) => r.id)).not.toContain(other.workOrder.id);
  });

  it("saves filters per person", async () => {
    const saved = await saveFilter(staff, { name: "Urgent", query: "priority=URGENT&after=abc" });
    expect(saved.query).toBe("priority=URGENT");
    const colleague = (await loadStaffActor(world.coordinator.id))!;
    expect(await listSavedFilters(colleague)).toEqual([]);
    await expect(deleteSavedFilter(colleague, saved.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await deleteSavedFilter(staff, saved.id);
    expect(await listSavedFilters(staff)).toEqual([]);
  });

  it("exports the filtered list as CSV, formulas neutralised", async () => {
    await db.workOrder.updateMany({
      where: { organisationId: world.organisation.id, number: 2 },
      data: { title: '=HYPERLINK("http://evil")' },
    });
    const bytes = await new Response(
      exportWorkOrdersCsv(staff, ZWorkOrderListSchema.parse({ sort: "number", dir: "asc" })),
    ).arrayBuffer();
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "\uFEFFNumber,Title,Site,Trade,Priority,Status,Contractor,Contractor status,Created on (Europe/London),Created at (ISO 8601),Due date,SLA due on (Europe/London),SLA due at (ISO 8601),Visit on (Europe/London),Visit at (ISO 8601),Purchase order,Not to exceed,Currency",
    );
    expect(lines).toHaveLength(38);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // Number 4 has a not-to-exceed of 30.50: exact, in the organisation's currency.
    expect(lines[4]).toMatch(/^4,.*,30\.50,GBP$/);
  });
});

describe("list days are the organisation's days", () => {
  it("filters by the day the work order was created in the organisation's zone, across midnight there", async () => {
    const w = await createWorld(db);
    await db.organisation.update({ where: { id: w.organisation.id }, data: { timezone: "Australia/Sydney" } });
    // 23:30 on 1 December and 00:30 on 2 December in Sydney; both 1 December in UTC.
    const late = await createWorkOrder(db, {
      organisationId: w.organisation.id,
      siteId: w.site.id,
      title: "Late",
      createdAt: new Date("2026-12-01T12:30:00Z"),
    });
    const early = await createWorkOrder(db, {
      organisationId: w.organisation.id,
      siteId: w.site.id,
      title: "Early",
      createdAt: new Date("2026-12-01T13:30:00Z"),
    });
    const staff = (await loadStaffActor(w.admin.id))!;
    expect(staff.organisationTimeZone).toBe("Australia/Sydney");
    const on = async (day: string) =>
      (await listWorkOrders(staff, ZWorkOrderListSchema.parse({ createdFrom: day, createdTo: day }))).rows.map(
        (r) => r.id,
      );
    expect(await on("2026-12-02")).toContain(early.id);
    expect(await on("2026-12-02")).not.toContain(late.id);
    expect(await on("2026-12-01")).toContain(late.id);
    expect(await on("2026-12-01")).not.toContain(early.id);
  });
});

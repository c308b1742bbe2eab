import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { exportApprovedInvoicesCsv } from "@/lib/invoices/export-approved-invoices";
import { exportWorkOrdersCsv } from "@/lib/work-orders/export-work-orders";
import { ZWorkOrderListSchema } from "@/lib/work-orders/schemas";
import { createAssignment, createWorld } from "@/prisma/factories";

async function rowsOf(stream: ReadableStream<Uint8Array>): Promise<Record<string, string>[]> {
  const text = new TextDecoder().decode(await new Response(stream).arrayBuffer());
  return parse(text.replace(/^\uFEFF/, ""), { columns: true });
}

// An organisation in Sydney (UTC+11 in December), a site in New York. 20:00 UTC on
// 1 December is 07:00 on 2 December in Sydney: the day its staff lived it.
async function sydneyWorld() {
  const world = await createWorld(db);
  await db.organisation.update({ where: { id: world.organisation.id }, data: { timezone: "Australia/Sydney" } });
  await db.site.update({ where: { id: world.site.id }, data: { timezone: "America/New_York" } });
  await db.workOrder.update({
    where: { id: world.workOrder.id },
    data: {
      createdAt: new Date("2026-12-01T20:00:00Z"),
      dueAt: new Date("2026-12-10T00:00:00Z"),
      slaDueAt: new Date("2026-12-05T13:30:00Z"),
    },
  });
  const task = await createAssignment(db, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: world.company.id,
    status: "SCHEDULED",
  });
  await db.assignment.update({ where: { id: task.id }, data: { scheduledAt: new Date("2026-12-03T14:00:00Z") } });
  return { world, task, staff: (await loadStaffActor(world.admin.id))! };
}

describe("dates in exports", () => {
  it("the work order CSV writes the due date as stored, and each instant as the organisation's day and with its offset", async () => {
    const { staff } = await sydneyWorld();
    const [row] = await rowsOf(exportWorkOrdersCsv(staff, ZWorkOrderListSchema.parse({})));
    expect(row).toMatchObject({
      "Created on (Australia/Sydney)": "2026-12-02",
      "Created at (ISO 8601)": "2026-12-02T07:00:00+11:00",
      "Due date": "2026-12-10",
      "SLA due on (Australia/Sydney)": "2026-12-06",
      "SLA due at (ISO 8601)": "2026-12-06T00:30:00+11:00",
      "Visit on (Australia/Sydney)": "2026-12-04",
      "Visit at (ISO 8601)": "2026-12-04T01:00:00+11:00",
    });
  });

  it("an approved invoice reads approved on the organisation's day, never the day before it was issued", async () => {
    const { world, task, staff } = await sydneyWorld();
    await db.invoice.create({
      data: {
        organisationId: world.organisation.id,
        contractorCompanyId: world.company.id,
        assignmentId: task.id,
        workOrderId: world.workOrder.id,
        number: "INV-SYD-1",
        origin: "manual",
        currency: "AUD",
        issueDate: new Date("2026-12-02T00:00:00Z"),
        status: "PAID",
        decidedAt: new Date("2026-12-01T20:00:00Z"),
        paidAt: new Date("2026-12-09T00:00:00Z"),
        net: "100",
        tax: "10",
        gross: "110",
      },
    });
    const [row] = await rowsOf(exportApprovedInvoicesCsv(staff));
    expect(row).toMatchObject({
      "Invoice number": "INV-SYD-1",
      "Issue date": "2026-12-02",
      "Approved on (Australia/Sydney)": "2026-12-02",
      "Approved at (ISO 8601)": "2026-12-02T07:00:00+11:00",
      "Paid on": "2026-12-09",
      Gross: "110.00",
    });
  });
});

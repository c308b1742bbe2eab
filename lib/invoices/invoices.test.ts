import { describe, expect, it } from "vitest";
import { completeAssignment } from "@/lib/assignments/complete-assignment";
import { reviewAssignment } from "@/lib/assignments/review-assignment";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { listWorkOrderAttachments, readAttachment } from "@/lib/attachments/list-attachments";
import { db } from "@/lib/db";
import { decideNteIncrease } from "@/lib/nte-increases/decide-nte-increase";
import { requestNteIncrease } from "@/lib/nte-increases/request-nte-increase";
import { ZRequestNteIncreaseSchema } from "@/lib/nte-increases/schemas";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createStaffUser,
  createWorld,
} from "@/prisma/factories";
import { PDF_BYTES } from "@/tests/sample-files";
import { approveInvoice } from "./approve-invoice";
import { attachInvoiceDocument } from "./attach-invoice-document";
import { createManualInvoice } from "./create-manual-invoice";
import { disputeInvoice } from "./dispute-invoice";
import { exportApprovedInvoicesCsv } from "./export-approved-invoices";
import { getInvoice } from "./get-invoice";
import { listInvoices } from "./list-invoices";
import { markInvoicePaid } from "./mark-invoice-paid";
import { rejectInvoice } from "./reject-invoice";
import { saveInvoiceLine } from "./save-invoice-line";
import { ZDisputeInvoiceSchema, ZSaveInvoiceLineSchema } from "./schemas";
import { submitInvoice } from "./submit-invoice";

const NOW = new Date("2026-12-01T15:00:00Z");

async function setUp({ card = true }: { card?: boolean } = {}) {
  const world = await createWorld(db);
  const manager = await createStaffUser(db, world.organisation.id, "MANAGER");
  const staff = (await loadStaffActor(manager.id))!;
  const desk = (await loadDeskActor(world.office.user.id))!;
  await db.workOrder.update({ where: { id: world.workOrder.id }, data: { notToExceed: "400" } });
  const estimate = await db.estimateLine.create({
    data: {
      organisationId: world.organisation.id,
      workOrderId: world.workOrder.id,
      position: 1,
      description: "Labour",
      quantity: "3",
      unitCode: "HUR",
      unitPrice: "85",
      taxPercent: "20",
      approvedAt: NOW,
    },
  });
  if (card)
    await db.rateCard.create({
      data: {
        organisationId: world.organisation.id,
        contractorCompanyId: world.company.id,
        version: 1,
        status: "ACCEPTED",
        proposedBy: "client",
        proposedById: manager.id,
        currency: "GBP",
        normalRate: "85",
        overtimeRate: "127.5",
        calloutRate: "110",
        travelRate: "40",
        calloutFee: "60",
        materialMarkupPercent: "10",
        validFrom: new Date("2026-01-01T00:00:00Z"),
      },
    });
  const task = await createAssignment(db, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: world.company.id,
    status: "PERFORMED",
    technicianIds: [world.technician.person.id],
  });
  await db.assignment.update({
    where: { id: task.id },
    data: { checkedInAt: new Date("2026-12-01T09:00:00Z"), performedAt: new Date("2026-12-01T12:00:00Z") },
  });
  await db.timeEntry.create({
    data: {
      organisationId: world.organisation.id,
      assignmentId: task.id,
      personId: world.technician.person.id,
      workDate: new Date("2026-12-01T00:00:00Z"),
      startedAt: new Date("2026-12-01T09:00:00Z"),
      minutes: 180,
      source: "tech",
    },
  });
  return { world, staff, desk, task, estimate };
}

const complete = (desk: Awaited<ReturnType<typeof setUp>>["desk"], assignmentId: string) =>
  completeAssignment(desk, { assignmentId, actualOnSiteAt: new Date("2026-12-01T09:00:00Z") }, NOW);

const draftOf = (assignmentId: string) =>
  db.invoice.findFirstOrThrow({ where: { assignmentId }, include: { lines: { orderBy: { position: "asc" } } } });

const line = (invoiceId: string, fields: Record<string, string> = {}) =>
  ZSaveInvoiceLineSchema.parse({
    invoiceId,
    lineType: "OTHER",
    description: "Replacement valve",
    quantity: "1",
    unitCode: "C62",
    unitPrice: "200",
    taxPercent: "",
    estimateLineId: "",
    ...fields,
  });

describe("contractor invoices", () => {
  it("completing drafts the invoice from the time at the card's rates with the call-out; the contractor adds a line, submits; staff dispute, the contractor revises, staff approve and the task is invoiced", async () => {
    const { world, staff, desk, task, estimate } = await setUp();
    await complete(desk, task.id);
    const draft = await draftOf(task.id);
    expect(draft).toMatchObject({ status: "DRAFT", origin: "generated", noRateCard: false, currency: "GBP" });
    expect(draft.number).toMatch(/^INV-\d{5}$/);
    expect(
      draft.lines.map((l) => [l.kind, l.description, l.quantity.toString(), l.unitPrice?.toString(), l.estimateLineId]),
    ).toEqual([
      ["LABOUR", "Labour, normal", "3", "85", estimate.id],
      ["CALLOUT", "Call-out fee", "1", "60", null],
    ]);
    expect(draft.net.toString()).toBe("315");
    // Staff do not see a draft still being written.
    await expect(getInvoice(staff, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await saveInvoiceLine(desk, line(draft.id));
    const first = await submitInvoice(desk, { invoiceId: draft.id }, NOW);
    expect(first.status).toBe("SUBMITTED");
    // A second click finds it submitted and changes nothing.
    expect((await submitInvoice(desk, { invoiceId: draft.id }, NOW)).status).toBe("SUBMITTED");
    const seen = await getInvoice(staff, draft.id);
    expect(seen.revision).toBe(1);
    expect(seen.differences.map((d) => d.reason)).toEqual([
      "line not in the approved estimate",
      "line not in the approved estimate",
      "total £515.00 over not-to-exceed £400.00",
    ]);
    await expect(saveInvoiceLine(desk, line(draft.id))).rejects.toMatchObject({ code: "INVALID_TRANSITION" });

    const valve = seen.lines.find((l) => l.description === "Replacement valve")!;
    await disputeInvoice(
      staff,
      ZDisputeInvoiceSchema.parse({
        invoiceId: draft.id,
        revision: "1",
        [`reason.${valve.id}`]: "Not agreed: ask first",
      }),
    );
    expect(await db.emailOutbox.count({ where: { to: world.office.user.email, template: "invoice-decided" } })).toBe(1);
    // The contractor revises the disputed line and resubmits.
    await saveInvoiceLine(desk, line(draft.id, { lineId: valve.id, unitPrice: "25", description: "Valve washer" }));
    await submitInvoice(desk, { invoiceId: draft.id }, NOW);
    const revised = await getInvoice(staff, draft.id);
    expect(revised.revision).toBe(2);
    expect(revised.revisions.map((r) => [r.revision, r.gross.toString(), (r.disputes as unknown[]).length])).toEqual([
      [2, "408", 0],
      [1, "618", 1],
    ]);
    expect(revised.lines.every((l) => l.disputeReason === null)).toBe(true);

    // 85 × 3 + 60 + 25 = 340, within the 400 not-to-exceed: approvable, on the revision staff read.
    await expect(approveInvoice(staff, { invoiceId: draft.id, revision: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await approveInvoice(staff, { invoiceId: draft.id, revision: 2 });
    await expect(approveInvoice(staff, { invoiceId: draft.id, revision: 2 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/already approved/),
    });
    expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("INVOICED");
    const events = await db.timelineEvent.findMany({ where: { assignmentId: task.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["invoice.drafted", "invoice.submitted", "invoice.disputed", "invoice.approved"]),
    );

    await markInvoicePaid(staff, { invoiceId: draft.id, paidOn: "2026-12-01", reference: "BACS 991" });
    const csv = await new Response(exportApprovedInvoicesCsv(staff)).text();
    expect(csv.split(/\r?\n/).filter(Boolean)).toHaveLength(2);
    expect(csv).toContain(`${draft.number},${world.company.name}`);
    expect(csv).toContain("340.00,68.00,408.00,GBP,Paid,2026-12-01,BACS 991");
  });

  it("an invoice over the not-to-exceed waits for an increase; the approved increase joins the estimate and lets it through", async () => {
    const { world, staff, desk, task } = await setUp();
    await complete(desk, task.id);
    const draft = await draftOf(task.id);
    await saveInvoiceLine(desk, line(draft.id, { unitPrice: "150" }));
    await submitInvoice(desk, { invoiceId: draft.id }, NOW);
    await expect(approveInvoice(staff, { invoiceId: draft.id, revision: 1 })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
      message: expect.stringMatching(/total £465.00 over not-to-exceed £400.00.*Raise the not-to-exceed/),
    });

    const ask = ZRequestNteIncreaseSchema.parse({
      assignmentId: task.id,
      reason: "The valve had seized",
      "lines.0.description": "Replacement valve",
      "lines.0.quantity": "1",
      "lines.0.unitCode": "C62",
      "lines.0.unitPrice": "150",
      "lines.0.taxPercent": "",
      "lines.1.description": "",
      "lines.1.quantity": "",
      "lines.1.unitPrice": "",
    });
    const request = await requestNteIncrease(desk, ask);
    expect(request.requestedNotToExceed.toString()).toBe("550");
    await expect(requestNteIncrease(desk, ask)).rejects.toMatchObject({ code: "CONFLICT" });
    // The organisation's admin and its manager decide on money: both are told, once.
    expect(
      await db.emailOutbox.count({
        where: { template: "nte-increase-requested", organisationId: world.organisation.id },
      }),
    ).toBe(2);

    const decision = { requestId: request.id, decision: "approve" as const, note: null };
    expect((await decideNteIncrease(staff, decision)).notToExceed).toBe("550.00");
    await expect(decideNteIncrease(staff, decision)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.estimateLine.count({ where: { workOrderId: world.workOrder.id, approvedAt: { not: null } } })).toBe(
      2,
    );
    expect(
      await db.emailOutbox.count({ where: { to: world.office.user.email, template: "nte-increase-decided" } }),
    ).toBe(1);

    await approveInvoice(staff, { invoiceId: draft.id, revision: 1 });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("APPROVED");
  });

  it("work with no rate card in force is flagged and left unpriced: it cannot be submitted until priced", async () => {
    const { desk, task } = await setUp({ card: false });
    await complete(desk, task.id);
    const draft = await draftOf(task.id);
    expect(draft.noRateCard).toBe(true);
    expect(draft.lines.map((l) => [l.kind, l.unitPrice])).toEqual([["LABOUR", null]]);
    await expect(submitInvoice(desk, { invoiceId: draft.id }, NOW)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/Enter a price for line 1 \(Labour, normal\)/),
    });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("refuses a rate of 0 where a card is in force, a 501st line, and a number the company used already", async () => {
    const { desk, task } = await setUp();
    await complete(desk, task.id);
    const draft = await draftOf(task.id);
    const labourLine = draft.lines[0];
    await expect(
      saveInvoiceLine(desk, line(draft.id, { lineId: labourLine.id, unitPrice: "0", unitCode: "HUR" })),
    ).rejects.toMatchObject({ fieldErrors: { unitPrice: [expect.stringMatching(/rate card is in force/)] } });
    expect((await db.invoiceLine.findUniqueOrThrow({ where: { id: labourLine.id } })).unitPrice?.toString()).toBe("85");

    await db.invoiceLine.createMany({
      data: Array.from({ length: 498 }, (_, i) => ({
        invoiceId: draft.id,
        position: i + 3,
        description: `Line ${i}`,
        quantity: "1",
        unitPrice: "1",
        taxPercent: "20",
      })),
    });
    await expect(saveInvoiceLine(desk, line(draft.id))).rejects.toMatchObject({
      message: expect.stringMatching(/500 lines at most/),
    });
    expect(await db.invoiceLine.count({ where: { invoiceId: draft.id } })).toBe(500);

    await expect(createManualInvoice(desk, { assignmentId: task.id, number: draft.number })).rejects.toMatchObject({
      fieldErrors: { number: [expect.stringMatching(/already used/)] },
    });
    const manual = await createManualInvoice(desk, { assignmentId: task.id, number: undefined });
    expect(Number(manual.number.slice(4))).toBe(Number(draft.number.slice(4)) + 1);
  });

  it("an amount that fits the form but not an invoice is a field error, and changes nothing", async () => {
    const { desk, task } = await setUp();
    await complete(desk, task.id);
    const draft = await draftOf(task.id);
    expect(() => line(draft.id, { unitPrice: "999,999,999,999.99" })).toThrow("Enter at most 99,999,999,999.99");
    // 1,000,000 × 99,999,999,999.99 fits each field; the invoice's total cannot hold it.
    await expect(
      saveInvoiceLine(desk, line(draft.id, { quantity: "1000000", unitPrice: "99999999999.99" })),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: {
        unitPrice: [
          "With this line the invoice would total £119,999,999,999,988,378.00, more than an invoice can hold (£99,999,999,999.99): lower the quantity or the price",
        ],
      },
    });
    const after = await draftOf(task.id);
    expect([after.lines.length, after.gross.toString(), after.version]).toEqual([
      draft.lines.length,
      draft.gross.toString(),
      draft.version,
    ]);
  });

  it("a task sent back and completed again updates its one draft, keeping the office's own lines", async () => {
    const { staff, desk, task, world } = await setUp();
    await complete(desk, task.id);
    const draft = await draftOf(task.id);
    await saveInvoiceLine(desk, line(draft.id, { description: "Skip hire" }));
    await reviewAssignment(staff, { assignmentId: task.id, decision: "sendBack", reason: "Photos missing" });
    await db.timeEntry.create({
      data: {
        organisationId: world.organisation.id,
        assignmentId: task.id,
        personId: world.technician.person.id,
        workDate: new Date("2026-12-01T00:00:00Z"),
        minutes: 60,
        labourType: "OVERTIME",
      },
    });
    await complete(desk, task.id);
    expect(await db.invoice.count({ where: { assignmentId: task.id } })).toBe(1);
    const again = await draftOf(task.id);
    expect(again.id).toBe(draft.id);
    expect(again.lines.map((l) => l.description)).toEqual([
      "Labour, normal",
      "Labour, overtime",
      "Call-out fee",
      "Skip hire",
    ]);
  });

  it("auto-approves an invoice with nothing flagged, its document and an approved estimate, and says why", async () => {
    const { world, staff, desk, task } = await setUp();
    await db.organisation.update({ where: { id: world.organisation.id }, data: { invoiceAutoApprove: true } });
    await db.estimateLine.create({
      data: {
        organisationId: world.organisation.id,
        workOrderId: world.workOrder.id,
        position: 2,
        description: "Call-out",
        quantity: "1",
        unitCode: "C62",
        unitPrice: "60",
        taxPercent: "20",
        approvedAt: NOW,
      },
    });
    await complete(desk, task.id);
    const draft = await draftOf(task.id);
    // Without its document it waits for a person.
    const file = new File([PDF_BYTES], "INV-77.pdf", { type: "application/pdf" });
    const document = await attachInvoiceDocument(desk, { invoiceId: draft.id, file });
    // A draft's document is the contractor's own until it is submitted.
    const staffFiles = async () => (await listWorkOrderAttachments(staff, world.workOrder.id)).map((a) => a.id);
    expect(await staffFiles()).not.toContain(document.id);
    expect(await readAttachment(staff, document.id)).toBeNull();
    const result = await submitInvoice(desk, { invoiceId: draft.id }, NOW);
    expect(await staffFiles()).toContain(document.id);
    expect(result).toMatchObject({ status: "APPROVED", differences: [] });
    const approved = await db.invoice.findUniqueOrThrow({ where: { id: draft.id } });
    expect(approved.autoApproved).toBe(true);
    expect(approved.decisionNote).toMatch(
      /^Approved automatically: no difference outside the tolerances .*INV-77\.pdf/,
    );
    expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("INVOICED");
  });

  it("staff reject: the invoice stops counting towards the not-to-exceed; a rejected invoice cannot be edited", async () => {
    const { staff, desk, task } = await setUp();
    await complete(desk, task.id);
    const draft = await draftOf(task.id);
    await submitInvoice(desk, { invoiceId: draft.id }, NOW);
    await rejectInvoice(staff, { invoiceId: draft.id, revision: 1, reason: "Billed on INV-12 already" });
    await expect(saveInvoiceLine(desk, line(draft.id))).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    const second = await createManualInvoice(desk, { assignmentId: task.id, number: "CUSTOM-1" });
    await saveInvoiceLine(desk, line(second.id, { unitPrice: "300" }));
    await submitInvoice(desk, { invoiceId: second.id }, NOW);
    const seen = await getInvoice(staff, second.id);
    // 300 alone is within 400: the rejected invoice's 315 is not counted.
    expect(seen.differences.map((d) => d.code)).toEqual(["not_in_estimate"]);
  });

  it("a contractor sees only its own invoices; staff of another organisation get not found; lists total per status", async () => {
    const { world, staff, desk, task } = await setUp();
    await complete(desk, task.id);
    const draft = await draftOf(task.id);
    await submitInvoice(desk, { invoiceId: draft.id }, NOW);

    const rival = await createContractorCompany(db, [world.organisation.id]);
    const rivalOffice = (await loadDeskActor((await createContractorPerson(db, rival.id, "OFFICE")).user.id))!;
    const techAsDesk = await loadDeskActor(world.technician.user.id);
    const otherOrg = await createWorld(db);
    const otherStaff = (await loadStaffActor(otherOrg.admin.id))!;
    for (const outsider of [rivalOffice, otherStaff])
      await expect(getInvoice(outsider, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveInvoiceLine(rivalOffice, line(draft.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createManualInvoice(rivalOffice, { assignmentId: task.id, number: undefined })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(approveInvoice(otherStaff, { invoiceId: draft.id, revision: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A technician holds no Desk role that reads invoices.
    if (techAsDesk) await expect(getInvoice(techAsDesk, draft.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listInvoices(rivalOffice, undefined)).rows).toHaveLength(0);
    expect((await listInvoices(otherStaff, undefined)).rows).toHaveLength(0);

    const mine = await listInvoices(desk, "SUBMITTED");
    expect(mine.rows.map((r) => r.id)).toEqual([draft.id]);
    expect(mine.totals.gross).toEqual([{ currency: "GBP", total: "378.00" }]);
    expect((await listInvoices(staff, undefined)).counts).toEqual({ SUBMITTED: 1 });
  });

  it("lists a page at a time, newest first, each invoice once, ties on time in id order", async () => {
    const { desk, task } = await setUp();
    await createManualInvoice(desk, { assignmentId: task.id, number: "A-1" });
    await createManualInvoice(desk, { assignmentId: task.id, number: "A-2" });
    await createManualInvoice(desk, { assignmentId: task.id, number: "A-3" });
    // Two made in the same millisecond still page apart.
    const mine = await db.invoice.findMany({ where: { assignmentId: task.id }, orderBy: { number: "asc" } });
    await db.invoice.updateMany({ where: { id: { in: mine.map((i) => i.id) } }, data: { createdAt: NOW } });
    const first = await listInvoices(desk, "DRAFT", undefined, 2);
    expect(first.rows).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await listInvoices(desk, "DRAFT", first.nextCursor!, 2);
    expect(second.rows).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.after).toBe(first.nextCursor);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.number))).toEqual(new Set(["A-1", "A-2", "A-3"]));
    // The totals and counts are of the whole status, not of the page.
    expect(second.totals.count).toBe(3);
    // A cursor edited by hand reads as the first page.
    expect((await listInvoices(desk, "DRAFT", "not-a-cursor", 2)).rows.map((r) => r.id)).toEqual(
      first.rows.map((r) => r.id),
    );
  });
});

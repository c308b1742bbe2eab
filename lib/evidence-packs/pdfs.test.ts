import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { getInvoice } from "@/lib/invoices/get-invoice";
import { renderInvoicePdf } from "@/lib/invoices/render-invoice-pdf";
import { storage } from "@/lib/storage/storage";
import { serviceReportPdf } from "@/lib/work-orders/service-report";
import { renderWorkOrderPdf } from "@/lib/work-orders/render-work-order-pdf";
import { deskWorkOrderSheet } from "@/lib/work-orders/work-order-sheets";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createServiceTasks,
  createWorld,
} from "@/prisma/factories";
import { PNG_BYTES } from "@/tests/sample-files";
import { pdfText as pdfTextWrapped } from "@/tests/pdf-text";

// Lines wrapped in the PDF read as one line here.
const pdfText = async (bytes: Uint8Array) => (await pdfTextWrapped(bytes)).replace(/\s*\n\s*/g, " ");
import { makeEvidencePack } from "./make-evidence-pack";
import { makeEvidencePackApart } from "./make-evidence-pack-apart";
import { readEvidencePack } from "./read-evidence-pack";
import { requestEvidencePack } from "./request-evidence-pack";
import { VERIFY_LIMIT, verifyEvidencePack } from "./verify-evidence-pack";

const SIGNATURE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100"><path d="M 10 50 C 50 10 100 90 150 50 L 290 50" fill="none" stroke="black" stroke-width="2"/></svg>';

// A work order at a site in Tokyo, first given to a Łódź company that declined it, then
// done by a second company: results, a check-in, a defect with its photo, signatures,
// messages with both companies, internal notes, and an invoice.
async function setUp() {
  const world = await createWorld(db);
  await db.contractorCompany.update({
    where: { id: world.company.id },
    data: { name: "Serwis Łódź sp. z o.o.", address: "ul. Piotrkowska 1, 90-001 Łódź" },
  });
  await db.site.update({
    where: { id: world.site.id },
    data: { name: "東京オフィス", addressLine1: "千代田区丸の内1-1", city: "東京", timezone: "Asia/Tokyo" },
  });
  await db.workOrder.update({
    where: { id: world.workOrder.id },
    data: {
      title: "Boiler service",
      description: "Annual service",
      internalNotes: "Tenant is difficult",
      purchaseOrder: "PO-77",
    },
  });
  const first = await createContractorCompany(db, [world.organisation.id], { name: "First Heating Ltd" });
  const firstOffice = await createContractorPerson(db, first.id, "OFFICE");
  const declined = await createAssignment(db, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: first.id,
    status: "DECLINED",
  });
  await db.message.create({
    data: {
      organisationId: world.organisation.id,
      workOrderId: world.workOrder.id,
      assignmentId: declined.id,
      authorId: firstOffice.user.id,
      body: "We cannot reach the site this month",
    },
  });
  const task = await createAssignment(db, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: world.company.id,
    status: "COMPLETED",
    technicianIds: [world.technician.person.id],
  });
  // 09:00 in Tokyo on 7 December.
  await db.assignment.update({ where: { id: task.id }, data: { scheduledAt: new Date("2026-12-07T00:00:00Z") } });
  const [check, reading] = await createServiceTasks(db, world.workOrder);
  await db.serviceTask.update({ where: { id: check.id }, data: { result: "PASS", completedAt: new Date() } });
  await db.serviceTask.update({ where: { id: reading.id }, data: { reading: 12.5, completedAt: new Date() } });
  await db.checkIn.create({
    data: {
      organisationId: world.organisation.id,
      assignmentId: task.id,
      userId: world.technician.user.id,
      deviceAt: new Date("2026-12-01T01:00:00Z"),
      latitude: 35.68123,
      longitude: 139.76712,
      accuracyM: 12,
    },
  });
  const defect = await db.defect.create({
    data: {
      organisationId: world.organisation.id,
      assignmentId: task.id,
      severity: "HIGH",
      description: "Flue corroded",
    },
  });
  const storageKey = `${world.organisation.id}/test/${task.id}.png`;
  await storage().put(storageKey, PNG_BYTES, "image/png");
  await db.attachment.create({
    data: {
      organisationId: world.organisation.id,
      workOrderId: world.workOrder.id,
      assignmentId: task.id,
      defectId: defect.id,
      kind: "PHOTO",
      filename: "flue.png",
      contentType: "image/png",
      sizeBytes: PNG_BYTES.byteLength,
      sha256: "ab".repeat(32),
      storageKey,
    },
  });
  for (const [signerRole, signerName] of [
    ["TECHNICIAN", "Terry Tech"],
    ["ON_SITE_CLIENT", "山田太郎"],
  ] as const)
    await db.signature.create({
      data: {
        organisationId: world.organisation.id,
        assignmentId: task.id,
        signerRole,
        signerName,
        imageSvg: SIGNATURE,
      },
    });
  await db.message.create({
    data: {
      organisationId: world.organisation.id,
      workOrderId: world.workOrder.id,
      assignmentId: task.id,
      authorId: world.office.user.id,
      body: "Parts ordered",
    },
  });
  const staff = (await loadStaffActor(world.admin.id))!;
  const desk = (await loadDeskActor(world.office.user.id))!;
  const firstDesk = (await loadDeskActor(firstOffice.user.id))!;
  return { world, task, staff, desk, firstDesk };
}

describe("PDFs", () => {
  it("the invoice, the work order and the service report print the page's data, names in any script included", async () => {
    const { world, task, staff, desk } = await setUp();
    const invoice = await db.invoice.create({
      data: {
        organisationId: world.organisation.id,
        contractorCompanyId: world.company.id,
        assignmentId: task.id,
        workOrderId: world.workOrder.id,
        number: "INV-00042",
        origin: "manual",
        currency: "GBP",
        issueDate: new Date("2026-12-01T00:00:00Z"),
        status: "SUBMITTED",
        lines: {
          create: [
            {
              position: 1,
              kind: "LABOUR",
              labourType: "NORMAL",
              description: "Labour, normal",
              quantity: "3",
              unitCode: "HUR",
              unitPrice: "85",
              taxPercent: "20",
            },
            {
              position: 2,
              kind: "OTHER",
              description: "Flue liner",
              quantity: "2",
              unitCode: "MTR",
              unitPrice: "12.5",
              taxPercent: "5",
            },
          ],
        },
      },
    });
    const invoiceText = await pdfText(await renderInvoicePdf(await getInvoice(staff, invoice.id)));
    for (const expected of [
      "Invoice INV-00042",
      "Serwis Łódź sp. z o.o.",
      "ul. Piotrkowska 1, 90-001 Łódź",
      "東京オフィス",
      "Labour, normal",
      "3 hours",
      "£85.00",
      "2 metres",
      "£255.00",
      "Tax at 20 % on £255.00",
      "£51.00",
      "Tax at 5 % on £25.00",
      "£1.25",
      "Total with tax",
      "£332.25",
      "PO-77",
    ])
      expect(invoiceText).toContain(expected);

    const sheetText = await pdfText(await renderWorkOrderPdf(await deskWorkOrderSheet(desk, task.id)));
    for (const expected of [
      "Work order #",
      "Boiler service",
      "千代田区丸の内1-1",
      "Key safe by the side gate",
      "PO-77",
      "Burner pressure",
      "9 to 11 mbar",
    ])
      expect(sheetText).toContain(expected);
    expect(sheetText).not.toContain("Tenant is difficult");
    // The visit names its zone once ("09:00 Tokyo time (Tokyo time)" before).
    expect(sheetText).toContain("Mon 7 Dec 2026, 09:00 Tokyo time");
    expect(sheetText.match(/Tokyo time/g)).toHaveLength(1);

    const started = performance.now();
    const report = await serviceReportPdf(staff, { workOrderId: world.workOrder.id });
    expect(performance.now() - started).toBeLessThan(5_000);
    const reportText = await pdfText(report.bytes);
    for (const expected of [
      "Service report: Boiler service",
      "Flue gas analysis",
      "Pass",
      "12.5 mbar (out of range)",
      "9 to 11 mbar",
      "35.68123, 139.76712 (±12 m)",
      "high",
      "Flue corroded",
      "Defect: flue.png",
      "Technician: Terry Tech",
      "Client on site: 山田太郎",
    ])
      expect(reportText).toContain(expected);
  });

  it("an evidence pack holds what its reader may see, records its SHA-256, and verifies only unaltered", async () => {
    const { world, task, staff, desk, firstDesk } = await setUp();
    const staffPack = await requestEvidencePack(staff, { workOrderId: world.workOrder.id });
    // A second click while it is prepared is the same pack.
    expect((await requestEvidencePack(staff, { workOrderId: world.workOrder.id })).id).toBe(staffPack.id);
    const deskPack = await requestEvidencePack(desk, { assignmentId: task.id });
    await expect(readEvidencePack(staff, staffPack.id)).rejects.toMatchObject({ code: "CONFLICT" });
    // As the job does: in a process of its own.
    await makeEvidencePackApart(staffPack.id);
    await makeEvidencePack(deskPack.id);
    await makeEvidencePack(deskPack.id); // a job run twice changes nothing

    const staffBytes = (await readEvidencePack(staff, staffPack.id)).bytes;
    const staffText = await pdfText(staffBytes);
    for (const expected of [
      "Evidence pack: work order #",
      "Tenant is difficult",
      "We cannot reach the site this month",
      "Parts ordered",
      "Flue corroded",
      "flue.png",
      "Client on site: 山田太郎",
    ])
      expect(staffText).toContain(expected);
    // The file's SHA-256 in full (the table wraps it).
    expect(staffText.replace(/\s+/g, "")).toContain("ab".repeat(32));

    const deskBytes = (await readEvidencePack(desk, deskPack.id)).bytes;
    const deskText = await pdfText(deskBytes);
    expect(deskText).toContain("Parts ordered");
    expect(deskText).toContain("Flue corroded");
    expect(deskText).not.toContain("Tenant is difficult");
    expect(deskText).not.toContain("We cannot reach the site this month");
    expect(deskText).not.toContain("First Heating");

    // Each reader only reaches its own packs; another organisation's staff not at all.
    const other = await createWorld(db);
    const otherStaff = (await loadStaffActor(other.admin.id))!;
    for (const [reader, packId] of [
      [desk, staffPack.id],
      [firstDesk, deskPack.id],
      [otherStaff, staffPack.id],
      [staff, deskPack.id],
    ] as const)
      await expect(readEvidencePack(reader, packId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(requestEvidencePack(otherStaff, { workOrderId: world.workOrder.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(requestEvidencePack(firstDesk, { assignmentId: task.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const verdict = await verifyEvidencePack(staffBytes, ip);
    expect(verdict).toMatchObject({ verified: true, workOrderNumber: world.workOrder.number });
    const changed = new Uint8Array(staffBytes);
    changed[Math.floor(changed.length / 2)] ^= 0x01;
    expect((await verifyEvidencePack(changed, ip)).verified).toBe(false);
    for (let n = 2; n < VERIFY_LIMIT.perIp; n++) await verifyEvidencePack(changed, ip);
    await expect(verifyEvidencePack(staffBytes, ip)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

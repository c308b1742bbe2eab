import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor, loadTechActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { storage } from "@/lib/storage/storage";
import { createAccreditation, createAssignment, createContractorPerson, createWorld, newId } from "@/prisma/factories";
import { PDF_BYTES } from "@/tests/sample-files";
import { listTaskAttachments, readAttachment, readAttachmentInAnyRole } from "./list-attachments";
import { uploadAttachment } from "./upload-attachment";

const file = (name: string, bytes: Uint8Array = PDF_BYTES) => new File([new Uint8Array(bytes)], name);

describe("attachments", () => {
  it("staff documents reach the assigned contractor and technician; contractor files reach staff; nobody else sees any", async () => {
    const world = await createWorld(db);
    const other = await createWorld(db);
    const task = await createAssignment(db, {
      workOrderId: world.workOrder.id,
      contractorCompanyId: world.company.id,
      status: "ACCEPTED",
      technicianIds: [world.technician.person.id],
    });
    const staff = (await loadStaffActor(world.admin.id))!;
    const desk = (await loadDeskActor(world.office.user.id))!;
    const tech = (await loadTechActor(world.technician.user.id))!;

    const brief = await uploadAttachment(staff, {
      workOrderId: world.workOrder.id,
      kind: "CLIENT_DOCUMENT",
      file: file("brief.pdf"),
    });
    const report = await uploadAttachment(desk, { assignmentId: task.id, kind: "REPORT", file: file("report.pdf") });
    expect(brief).toMatchObject({
      contentType: "application/pdf",
      sizeBytes: PDF_BYTES.byteLength,
      organisationId: world.organisation.id,
    });
    expect(Buffer.from(await storage().get(report.storageKey)).equals(Buffer.from(PDF_BYTES))).toBe(true);

    expect((await listTaskAttachments(desk, task)).map((a) => a.filename)).toEqual(["brief.pdf", "report.pdf"]);
    expect((await listTaskAttachments(tech, task)).map((a) => a.filename)).toEqual(["brief.pdf"]);
    expect(await readAttachment(staff, report.id)).not.toBeNull();

    const outsiders = [
      (await loadStaffActor(other.admin.id))!,
      (await loadDeskActor(other.office.user.id))!,
      (await loadTechActor(other.technician.user.id))!,
    ];
    for (const outsider of outsiders) {
      expect(await readAttachment(outsider, brief.id)).toBeNull();
      expect(await readAttachment(outsider, report.id)).toBeNull();
    }
    await expect(
      uploadAttachment(outsiders[1] as never, { assignmentId: task.id, kind: "REPORT", file: file("x.pdf") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      uploadAttachment(outsiders[0] as never, {
        workOrderId: world.workOrder.id,
        kind: "CLIENT_DOCUMENT",
        file: file("x.pdf"),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.attachment.count({ where: { workOrderId: world.workOrder.id } })).toBe(2);
  });

  it("a technician reaches the client's documents and the photos of their task and their own certificates, nothing else", async () => {
    const world = await createWorld(db);
    const task = await createAssignment(db, {
      workOrderId: world.workOrder.id,
      contractorCompanyId: world.company.id,
      status: "COMPLETED",
      technicianIds: [world.technician.person.id],
    });
    const colleague = await createContractorPerson(db, world.company.id, "TECHNICIAN");
    const tech = (await loadTechActor(world.technician.user.id))!;
    const invoice = (number: string, status: "DRAFT" | "SUBMITTED") =>
      db.invoice.create({
        data: {
          organisationId: world.organisation.id,
          contractorCompanyId: world.company.id,
          assignmentId: task.id,
          workOrderId: world.workOrder.id,
          number,
          origin: "manual",
          currency: "GBP",
          issueDate: new Date(),
          status,
        },
      });
    const draft = await invoice("INV-T1", "DRAFT");
    const submitted = await invoice("INV-T2", "SUBMITTED");
    const cost = await db.costEntry.create({
      data: {
        organisationId: world.organisation.id,
        assignmentId: task.id,
        description: "Valve",
        quantity: "1",
        unitCost: "12",
      },
    });
    const stored = (
      kind: "CLIENT_DOCUMENT" | "PHOTO" | "INVOICE" | "RECEIPT" | "REPORT" | "ACCREDITATION",
      data = {},
    ) =>
      db.attachment.create({
        data: {
          organisationId: world.organisation.id,
          kind,
          filename: `${kind.toLowerCase()}.pdf`,
          contentType: "application/pdf",
          sizeBytes: 1,
          sha256: "0".repeat(64),
          storageKey: `test/${newId()}`,
          ...data,
        },
      });
    const certificate = async (personId?: string) => {
      const document = await stored("ACCREDITATION", { organisationId: null, contractorCompanyId: world.company.id });
      await createAccreditation(db, {
        contractorCompanyId: world.company.id,
        personId,
        type: "Gas Safe",
        expiresAt: new Date(Date.now() + 86_400_000),
      }).then((a) => db.accreditation.update({ where: { id: a.id }, data: { documentId: document.id } }));
      return document;
    };
    const reachable = [
      await stored("CLIENT_DOCUMENT", { workOrderId: world.workOrder.id }),
      await stored("PHOTO", { workOrderId: world.workOrder.id, assignmentId: task.id }),
      await certificate(world.technician.person.id),
    ];
    const unreachable = [
      await stored("INVOICE", { assignmentId: task.id, invoiceId: draft.id }),
      await stored("INVOICE", { assignmentId: task.id, invoiceId: submitted.id }),
      await stored("RECEIPT", { assignmentId: task.id, costEntryId: cost.id }),
      await stored("REPORT", { assignmentId: task.id }),
      await certificate(colleague.person.id),
      await certificate(),
    ];
    for (const file of reachable) expect(await readAttachmentInAnyRole([tech], file.id), file.kind).not.toBeNull();
    for (const file of unreachable) expect(await readAttachmentInAnyRole([tech], file.id), file.kind).toBeNull();
  });

  it("a refused file stores nothing and records nothing", async () => {
    const world = await createWorld(db);
    const staff = (await loadStaffActor(world.admin.id))!;
    await expect(
      uploadAttachment(staff, {
        workOrderId: world.workOrder.id,
        kind: "CLIENT_DOCUMENT",
        file: file("evil.pdf", new TextEncoder().encode("MZ not really a pdf")),
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.attachment.count({ where: { workOrderId: world.workOrder.id } })).toBe(0);
    expect(
      await db.timelineEvent.count({ where: { workOrderId: world.workOrder.id, type: "attachment.uploaded" } }),
    ).toBe(0);
  });

  it("a person with a role in two companies reads each company's files through the role that reaches them", async () => {
    const officeWorld = await createWorld(db);
    const fieldWorld = await createWorld(db);
    // Office staff for one company, and a technician for another.
    const user = officeWorld.office.user;
    const technicianPerson = await db.contractorPerson.create({
      data: { contractorCompanyId: fieldWorld.company.id, userId: user.id, role: "TECHNICIAN" },
    });
    await createAssignment(db, {
      workOrderId: fieldWorld.workOrder.id,
      contractorCompanyId: fieldWorld.company.id,
      status: "SCHEDULED",
      technicianIds: [technicianPerson.id],
    });
    const fieldStaff = (await loadStaffActor(fieldWorld.admin.id))!;
    const manual = await uploadAttachment(fieldStaff, {
      workOrderId: fieldWorld.workOrder.id,
      kind: "CLIENT_DOCUMENT",
      file: file("manual.pdf"),
    });
    await createAssignment(db, {
      workOrderId: officeWorld.workOrder.id,
      contractorCompanyId: officeWorld.company.id,
      status: "ACCEPTED",
    });
    const officeBrief = await uploadAttachment((await loadStaffActor(officeWorld.admin.id))!, {
      workOrderId: officeWorld.workOrder.id,
      kind: "CLIENT_DOCUMENT",
      file: file("brief.pdf"),
    });

    const desk = (await loadDeskActor(user.id))!;
    const tech = (await loadTechActor(user.id))!;
    expect(await readAttachment(desk, manual.id)).toBeNull();
    expect((await readAttachmentInAnyRole([desk, tech], manual.id))?.id).toBe(manual.id);
    expect((await readAttachmentInAnyRole([desk, tech], officeBrief.id))?.id).toBe(officeBrief.id);

    // Another company's technician, even holding every role they have, reads neither.
    const outsider = (await loadTechActor((await createWorld(db)).technician.user.id))!;
    expect(await readAttachmentInAnyRole([outsider], manual.id)).toBeNull();
    expect(await readAttachmentInAnyRole([], manual.id)).toBeNull();
  });
});

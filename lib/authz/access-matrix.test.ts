import { beforeAll, describe, expect, it } from "vitest";
import { acceptAssignment } from "@/lib/assignments/accept-assignment";
import { assignContractor } from "@/lib/assignments/assign-contractor";
import { assignTechnicians } from "@/lib/assignments/assign-technicians";
import { getDeskTask } from "@/lib/assignments/get-desk-task";
import { getTechnicianTask } from "@/lib/assignments/list-technician-tasks";
import { listTaskSnapshots } from "@/lib/sync/task-snapshots";
import { listDeskTasks } from "@/lib/assignments/list-desk-tasks";
import {
  loadDeskActor,
  loadStaffActor,
  loadTechActor,
  type TDeskActor,
  type TStaffActor,
  type TTechActor,
} from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getPortalWorkOrder } from "@/lib/portal/get-portal-work-order";
import { resolvePortalLink } from "@/lib/portal/resolve-portal-link";
import { revokePortalLink, sendPortalLink } from "@/lib/portal/send-portal-link";
import { listSites } from "@/lib/sites/list-sites";
import { getWorkOrder } from "@/lib/work-orders/get-work-order";
import { listWorkOrders } from "@/lib/work-orders/list-work-orders";
import { ZWorkOrderListSchema } from "@/lib/work-orders/schemas";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createSite,
  createStaffUser,
  createWorkOrder,
} from "@/prisma/factories";
import { decideMailboxAccess } from "./mailbox";
import { deskCompaniesAllowed, deskCompaniesWith, staffCan } from "./permissions";
import {
  listTaskAttachments,
  listWorkOrderAttachments,
  readAttachment,
  readAttachmentInAnyRole,
} from "@/lib/attachments/list-attachments";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { listMailbox } from "@/lib/email/list-mailbox";
import { listCompanyPeople, resetCompanyPersonPassword, updateCompanyPerson } from "@/lib/people/company-people";
import { editableFieldsFingerprint } from "@/lib/work-orders/editable-fields";
import { deleteSavedFilter, listSavedFilters, saveFilter } from "@/lib/work-orders/saved-filters";
import { updateWorkOrder } from "@/lib/work-orders/update-work-order";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

// Two client organisations; A has two contractor companies, B has one. Company A1 also
// works for B, so its office person has one inbox across both clients.
async function buildWorld() {
  const orgA = await createOrganisation(db);
  const orgB = await createOrganisation(db);
  const staffA = await createStaffUser(db, orgA.id, "ADMIN");
  const coordinatorA = await createStaffUser(db, orgA.id, "COORDINATOR");
  const staffB = await createStaffUser(db, orgB.id, "ADMIN");
  const companyA1 = await createContractorCompany(db, [orgA.id, orgB.id]);
  const companyA2 = await createContractorCompany(db, [orgA.id]);
  const companyB = await createContractorCompany(db, [orgB.id]);
  const officeA1 = await createContractorPerson(db, companyA1.id, "OFFICE");
  const techA1 = await createContractorPerson(db, companyA1.id, "TECHNICIAN");
  const techA1b = await createContractorPerson(db, companyA1.id, "TECHNICIAN");
  const officeA2 = await createContractorPerson(db, companyA2.id, "OFFICE");
  const techA2 = await createContractorPerson(db, companyA2.id, "TECHNICIAN");
  const techB = await createContractorPerson(db, companyB.id, "TECHNICIAN");
  const siteA = await createSite(db, orgA.id);
  const siteB = await createSite(db, orgB.id);
  const woA1 = await createWorkOrder(db, { organisationId: orgA.id, siteId: siteA.id, title: "A1 job" });
  const woA2 = await createWorkOrder(db, { organisationId: orgA.id, siteId: siteA.id, title: "A2 job" });
  const woA3 = await createWorkOrder(db, { organisationId: orgA.id, siteId: siteA.id, title: "A3 unassigned" });
  const woB = await createWorkOrder(db, { organisationId: orgB.id, siteId: siteB.id, title: "B job" });
  const woBforA1 = await createWorkOrder(db, { organisationId: orgB.id, siteId: siteB.id, title: "B job for A1" });
  const taskA1 = await createAssignment(db, {
    workOrderId: woA1.id,
    contractorCompanyId: companyA1.id,
    status: "SCHEDULED",
    technicianIds: [techA1.person.id],
  });
  const taskA2 = await createAssignment(db, {
    workOrderId: woA2.id,
    contractorCompanyId: companyA2.id,
    status: "SCHEDULED",
    technicianIds: [techA2.person.id],
  });
  const taskB = await createAssignment(db, {
    workOrderId: woB.id,
    contractorCompanyId: companyB.id,
    status: "SCHEDULED",
    technicianIds: [techB.person.id],
  });
  const taskBforA1 = await createAssignment(db, {
    workOrderId: woBforA1.id,
    contractorCompanyId: companyA1.id,
    status: "OFFERED",
  });
  return {
    orgA,
    orgB,
    staffA,
    coordinatorA,
    staffB,
    companyA1,
    companyA2,
    companyB,
    officeA1,
    officeA2,
    techA1,
    techA1b,
    techA2,
    techB,
    siteA,
    siteB,
    woA1,
    woA2,
    woA3,
    woB,
    taskA1,
    taskA2,
    taskB,
    taskBforA1,
  };
}

let w: Awaited<ReturnType<typeof buildWorld>>;
let staff: TStaffActor;
let desk: TDeskActor;
let tech: TTechActor;

beforeAll(async () => {
  w = await buildWorld();
  staff = (await loadStaffActor(w.staffA.id))!;
  desk = (await loadDeskActor(w.officeA1.user.id))!;
  tech = (await loadTechActor(w.techA1.user.id))!;
});

describe("actors", () => {
  it("each person resolves only to their own audience", async () => {
    expect(staff.organisationId).toBe(w.orgA.id);
    expect(desk.companies.map((c) => c.companyId)).toEqual([w.companyA1.id]);
    expect(await loadDeskActor(w.techA1.user.id)).toBeNull();
    expect(await loadStaffActor(w.officeA1.user.id)).toBeNull();
    expect(await loadStaffActor(w.techA1.user.id)).toBeNull();
  });

  it("a deactivated person resolves to nobody", async () => {
    const gone = await createContractorPerson(db, w.companyA1.id, "OFFICE");
    await db.user.update({ where: { id: gone.user.id }, data: { deactivatedAt: new Date() } });
    expect(await loadDeskActor(gone.user.id)).toBeNull();
  });
});

describe("client staff", () => {
  it("reads a work order of their organisation", async () => {
    expect((await getWorkOrder(staff, w.woA1.id)).title).toBe("A1 job");
  });
  it("cannot read another organisation's work order (not found, so ids cannot be probed)", async () => {
    expect(await codeOf(getWorkOrder(staff, w.woB.id))).toBe("NOT_FOUND");
    expect(await codeOf(getWorkOrder(staff, "not-an-id"))).toBe("NOT_FOUND");
  });
  it("lists only their organisation's work orders and sites", async () => {
    const { rows } = await listWorkOrders(staff, ZWorkOrderListSchema.parse({}));
    expect(rows.map((r) => r.title).sort()).toEqual(["A1 job", "A2 job", "A3 unassigned"]);
    expect((await listSites(staff)).map((s) => s.id)).toEqual([w.siteA.id]);
  });
  it("cannot assign another organisation's work order, nor to a contractor outside the network", async () => {
    expect(await codeOf(assignContractor(staff, { workOrderId: w.woB.id, contractorCompanyId: w.companyA1.id }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(assignContractor(staff, { workOrderId: w.woA3.id, contractorCompanyId: w.companyB.id }))).toBe(
      "INVALID_INPUT",
    );
    expect(await db.assignment.count({ where: { workOrderId: w.woA3.id } })).toBe(0);
  });
  it("roles: coordinators cannot send customer links or read the mailbox; admins can", async () => {
    const coordinator = (await loadStaffActor(w.coordinatorA.id))!;
    expect(staffCan(coordinator, "portal.send")).toBe(false);
    expect(staffCan(coordinator, "mailbox.read")).toBe(false);
    expect(staffCan(coordinator, "workOrder.assign")).toBe(true);
    expect(staffCan(staff, "mailbox.read")).toBe(true);
  });
});

describe("contractor desk", () => {
  it("reads its own company's task", async () => {
    expect((await getDeskTask(desk, w.taskA1.id)).workOrder.title).toBe("A1 job");
  });
  it("never sees the client's internal notes", async () => {
    await db.workOrder.update({ where: { id: w.woA1.id }, data: { internalNotes: "secret" } });
    expect(JSON.stringify(await getDeskTask(desk, w.taskA1.id))).not.toContain("secret");
  });
  it("cannot read another company's task in the same organisation, nor another organisation's", async () => {
    expect(await codeOf(getDeskTask(desk, w.taskA2.id))).toBe("NOT_FOUND");
    expect(await codeOf(getDeskTask(desk, w.taskB.id))).toBe("NOT_FOUND");
  });
  it("lists its tasks from every client, and nothing else", async () => {
    const ids = (await listDeskTasks(desk)).rows.map((t) => t.id).sort();
    expect(ids).toEqual([w.taskA1.id, w.taskBforA1.id].sort());
  });
  it("cannot accept another company's task: nothing changes", async () => {
    const tasks = await db.assignment.create({
      data: { organisationId: w.orgA.id, workOrderId: w.woA3.id, contractorCompanyId: w.companyA2.id },
    });
    expect(await codeOf(acceptAssignment(desk, { assignmentId: tasks.id }))).toBe("NOT_FOUND");
    expect((await db.assignment.findUniqueOrThrow({ where: { id: tasks.id } })).status).toBe("OFFERED");
    await db.assignment.delete({ where: { id: tasks.id } });
  });
  it("cannot assign another company's technician to its task", async () => {
    expect(await codeOf(assignTechnicians(desk, { assignmentId: w.taskA1.id, personIds: [w.techA2.person.id] }))).toBe(
      "INVALID_INPUT",
    );
    expect(await codeOf(assignTechnicians(desk, { assignmentId: w.taskA2.id, personIds: [w.techA2.person.id] }))).toBe(
      "NOT_FOUND",
    );
    expect(await db.assignmentTechnician.count({ where: { personId: w.techA2.person.id } })).toBe(1);
  });
  it("office people cannot manage the company; that is for its admins", () => {
    expect(deskCompaniesAllowed(desk, "company.manage")).toEqual([]);
    expect(deskCompaniesAllowed(desk, "task.respond")).toEqual([w.companyA1.id]);
  });
});

describe("technician", () => {
  it("reads only tasks assigned to them", async () => {
    expect((await getTechnicianTask(tech, w.taskA1.id)).workOrder.title).toBe("A1 job");
    expect((await listTaskSnapshots(tech)).tasks.map((t) => t.id)).toEqual([w.taskA1.id]);
  });
  it("cannot read a colleague's task, another company's or another organisation's", async () => {
    const colleague = (await loadTechActor(w.techA1b.user.id))!;
    expect(await codeOf(getTechnicianTask(colleague, w.taskA1.id))).toBe("NOT_FOUND");
    expect(await codeOf(getTechnicianTask(tech, w.taskA2.id))).toBe("NOT_FOUND");
    expect(await codeOf(getTechnicianTask(tech, w.taskB.id))).toBe("NOT_FOUND");
    expect(await codeOf(getTechnicianTask(tech, "../../etc"))).toBe("NOT_FOUND");
  });
});

describe("portal links", () => {
  const sendLink = async (workOrderId: string, email: string, expiresInHours: number) =>
    (await sendPortalLink(staff, { workOrderId, view: "progress", emails: [email], message: null, expiresInHours }))
      .sent[0];
  it("open exactly one work order and nothing else", async () => {
    const { url } = await sendLink(w.woA1.id, "customer@example.test", 48);
    const secret = url.split("/l/")[1];
    const link = await resolvePortalLink(secret, meta);
    const view = await getPortalWorkOrder(link);
    expect(view.workOrder.title).toBe("A1 job");
    expect(JSON.stringify(view)).not.toContain("secret");
    expect(link.workOrderId).toBe(w.woA1.id);
  });
  it("refuse expired and revoked links, and unknown or malformed ones", async () => {
    const expired = await sendLink(w.woA1.id, "c@example.test", 1);
    await db.accessToken.update({ where: { id: expired.tokenId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await codeOf(resolvePortalLink(expired.url.split("/l/")[1], meta))).toBe("LINK_EXPIRED");
    const revoked = await sendLink(w.woA1.id, "c@example.test", 48);
    await revokePortalLink(staff, revoked.tokenId);
    expect(await codeOf(resolvePortalLink(revoked.url.split("/l/")[1], meta))).toBe("LINK_EXPIRED");
    expect(await codeOf(resolvePortalLink("A".repeat(43), meta))).toBe("NOT_FOUND");
    expect(await codeOf(resolvePortalLink("short", meta))).toBe("NOT_FOUND");
  });
  it("cannot be sent for, or revoked in, another organisation", async () => {
    expect(await codeOf(sendLink(w.woB.id, "c@example.test", 48))).toBe("NOT_FOUND");
    const staffB = (await loadStaffActor(w.staffB.id))!;
    const mine = await sendLink(w.woA1.id, "c@example.test", 48);
    expect(await codeOf(revokePortalLink(staffB, mine.tokenId))).toBe("NOT_FOUND");
  });
});

// The rules that moved into lib/authz: each one tried from the other side of a boundary.
describe("rules decided in lib/authz", () => {
  it("files: a contractor lists its own task's files and the client's documents of its task, never another company's", async () => {
    const mine = await db.attachment.create({
      data: {
        organisationId: w.orgA.id,
        workOrderId: w.woA1.id,
        assignmentId: w.taskA1.id,
        kind: "REPORT",
        filename: "a1.pdf",
        contentType: "application/pdf",
        sizeBytes: 1,
        sha256: "a",
        storageKey: `matrix/${w.taskA1.id}/a1`,
      },
    });
    const theirs = await db.attachment.create({
      data: {
        organisationId: w.orgA.id,
        workOrderId: w.woA2.id,
        assignmentId: w.taskA2.id,
        kind: "REPORT",
        filename: "a2.pdf",
        contentType: "application/pdf",
        sizeBytes: 1,
        sha256: "b",
        storageKey: `matrix/${w.taskA2.id}/a2`,
      },
    });
    const clientDoc = await db.attachment.create({
      data: {
        organisationId: w.orgA.id,
        workOrderId: w.woA2.id,
        kind: "CLIENT_DOCUMENT",
        filename: "plan.pdf",
        contentType: "application/pdf",
        sizeBytes: 1,
        sha256: "c",
        storageKey: `matrix/${w.woA2.id}/plan`,
      },
    });
    expect((await listTaskAttachments(desk, { id: w.taskA1.id, workOrderId: w.woA1.id })).map((a) => a.id)).toEqual([
      mine.id,
    ]);
    expect(await listTaskAttachments(desk, { id: w.taskA2.id, workOrderId: w.woA2.id })).toEqual([]);
    expect(await readAttachment(desk, theirs.id)).toBeNull();
    expect(await readAttachment(desk, clientDoc.id)).toBeNull();
    expect((await listWorkOrderAttachments(staff, w.woA2.id)).map((a) => a.id).sort()).toEqual(
      [theirs.id, clientDoc.id].sort(),
    );
    const staffB = (await loadStaffActor(w.staffB.id))!;
    expect(await listWorkOrderAttachments(staffB, w.woA2.id)).toEqual([]);
    expect(await readAttachmentInAnyRole([staffB], mine.id)).toBeNull();
  });

  it("company people: an admin lists and changes only their own company's people", async () => {
    const adminA2 = (await loadDeskActor((await createContractorPerson(db, w.companyA2.id, "ADMIN")).user.id))!;
    const listed = await listCompanyPeople(adminA2);
    expect(new Set(listed.map((p) => p.contractorCompanyId))).toEqual(new Set([w.companyA2.id]));
    expect(
      await codeOf(updateCompanyPerson(adminA2, { personId: w.officeA1.person.id, role: "ADMIN", active: true })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(resetCompanyPersonPassword(adminA2, { personId: w.officeA1.person.id }))).toBe("NOT_FOUND");
    expect(await listCompanyPeople(desk)).toEqual([]);
  });

  it("saved filters: a person sees and deletes only their own", async () => {
    const coordinator = (await loadStaffActor(w.coordinatorA.id))!;
    const staffB = (await loadStaffActor(w.staffB.id))!;
    const mine = await saveFilter(staff, { name: "Urgent", query: "priority=URGENT" });
    expect((await listSavedFilters(staff)).map((f) => f.id)).toContain(mine.id);
    expect((await listSavedFilters(coordinator)).map((f) => f.id)).not.toContain(mine.id);
    expect(await codeOf(deleteSavedFilter(coordinator, mine.id))).toBe("NOT_FOUND");
    expect(await codeOf(deleteSavedFilter(staffB, mine.id))).toBe("NOT_FOUND");
    expect(await db.savedFilter.count({ where: { id: mine.id } })).toBe(1);
  });

  it("editing a work order: another organisation's is not found, and nothing changes", async () => {
    const staffB = (await loadStaffActor(w.staffB.id))!;
    const before = await db.workOrder.findUniqueOrThrow({ where: { id: w.woA3.id } });
    const input = {
      workOrderId: before.id,
      title: "Taken over",
      description: "",
      siteId: w.siteB.id,
      priority: "LOW" as const,
      baseline: editableFieldsFingerprint(before),
    };
    expect(await codeOf(updateWorkOrder(staffB, input))).toBe("NOT_FOUND");
    expect((await db.workOrder.findUniqueOrThrow({ where: { id: before.id } })).title).toBe(before.title);
  });

  it("the mailbox: an admin reads their organisation's email only; coordinators and contractors none", async () => {
    const coordinator = (await loadStaffActor(w.coordinatorA.id))!;
    const access = decideMailboxAccess({ providerConfigured: false, demoMode: false, staff })!;
    await db.$transaction((tx) =>
      enqueueEmail(tx, {
        to: "b-only@example.test",
        organisationId: w.orgB.id,
        template: "sign-in-link",
        data: { name: "B", url: "http://x/link/" + "B".repeat(43), minutes: 15 },
      }),
    );
    expect(await listMailbox(access, { to: "b-only@example.test" })).toEqual([]);
    expect(decideMailboxAccess({ providerConfigured: false, demoMode: false, staff: coordinator })).toBeNull();
    expect(decideMailboxAccess({ providerConfigured: true, demoMode: false, staff })).toBeNull();
  });

  it("Desk company pages: office people manage no company", () => {
    expect(deskCompaniesWith(desk, "company.manage")).toEqual([]);
    expect(deskCompaniesWith(desk, "company.read").map((c) => c.companyId)).toEqual([w.companyA1.id]);
  });
});

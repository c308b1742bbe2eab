import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import {
  loadDeskActor,
  loadStaffActor,
  loadTechActor,
  type TDeskActor,
  type TLinkActor,
  type TTechActor,
} from "@/lib/auth/actor";
import { db } from "@/lib/db";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createSite,
  createStaffUser,
  createUser,
  createWorkOrder,
} from "@/prisma/factories";
import type { TDeskPermission } from "./permissions";
import { assignmentScope, workOrderScope } from "./scopes";
import { deskAssignmentSqlScope, techAssignmentSqlScope, workOrderSqlScope } from "./sql-scopes";

// Each SQL scope must select exactly the rows its Prisma twin in scopes.ts selects, over
// the whole table: a difference either way is a leak or a lost row.

async function buildWorld() {
  const orgA = await createOrganisation(db);
  const orgB = await createOrganisation(db);
  const siteA = await createSite(db, orgA.id);
  const siteB = await createSite(db, orgB.id);
  // Company 1 works for both clients, company 2 for A only, company 3 for B only.
  const company1 = await createContractorCompany(db, [orgA.id, orgB.id]);
  const company2 = await createContractorCompany(db, [orgA.id]);
  const company3 = await createContractorCompany(db, [orgB.id]);
  for (const [org, site, company] of [
    [orgA, siteA, company1],
    [orgB, siteB, company1],
    [orgA, siteA, company2],
    [orgB, siteB, company3],
  ] as const) {
    const wo = await createWorkOrder(db, { organisationId: org.id, siteId: site.id });
    await createAssignment(db, { workOrderId: wo.id, contractorCompanyId: company.id });
  }
  // One person: admin at company 1, office at company 2 — a different reach per permission.
  const user = await createUser(db);
  await db.contractorPerson.create({ data: { contractorCompanyId: company1.id, userId: user.id, role: "ADMIN" } });
  await db.contractorPerson.create({ data: { contractorCompanyId: company2.id, userId: user.id, role: "OFFICE" } });
  const office3 = await createContractorPerson(db, company3.id, "OFFICE");
  const staffA = await createStaffUser(db, orgA.id, "COORDINATOR");
  const staffB = await createStaffUser(db, orgB.id, "ADMIN");
  return { user, office3, company1, company2, company3, orgA, orgB, staffA, staffB };
}

let w: Awaited<ReturnType<typeof buildWorld>>;
beforeAll(async () => {
  w = await buildWorld();
});

const idsByPrisma = async (where: Prisma.AssignmentWhereInput) =>
  (await db.assignment.findMany({ where, select: { id: true } })).map((r) => r.id).sort();
const workOrderIdsByPrisma = async (where: Prisma.WorkOrderWhereInput) =>
  (await db.workOrder.findMany({ where, select: { id: true } })).map((r) => r.id).sort();
const workOrderIdsBySql = async (condition: Prisma.Sql) =>
  (await db.$queryRaw<{ id: string }[]>`SELECT w.id FROM "WorkOrder" w WHERE ${condition}`).map((r) => r.id).sort();
const idsBySql = async (condition: Prisma.Sql) =>
  (await db.$queryRaw<{ id: string }[]>`SELECT a.id FROM "Assignment" a WHERE ${condition}`).map((r) => r.id).sort();

describe("SQL scopes", () => {
  it("a Desk person's assignments: the companies their role there allows, for every permission", async () => {
    const both = (await loadDeskActor(w.user.id))!;
    const other = (await loadDeskActor(w.office3.user.id))!;
    const nobody: TDeskActor = { ...both, companies: [] };
    const permissions: TDeskPermission[] = ["task.read", "task.respond", "task.plan", "company.read", "company.manage"];
    for (const actor of [both, other, nobody]) {
      for (const permission of permissions) {
        expect(await idsBySql(deskAssignmentSqlScope(actor, permission)), `${permission}`).toEqual(
          await idsByPrisma(assignmentScope(actor, permission)),
        );
      }
    }
    const companiesSeen = async (actor: TDeskActor, permission: TDeskPermission) =>
      new Set(
        (
          await db.$queryRaw<
            { c: string }[]
          >`SELECT a."contractorCompanyId" AS c FROM "Assignment" a WHERE ${deskAssignmentSqlScope(actor, permission)}`
        ).map((r) => r.c),
      );
    expect(await companiesSeen(both, "task.read")).toEqual(new Set([w.company1.id, w.company2.id]));
    expect(await companiesSeen(both, "company.manage")).toEqual(new Set([w.company1.id]));
    expect(await companiesSeen(other, "task.read")).toEqual(new Set([w.company3.id]));
    expect(await companiesSeen(nobody, "task.read")).toEqual(new Set());
  });

  it("a client's work orders: their own organisation's only; a link's, its one work order", async () => {
    for (const userId of [w.staffA.id, w.staffB.id]) {
      const staff = (await loadStaffActor(userId))!;
      const ids = await workOrderIdsBySql(workOrderSqlScope(staff));
      expect(ids).toEqual(await workOrderIdsByPrisma(workOrderScope(staff)));
      expect(ids).toHaveLength(2);
    }
    const [one] = await workOrderIdsByPrisma({ organisationId: w.orgA.id });
    const link: TLinkActor = {
      kind: "link",
      tokenId: "t",
      view: "progress",
      organisationId: w.orgA.id,
      workOrderId: one,
      email: "tenant@example.test",
    };
    expect(await workOrderIdsBySql(workOrderSqlScope(link))).toEqual([one]);
    // A link naming another organisation's work order reaches nothing.
    const crossed: TLinkActor = { ...link, organisationId: w.orgB.id };
    expect(await workOrderIdsBySql(workOrderSqlScope(crossed))).toEqual(
      await workOrderIdsByPrisma(workOrderScope(crossed)),
    );
    expect(await workOrderIdsBySql(workOrderSqlScope(crossed))).toEqual([]);
  });

  it("a technician's tasks: those they are assigned to, once accepted and not withdrawn", async () => {
    const site = await createSite(db, w.orgA.id);
    const tech = await createContractorPerson(db, w.company1.id, "TECHNICIAN");
    const colleague = await createContractorPerson(db, w.company1.id, "TECHNICIAN");
    // The same person at a second company: their tasks there count too.
    await db.contractorPerson.create({
      data: { contractorCompanyId: w.company2.id, userId: tech.user.id, role: "TECHNICIAN" },
    });
    for (const status of [
      "OFFERED",
      "ACCEPTED",
      "SCHEDULED",
      "IN_PROGRESS",
      "COMPLETED",
      "INVOICED",
      "DECLINED",
      "CANCELLED",
    ] as const) {
      for (const [company, person] of [
        [w.company1, tech.person],
        [w.company1, colleague.person],
      ] as const) {
        const wo = await createWorkOrder(db, { organisationId: w.orgA.id, siteId: site.id });
        await createAssignment(db, {
          workOrderId: wo.id,
          contractorCompanyId: company.id,
          status,
          technicianIds: [person.id],
        });
      }
    }
    const actor = (await loadTechActor(tech.user.id))!;
    expect(actor.personIds).toHaveLength(2);
    const nobody: TTechActor = { ...actor, personIds: [] };
    for (const a of [actor, (await loadTechActor(colleague.user.id))!, nobody]) {
      expect(await idsBySql(techAssignmentSqlScope(a))).toEqual(await idsByPrisma(assignmentScope(a)));
    }
    expect(await idsBySql(techAssignmentSqlScope(actor))).toHaveLength(5);
  });
});

import { describe, expect, it } from "vitest";
import type { AssignmentTechnician } from "@/generated/prisma/client";
import { loadDeskActor, type TDeskActor } from "@/lib/auth/actor";
import { decideCompliance } from "@/lib/compliance/decide-compliance";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import {
  createAccreditation,
  createAsset,
  createTrade,
  createAssignment,
  createContractorPerson,
  createWorkOrder,
  createWorld,
} from "@/prisma/factories";
import { getDeskTask } from "./get-desk-task";

const day = 86_400_000;

// What the task page read with Prisma before it became one statement: the reference the
// SQL must match field for field.
async function prismaDeskTask(actor: TDeskActor, assignmentId: string) {
  const task = await db.assignment.findFirstOrThrow({
    where: { id: assignmentId, contractorCompanyId: { in: actor.companies.map((c) => c.companyId) } },
    include: {
      organisation: { select: { name: true, timezone: true, currency: true } },
      contractorCompany: { select: { id: true, name: true } },
      workOrder: {
        include: {
          site: true,
          category: { include: { requirements: { include: { documentType: true } } } },
          asset: true,
        },
      },
      technicians: { include: { person: { include: { user: { select: { name: true, email: true } } } } } },
      serviceTasks: { orderBy: { position: "asc" } },
    },
  });
  const category = task.workOrder.category;
  const required = (category?.requirements ?? []).map((r) => r.documentType.name).sort();
  const people = await db.contractorPerson.findMany({
    where: { contractorCompanyId: task.contractorCompanyId, active: true, role: "TECHNICIAN" },
    include: { user: { select: { name: true } }, accreditations: { select: { type: true, expiresAt: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const { internalNotes: _internal, ...workOrder } = task.workOrder;
  const availableTechnicians = people.map((p) => ({
    id: p.id,
    name: p.user.name,
    problems: decideCompliance(required, p.accreditations, new Date()).problems,
  }));
  const { organisation, ...rest } = task;
  return {
    ...rest,
    organisation: { name: organisation.name, currency: organisation.currency, timezone: organisation.timezone },
    timeZone: task.workOrder.site.timezone ?? organisation.timezone,
    // Exact, as PostgreSQL writes the numeric.
    workOrder: {
      ...workOrder,
      category: category && {
        id: category.id,
        name: category.name,
        organisationId: category.organisationId,
        requiredDocuments: required,
      },
      notToExceed: workOrder.notToExceed?.toFixed(3) ?? null,
    },
    availableTechnicians,
  };
}

const byPerson = (a: AssignmentTechnician, b: AssignmentTechnician) => a.personId.localeCompare(b.personId);

describe("Desk task page read", () => {
  it("returns the task with everything the page shows, exactly as the Prisma read did, without the client's internal notes", async () => {
    const world = await createWorld(db);
    const category = await createTrade(db, world.organisation.id, { name: "Gas", requires: ["Gas Safe", "Insurance"] });
    const asset = await createAsset(db, world.site, { serialNumber: "SN-42" });
    const wo = await createWorkOrder(db, {
      organisationId: world.organisation.id,
      siteId: world.site.id,
      title: "Boiler pressure low",
      categoryId: category.id,
    });
    await db.workOrder.update({
      where: { id: wo.id },
      data: {
        assetId: asset.id,
        internalNotes: "Client-only: tenant is difficult",
        dueAt: new Date(Date.now() + 3 * day),
        purchaseOrder: "PO-9",
        notToExceed: "450.00",
      },
    });
    const second = await createContractorPerson(db, world.company.id, "TECHNICIAN", { name: "Aaron Able" });
    const inactive = await createContractorPerson(db, world.company.id, "TECHNICIAN", { name: "Inactive Ian" });
    await db.contractorPerson.update({ where: { id: inactive.person.id }, data: { active: false } });
    await createAccreditation(db, {
      contractorCompanyId: world.company.id,
      personId: world.technician.person.id,
      type: "Gas Safe",
      expiresAt: new Date(Date.now() + 90 * day),
    });
    await createAccreditation(db, {
      contractorCompanyId: world.company.id,
      personId: second.person.id,
      type: "Gas Safe",
      expiresAt: new Date(Date.now() - day),
    });
    const task = await createAssignment(db, {
      workOrderId: wo.id,
      contractorCompanyId: world.company.id,
      status: "SCHEDULED",
      technicianIds: [world.technician.person.id, second.person.id],
    });
    await db.assignment.update({
      where: { id: task.id },
      data: { plannedAt: new Date(Date.now() + day), scheduledAt: new Date(Date.now() + 2 * day) },
    });
    for (const [position, title, kind] of [
      [2, "Photo of the flue", "PHOTO"],
      [0, "Isolate the supply", "CHECK"],
      [1, "Pressure reading", "READING"],
    ] as const) {
      await db.serviceTask.create({
        data: {
          organisationId: world.organisation.id,
          workOrderId: wo.id,
          assignmentId: task.id,
          position,
          title,
          kind,
          unit: kind === "READING" ? "bar" : null,
          minValue: kind === "READING" ? 1.2 : null,
          reading: kind === "READING" ? 1.45 : null,
          completedAt: position === 0 ? new Date() : null,
          result: position === 0 ? "PASS" : null,
        },
      });
    }
    const desk = (await loadDeskActor(world.office.user.id))!;

    const got = await getDeskTask(desk, task.id);
    const expected = await prismaDeskTask(desk, task.id);
    expect({ ...got, technicians: [...got.technicians].sort(byPerson) }).toEqual({
      ...expected,
      technicians: [...expected.technicians].sort(byPerson),
    });
    expect(JSON.stringify(got)).not.toContain("tenant is difficult");
    expect(got.serviceTasks.map((s) => s.title)).toEqual([
      "Isolate the supply",
      "Pressure reading",
      "Photo of the flue",
    ]);
    expect(got.availableTechnicians.map((t) => [t.name, t.problems.map((p) => `${p.document} ${p.problem}`)])).toEqual([
      ["Aaron Able", ["Gas Safe expired", "Insurance missing"]],
      [world.technician.user.name, ["Insurance missing"]],
    ]);
  });

  it("is not found for another company, a bad id or an unknown one — the same answer for each", async () => {
    const world = await createWorld(db);
    const task = await createAssignment(db, { workOrderId: world.workOrder.id, contractorCompanyId: world.company.id });
    const other = await createWorld(db);
    // Another contractor company in the same client's network.
    const rivalOffice = await createContractorPerson(
      db,
      (
        await db.contractorCompany.create({
          data: {
            name: "Rival",
            email: "rival@example.test",
            network: { create: { organisationId: world.organisation.id, status: "ACTIVE" } },
          },
        })
      ).id,
      "OFFICE",
    );
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => "OK",
        (error: unknown) => (error instanceof AppError ? error.code : String(error)),
      );
    for (const userId of [other.office.user.id, rivalOffice.user.id]) {
      expect(await codeOf(getDeskTask((await loadDeskActor(userId))!, task.id))).toBe("NOT_FOUND");
    }
    const desk = (await loadDeskActor(world.office.user.id))!;
    expect(await codeOf(getDeskTask(desk, "not-an-id"))).toBe("NOT_FOUND");
    expect(await codeOf(getDeskTask(desk, `c${"0".repeat(24)}`))).toBe("NOT_FOUND");
    expect(await codeOf(getDeskTask({ ...desk, companies: [] }, task.id))).toBe("NOT_FOUND");
    expect((await getDeskTask(desk, task.id)).id).toBe(task.id);
  });
});

import { describe, expect, it } from "vitest";
import { assignContractor, reassignContractor } from "@/lib/assignments/assign-contractor";
import { loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { bulkEditWorkOrders } from "@/lib/work-orders/bulk-edit-work-orders";
import { ZBulkEditWorkOrdersSchema } from "@/lib/work-orders/schemas";
import {
  createAccreditation,
  createContractorCompany,
  createStaffUser,
  createTrade,
  createWorkOrder,
  createWorld,
} from "@/prisma/factories";
import { checkCompliance } from "./check-compliance";
import { decideCompliance } from "./decide-compliance";
import { addDocumentType, setTradeRequirements } from "./manage-document-types";

const DAY = 86_400_000;
const now = new Date("2026-12-07T12:00:00Z");

describe("the compliance gate's decision", () => {
  const required = ["Gas Safe", "Public liability insurance"];
  const valid = { type: "Public liability insurance", expiresAt: new Date(now.getTime() + 300 * DAY) };
  it.each([
    ["everything held and valid", [{ type: "Gas Safe", expiresAt: new Date(now.getTime() + 300 * DAY) }, valid], []],
    ["a required document missing", [valid], ["Gas Safe missing"]],
    [
      "a required document expired",
      [{ type: "Gas Safe", expiresAt: new Date(now.getTime() - DAY) }, valid],
      ["Gas Safe expired"],
    ],
    ["expiring at this very moment", [{ type: "Gas Safe", expiresAt: now }, valid], ["Gas Safe expired"]],
    [
      "expiring tomorrow (still valid today)",
      [{ type: "Gas Safe", expiresAt: new Date(now.getTime() + DAY) }, valid],
      [],
    ],
    [
      "an expired one renewed",
      [
        { type: "Gas Safe", expiresAt: new Date(now.getTime() - DAY) },
        { type: "Gas Safe", expiresAt: new Date(now.getTime() + DAY) },
        valid,
      ],
      [],
    ],
    [
      "the name in another case and spacing",
      [{ type: " gas  SAFE ", expiresAt: new Date(now.getTime() + DAY) }, valid],
      [],
    ],
  ])("%s", (_case, held, expected) => {
    const decision = decideCompliance(required, held, now);
    expect(decision.problems.map((p) => `${p.document} ${p.problem}`)).toEqual(expected);
    expect(decision.allowed).toBe(expected.length === 0);
  });

  it("lets anyone through for a trade that requires nothing, or for work without a trade", () => {
    expect(decideCompliance([], [], now)).toEqual({ allowed: true, problems: [] });
  });
});

async function gatedWorld() {
  const world = await createWorld(db);
  const manager = await createStaffUser(db, world.organisation.id, "MANAGER");
  const actors = {
    admin: (await loadStaffActor(world.admin.id))!,
    manager: (await loadStaffActor(manager.id))!,
    coordinator: (await loadStaffActor(world.coordinator.id))!,
  };
  const gas = await createTrade(db, world.organisation.id, { name: "Gas", requires: ["Gas Safe"] });
  const painting = await createTrade(db, world.organisation.id, { name: "Painting" });
  const gasWork = await createWorkOrder(db, {
    organisationId: world.organisation.id,
    siteId: world.site.id,
    categoryId: gas.id,
  });
  return { world, actors, gas, painting, gasWork };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e) => (e instanceof AppError ? { code: e.code, message: e.message, fields: e.fieldErrors } : Promise.reject(e)),
  );

describe("the compliance gate on assignment", () => {
  it("stops a contractor missing the trade's document, naming it, and records nothing", async () => {
    const { world, actors, gasWork } = await gatedWorld();
    const answer = await refusal(
      assignContractor(actors.admin, { workOrderId: gasWork.id, contractorCompanyId: world.company.id }),
    );
    expect(answer).toMatchObject({
      code: "INVALID_INPUT",
      fields: { contractorCompanyId: [expect.stringContaining("Gas Safe: missing")] },
    });
    expect(await db.assignment.count({ where: { workOrderId: gasWork.id } })).toBe(0);
    expect(await db.timelineEvent.count({ where: { workOrderId: gasWork.id } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: world.office.user.email } })).toBe(0);
  });

  it("lets a contractor through once it holds the document, and work of a trade that requires nothing", async () => {
    const { world, actors, gasWork, painting } = await gatedWorld();
    const paintWork = await createWorkOrder(db, {
      organisationId: world.organisation.id,
      siteId: world.site.id,
      categoryId: painting.id,
    });
    await assignContractor(actors.coordinator, { workOrderId: paintWork.id, contractorCompanyId: world.company.id });
    await createAccreditation(db, {
      contractorCompanyId: world.company.id,
      type: "Gas Safe",
      expiresAt: new Date(Date.now() + DAY),
    });
    const task = await assignContractor(actors.coordinator, {
      workOrderId: gasWork.id,
      contractorCompanyId: world.company.id,
    });
    expect(task.complianceOverride).toBeNull();
  });

  it("a technician's own certificate does not count for the company", async () => {
    const { world, actors, gasWork } = await gatedWorld();
    await createAccreditation(db, {
      contractorCompanyId: world.company.id,
      personId: world.technician.person.id,
      type: "Gas Safe",
      expiresAt: new Date(Date.now() + 300 * DAY),
    });
    expect(
      await refusal(assignContractor(actors.admin, { workOrderId: gasWork.id, contractorCompanyId: world.company.id })),
    ).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("a manager goes ahead with a reason, kept on the task and the work order's timeline (not the contractor's); a coordinator cannot", async () => {
    const { world, actors, gasWork } = await gatedWorld();
    expect(
      await refusal(
        assignContractor(actors.coordinator, {
          workOrderId: gasWork.id,
          contractorCompanyId: world.company.id,
          overrideReason: "Urgent",
        }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.assignment.count({ where: { workOrderId: gasWork.id } })).toBe(0);

    const task = await assignContractor(actors.manager, {
      workOrderId: gasWork.id,
      contractorCompanyId: world.company.id,
      overrideReason: "No one else before the weekend",
    });
    expect(task.complianceOverride).toMatchObject({
      reason: "No one else before the weekend",
      byUserId: actors.manager.userId,
      problems: [{ document: "Gas Safe", problem: "missing" }],
    });
    const event = await db.timelineEvent.findFirstOrThrow({
      where: { workOrderId: gasWork.id, type: "compliance.overridden" },
    });
    expect(event.assignmentId).toBeNull();
    expect(event.data).toMatchObject({ reason: "No one else before the weekend", documents: ["Gas Safe: missing"] });
  });

  it("a reassignment passes the same gate", async () => {
    const { world, actors, gasWork } = await gatedWorld();
    const holder = await createContractorCompany(db, [world.organisation.id]);
    await createAccreditation(db, {
      contractorCompanyId: holder.id,
      type: "Gas Safe",
      expiresAt: new Date(Date.now() + DAY),
    });
    await assignContractor(actors.admin, { workOrderId: gasWork.id, contractorCompanyId: holder.id });
    expect(
      await refusal(
        reassignContractor(actors.admin, {
          workOrderId: gasWork.id,
          contractorCompanyId: world.company.id,
          reason: "Holder is on holiday",
        }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });
    const live = await db.assignment.findMany({ where: { workOrderId: gasWork.id } });
    expect(live.map((a) => [a.contractorCompanyId, a.status])).toEqual([[holder.id, "OFFERED"]]);
  });

  it("a bulk assignment names the work orders the gate stops and changes none", async () => {
    const { world, actors, gasWork } = await gatedWorld();
    const refused = await refusal(
      bulkEditWorkOrders(
        actors.admin,
        ZBulkEditWorkOrdersSchema.parse({
          workOrderIds: [world.workOrder.id, gasWork.id],
          contractorCompanyId: world.company.id,
        }),
      ),
    );
    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`#${gasWork.number} (Gas Safe: missing)`),
    });
    expect(await db.assignment.count({ where: { workOrderId: { in: [world.workOrder.id, gasWork.id] } } })).toBe(0);
  });

  it("another organisation's requirements never apply, and a trade's requirements follow its settings", async () => {
    const { world, actors, gas, gasWork } = await gatedWorld();
    const other = await createWorld(db);
    await createTrade(db, other.organisation.id, { name: "Gas", requires: ["Asbestos licence"] });
    const decisions = await checkCompliance(db, gas.id, [world.company.id], new Date());
    expect(decisions.get(world.company.id)!.problems.map((p) => p.document)).toEqual(["Gas Safe"]);

    await setTradeRequirements(actors.admin, { categoryId: gas.id, documentTypeIds: [] });
    await assignContractor(actors.admin, { workOrderId: gasWork.id, contractorCompanyId: world.company.id });

    const foreignType = (await db.documentType.findFirstOrThrow({ where: { organisationId: other.organisation.id } }))
      .id;
    expect(
      await refusal(setTradeRequirements(actors.admin, { categoryId: gas.id, documentTypeIds: [foreignType] })),
    ).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("keeps one document type per name whatever its case; adding it twice finds the first", async () => {
    const { actors } = await gatedWorld();
    const first = await addDocumentType(actors.admin, { name: "Asbestos licence" });
    expect((await addDocumentType(actors.admin, { name: "Asbestos licence" })).id).toBe(first.id);
    expect(await refusal(addDocumentType(actors.admin, { name: "asbestos LICENCE" }))).toMatchObject({
      code: "INVALID_INPUT",
      fields: { name: ["Asbestos licence is already listed"] },
    });
  });
});

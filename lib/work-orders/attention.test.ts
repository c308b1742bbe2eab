import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { acceptAssignment } from "@/lib/assignments/accept-assignment";
import { reviewAssignment } from "@/lib/assignments/review-assignment";
import { postMessage } from "@/lib/messages/post-message";
import { decideNteIncrease } from "@/lib/nte-increases/decide-nte-increase";
import { requestNteIncrease } from "@/lib/nte-increases/request-nte-increase";
import { ZRequestNteIncreaseSchema } from "@/lib/nte-increases/schemas";
import { db } from "@/lib/db";
import { createAccreditation, createAssignment, createWorkOrder, createWorld } from "@/prisma/factories";
import { countAttention } from "./count-attention";
import { listWorkOrders } from "./list-work-orders";
import { ZWorkOrderListSchema } from "./schemas";

const HOUR = 3_600_000;

describe("what needs the client's attention", () => {
  it("finds unanswered offers, SLAs due soon, work to review, messages to answer, NTE increases, invoices and accreditations", async () => {
    const world = await createWorld(db);
    const staff = (await loadStaffActor(world.admin.id))!;
    const now = new Date("2026-06-10T12:00:00Z");
    const workOrder = async (
      title: string,
      data: { slaDueAt?: Date; status?: "AWAITING_REVIEW" | "COMPLETED" } = {},
    ) => {
      const wo = await createWorkOrder(db, { organisationId: world.organisation.id, siteId: world.site.id, title });
      await db.workOrder.update({
        where: { id: wo.id },
        data: { slaDueAt: data.slaDueAt ?? new Date("2027-01-01"), ...data },
      });
      return wo;
    };
    const offer = async (title: string, offeredAt: Date) => {
      const wo = await workOrder(title);
      return createAssignment(db, { workOrderId: wo.id, contractorCompanyId: world.company.id, offeredAt });
    };
    const stale = await offer("Offered 25 h ago", new Date(now.getTime() - 25 * HOUR));
    await offer("Offered 23 h ago", new Date(now.getTime() - 23 * HOUR));
    await workOrder("SLA in 23 h", { slaDueAt: new Date(now.getTime() + 23 * HOUR) });
    await workOrder("SLA breached", { slaDueAt: new Date(now.getTime() - HOUR) });
    await workOrder("SLA in 25 h", { slaDueAt: new Date(now.getTime() + 25 * HOUR) });
    await workOrder("Finished past its SLA", { slaDueAt: new Date(now.getTime() - HOUR), status: "COMPLETED" });
    const completed = await createAssignment(db, {
      workOrderId: (await workOrder("Awaiting review", { status: "AWAITING_REVIEW" })).id,
      contractorCompanyId: world.company.id,
      status: "COMPLETED",
    });
    // Conversations go through the one way messages are written.
    const desk = (await loadDeskActor(world.office.user.id))!;
    const talk = async (title: string, speakers: ("client" | "contractor")[]) => {
      const wo = await workOrder(title);
      const task = await createAssignment(db, {
        workOrderId: wo.id,
        contractorCompanyId: world.company.id,
        status: "ACCEPTED",
      });
      for (const speaker of speakers)
        await postMessage(speaker === "client" ? staff : desk, { assignmentId: task.id, body: `From the ${speaker}` });
      return task;
    };
    const waiting = await talk("Contractor wrote last", ["client", "contractor"]);
    const answered = await talk("We answered", ["contractor", "client"]);

    // A not-to-exceed increase waiting, one decided (both asked from the Desk); an invoice
    // submitted, one still a draft.
    const nte = async (title: string) => {
      const wo = await workOrder(title);
      const task = await createAssignment(db, {
        workOrderId: wo.id,
        contractorCompanyId: world.company.id,
        status: "ACCEPTED",
      });
      await requestNteIncrease(
        desk,
        ZRequestNteIncreaseSchema.parse({
          assignmentId: task.id,
          reason: "More valves",
          "lines.0.description": "Valve",
          "lines.0.quantity": "2",
          "lines.0.unitCode": "C62",
          "lines.0.unitPrice": "50",
          "lines.0.taxPercent": "",
        }),
      );
      return task;
    };
    const asked = await nte("NTE asked");
    const decided = await nte("NTE decided");
    await decideNteIncrease(staff, {
      requestId: (await db.nteIncreaseRequest.findFirstOrThrow({ where: { assignmentId: decided.id } })).id,
      decision: "approve",
      note: null,
    });
    for (const [number, status] of [
      ["INV-1", "SUBMITTED"],
      ["INV-2", "DRAFT"],
    ] as const) {
      await db.invoice.create({
        data: {
          organisationId: world.organisation.id,
          contractorCompanyId: world.company.id,
          assignmentId: asked.id,
          workOrderId: asked.workOrderId,
          number,
          status,
          origin: "manual",
          currency: "GBP",
          issueDate: now,
        },
      });
    }
    // Expired, expiring in 10 days, valid for 60, and an expired one already renewed.
    const accreditation = (type: string, days: number) =>
      createAccreditation(db, {
        contractorCompanyId: world.company.id,
        type,
        expiresAt: new Date(now.getTime() + days * 24 * HOUR),
      });
    await accreditation("Gas Safe", -3);
    await accreditation("Public liability", 10);
    await accreditation("NICEIC", 60);
    const renewal = await accreditation("Asbestos awareness", 300);
    await db.accreditation.update({
      where: { id: (await accreditation("Asbestos awareness", -30)).id },
      data: { renewedById: renewal.id },
    });

    const titles = async (needs: string) =>
      (await listWorkOrders(staff, ZWorkOrderListSchema.parse({ needs }), 50, now)).rows.map((r) => r.title).sort();
    expect(await titles("answer")).toEqual(["Offered 25 h ago"]);
    expect(await titles("sla")).toEqual(["SLA breached", "SLA in 23 h"]);
    expect(await titles("review")).toEqual(["Awaiting review"]);
    expect(await titles("reply")).toEqual(["Contractor wrote last"]);
    expect(await titles("nte")).toEqual(["NTE asked"]);
    expect((await countAttention(staff, now)).map((g) => [g.key, g.matches, g.more])).toEqual([
      ["answer", 1, false],
      ["sla", 2, false],
      ["review", 1, false],
      ["reply", 1, false],
      ["nte", 1, false],
      ["invoices", 1, false],
      ["accreditations", 2, false],
    ]);
    // Each change, made the way the product makes it, moves a work order in or out of its
    // group on the very next count (nothing is cached).
    const count = async (key: string) => (await countAttention(staff, now)).find((g) => g.key === key)!.matches;
    await postMessage(staff, { assignmentId: waiting.id, body: "Thanks, noted." });
    expect(await count("reply")).toBe(0);
    await postMessage(desk, { assignmentId: answered.id, body: "One more thing." });
    expect(await titles("reply")).toEqual(["We answered"]);
    expect(await count("reply")).toBe(1);
    const request = await db.nteIncreaseRequest.findFirstOrThrow({ where: { assignmentId: asked.id } });
    await decideNteIncrease(staff, { requestId: request.id, decision: "reject", note: "Not this time." });
    expect(await titles("nte")).toEqual([]);
    expect(await count("nte")).toBe(0);
    await acceptAssignment(desk, { assignmentId: stale.id });
    expect(await titles("answer")).toEqual([]);
    expect(await count("answer")).toBe(0);
    await reviewAssignment(staff, { assignmentId: completed.id, decision: "accept" });
    expect(await titles("review")).toEqual([]);
    expect(await count("review")).toBe(0);
    // Archived work leaves every group.
    await db.workOrder.updateMany({
      where: { organisationId: world.organisation.id, title: { in: ["SLA breached", "We answered"] } },
      data: { archivedAt: now },
    });
    expect(await titles("sla")).toEqual(["SLA in 23 h"]);
    expect(await titles("reply")).toEqual([]);
    // Another organisation's staff see none of it.
    const other = await createWorld(db);
    const stranger = (await loadStaffActor(other.admin.id))!;
    expect((await countAttention(stranger, now)).every((g) => g.matches === 0)).toBe(true);
  });
});

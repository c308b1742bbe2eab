import { describe, expect, it } from "vitest";
import { loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createAssignment, createWorkOrder, createWorld } from "@/prisma/factories";
import { countAttention } from "./count-attention";
import { listWorkOrders } from "./list-work-orders";
import { ZWorkOrderListSchema } from "./schemas";

const HOUR = 3_600_000;

describe("what needs the client's attention", () => {
  it("finds unanswered offers, SLAs due soon, work awaiting review and contractors' messages to answer", async () => {
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
      const task = await createAssignment(db, {
        workOrderId: wo.id,
        contractorCompanyId: world.company.id,
        status: "OFFERED",
      });
      await db.assignment.update({ where: { id: task.id }, data: { offeredAt } });
      return task;
    };
    await offer("Offered 25 h ago", new Date(now.getTime() - 25 * HOUR));
    await offer("Offered 23 h ago", new Date(now.getTime() - 23 * HOUR));
    await workOrder("SLA in 23 h", { slaDueAt: new Date(now.getTime() + 23 * HOUR) });
    await workOrder("SLA breached", { slaDueAt: new Date(now.getTime() - HOUR) });
    await workOrder("SLA in 25 h", { slaDueAt: new Date(now.getTime() + 25 * HOUR) });
    await workOrder("Finished past its SLA", { slaDueAt: new Date(now.getTime() - HOUR), status: "COMPLETED" });
    await workOrder("Awaiting review", { status: "AWAITING_REVIEW" });
    const talk = async (title: string, authors: string[]) => {
      const wo = await workOrder(title);
      for (const [i, authorId] of authors.entries()) {
        await db.message.create({
          data: {
            organisationId: world.organisation.id,
            workOrderId: wo.id,
            authorId,
            body: `m${i}`,
            createdAt: new Date(now.getTime() - (10 - i) * HOUR),
          },
        });
      }
    };
    await talk("Contractor wrote last", [world.admin.id, world.office.user.id]);
    await talk("We answered", [world.office.user.id, world.admin.id]);

    const titles = async (needs: string) =>
      (await listWorkOrders(staff, ZWorkOrderListSchema.parse({ needs }), 50, now)).rows.map((r) => r.title).sort();
    expect(await titles("answer")).toEqual(["Offered 25 h ago"]);
    expect(await titles("sla")).toEqual(["SLA breached", "SLA in 23 h"]);
    expect(await titles("review")).toEqual(["Awaiting review"]);
    expect(await titles("reply")).toEqual(["Contractor wrote last"]);
    expect((await countAttention(staff, now)).map((g) => [g.needs, g.matches, g.more])).toEqual([
      ["answer", 1, false],
      ["sla", 2, false],
      ["review", 1, false],
      ["reply", 1, false],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { loadDeskActor, loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createAssignment, createWorld } from "@/prisma/factories";
import { deliverLatestEmail } from "@/tests/deliver-email";
import { listMessages } from "./list-messages";
import { postMessage } from "./post-message";
import { ZPostMessageSchema } from "./schemas";

describe("messages between client and contractor", () => {
  it("each message is emailed to the other side and both see the thread", async () => {
    const world = await createWorld(db);
    await db.workOrder.update({ where: { id: world.workOrder.id }, data: { createdById: world.admin.id } });
    const task = await createAssignment(db, {
      workOrderId: world.workOrder.id,
      contractorCompanyId: world.company.id,
      status: "ACCEPTED",
    });
    const staff = (await loadStaffActor(world.admin.id))!;
    const desk = (await loadDeskActor(world.office.user.id))!;

    await postMessage(staff, { assignmentId: task.id, body: "Can you attend before 10am?" });
    const toContractor = await deliverLatestEmail(world.office.user.email, { template: "message-posted" });
    expect(toContractor.text).toContain("Can you attend before 10am?");
    expect(toContractor.text).toMatch(/\/link\/[A-Za-z0-9_-]{43}/);

    await postMessage(desk, { assignmentId: task.id, body: "Yes, 9:30." });
    const toStaff = await db.emailOutbox.findMany({
      where: {
        organisationId: world.organisation.id,
        template: "message-posted",
        NOT: { to: world.office.user.email },
      },
    });
    expect(toStaff.map((e) => e.to)).toEqual([world.admin.email]);

    for (const actor of [staff, desk]) {
      expect((await listMessages(actor, task.id)).map((m) => m.body)).toEqual([
        "Can you attend before 10am?",
        "Yes, 9:30.",
      ]);
    }
    expect(await db.timelineEvent.count({ where: { assignmentId: task.id, type: "message.posted" } })).toBe(2);
  });

  it("nobody outside the task can read or post, and nothing is written", async () => {
    const world = await createWorld(db);
    const other = await createWorld(db);
    const task = await createAssignment(db, { workOrderId: world.workOrder.id, contractorCompanyId: world.company.id });
    const outsiderDesk = (await loadDeskActor(other.office.user.id))!;
    const outsiderStaff = (await loadStaffActor(other.admin.id))!;
    for (const actor of [outsiderDesk, outsiderStaff]) {
      await expect(postMessage(actor, { assignmentId: task.id, body: "hello" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await listMessages(actor, task.id)).toEqual([]);
    }
    expect(await db.message.count({ where: { assignmentId: task.id } })).toBe(0);
  });

  it("refuses empty and oversized messages", () => {
    expect(ZPostMessageSchema.safeParse({ assignmentId: "c" + "a".repeat(24), body: "   " }).success).toBe(false);
    expect(ZPostMessageSchema.safeParse({ assignmentId: "c" + "a".repeat(24), body: "x".repeat(5001) }).success).toBe(
      false,
    );
    expect(ZPostMessageSchema.safeParse({ assignmentId: "bad", body: "hi" }).success).toBe(false);
  });
});

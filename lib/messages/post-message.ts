import "server-only";
import type { z } from "zod";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { assignmentScope } from "@/lib/authz/scopes";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import type { ZPostMessageSchema } from "./schemas";

type TTask = { id: string; organisationId: string; workOrderId: string; contractorCompanyId: string };

// Who hears about a message: the contractor's office when staff write; when the
// contractor writes, the staff who created the work order or wrote in the thread.
async function recipientsFor(tx: TTx, actor: TStaffActor | TDeskActor, task: TTask) {
  if (actor.kind === "staff") {
    const people = await tx.contractorPerson.findMany({
      where: {
        contractorCompanyId: task.contractorCompanyId,
        active: true,
        role: { in: ["ADMIN", "OFFICE"] },
        user: { deactivatedAt: null },
      },
      select: { user: true },
    });
    return { users: people.map((p) => p.user), path: `/desk/tasks/${task.id}` };
  }
  // One transaction is one connection: its queries go one after another.
  const workOrder = await tx.workOrder.findUniqueOrThrow({
    where: { id: task.workOrderId },
    select: { createdById: true },
  });
  const authors = await tx.message.findMany({
    where: { assignmentId: task.id },
    select: { authorId: true },
    distinct: ["authorId"],
  });
  const ids = [workOrder.createdById, ...authors.map((a) => a.authorId)].filter((id): id is string => !!id);
  const users = await tx.user.findMany({
    where: { id: { in: ids }, deactivatedAt: null, memberships: { some: { organisationId: task.organisationId } } },
  });
  return { users, path: `/staff/work-orders/${task.workOrderId}` };
}

export async function postMessage(actor: TStaffActor | TDeskActor, input: z.infer<typeof ZPostMessageSchema>) {
  return db.$transaction(async (tx) => {
    const task = await tx.assignment.findFirst({
      where: { ...assignmentScope(actor, "task.read"), id: input.assignmentId },
      include: {
        workOrder: { select: { number: true, title: true } },
        organisation: { select: { name: true } },
        contractorCompany: { select: { name: true } },
      },
    });
    if (!task) throw notFound("Task");
    const message = await tx.message.create({
      data: {
        organisationId: task.organisationId,
        workOrderId: task.workOrderId,
        assignmentId: task.id,
        authorId: actor.userId,
        body: input.body,
      },
    });
    // Who owes an answer, kept with the message: the client, from the contractor's first
    // message after the client last spoke, until the client writes.
    if (actor.kind === "desk")
      await tx.$executeRaw`UPDATE "WorkOrder" SET "awaitingReplySince" = COALESCE("awaitingReplySince", ${message.createdAt})
        WHERE id = ${task.workOrderId}`;
    else
      await tx.$executeRaw`UPDATE "WorkOrder" SET "awaitingReplySince" = NULL
        WHERE id = ${task.workOrderId} AND "awaitingReplySince" IS NOT NULL`;
    const fromLabel =
      actor.kind === "staff"
        ? `${actor.name} (${task.organisation.name})`
        : `${actor.name} (${task.contractorCompany.name})`;
    await recordEvent(tx, {
      organisationId: task.organisationId,
      workOrderId: task.workOrderId,
      assignmentId: task.id,
      actor: { userId: actor.userId, label: fromLabel },
      type: "message.posted",
      data: {
        excerpt: input.body.length > 120 ? `${input.body.slice(0, 117)}…` : input.body,
        from: actor.kind === "staff" ? "client" : "contractor",
      },
    });
    const { users, path } = await recipientsFor(tx, actor, task);
    for (const user of users.filter((u) => u.id !== actor.userId)) {
      const url = await createSignInLink(tx, user, { redirectTo: path });
      await enqueueEmail(tx, {
        to: user.email,
        organisationId: task.organisationId,
        template: "message-posted",
        data: {
          from: fromLabel,
          workOrderNumber: task.workOrder.number,
          title: task.workOrder.title,
          body: input.body,
          url,
        },
      });
    }
    return message;
  });
}

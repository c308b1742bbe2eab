import "server-only";
import type { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { createSignInLink } from "@/lib/auth/sign-in-links";
import { contractorCompanyScope, workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import type { ZAssignContractorSchema } from "./schemas";
import { LIVE_STATUSES, workOrderStatusFor } from "./status-machine";

// Offers a work order to a contractor company; its office people are emailed a link
// that signs them in straight to the task.
export async function assignContractor(actor: TStaffActor, input: z.infer<typeof ZAssignContractorSchema>) {
  return db.$transaction(async (tx) => {
    const workOrder = await tx.workOrder.findFirst({ where: { ...workOrderScope(actor), id: input.workOrderId }, include: { site: true } });
    if (!workOrder) throw notFound("Work order");
    // Serialise assignments of one work order: two staff assigning at once get one winner.
    await tx.$executeRaw`SELECT 1 FROM "WorkOrder" WHERE "id" = ${workOrder.id} FOR UPDATE`;
    if (workOrder.archivedAt || workOrder.status === "CANCELLED") throw new AppError("CONFLICT", "This work order is closed.");
    const live = await tx.assignment.findFirst({ where: { workOrderId: workOrder.id, status: { in: LIVE_STATUSES } } });
    if (live) throw new AppError("CONFLICT", "This work order is already assigned to a contractor.");
    const company = await tx.contractorCompany.findFirst({
      where: { ...contractorCompanyScope(actor), id: input.contractorCompanyId },
      include: { people: { where: { active: true, role: { in: ["ADMIN", "OFFICE"] } }, include: { user: true } } },
    });
    if (!company) throw invalidInput("Please correct the highlighted fields.", { contractorCompanyId: ["Choose a contractor from your network"] });

    const assignment = await tx.assignment.create({
      data: { organisationId: actor.organisationId, workOrderId: workOrder.id, contractorCompanyId: company.id, status: "OFFERED" },
    });
    await tx.workOrder.update({ where: { id: workOrder.id }, data: { status: workOrderStatusFor("OFFERED") } });
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: workOrder.id,
      assignmentId: assignment.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "assignment.offered",
      data: { contractor: company.name },
    });
    for (const person of company.people) {
      if (person.user.deactivatedAt) continue;
      const url = await createSignInLink(tx, person.user, { redirectTo: `/desk/tasks/${assignment.id}` });
      await enqueueEmail(tx, {
        to: person.user.email,
        organisationId: actor.organisationId,
        template: "task-offered",
        data: { clientName: actor.organisationName, workOrderNumber: workOrder.number, title: workOrder.title, siteName: workOrder.site.name, url },
      });
    }
    return assignment;
  });
}

import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { findTask } from "@/lib/assignments/find-task";
import { db } from "@/lib/db";
import { AppError, invalidInput } from "@/lib/errors";
import { dayInZone } from "@/lib/time/zones";
import { taskTimeZone } from "@/lib/assignments/task-zone";
import { nextInvoiceNumber } from "./next-invoice-number";
import type { TCreateInvoiceInput } from "./schemas";

// An invoice the office writes by hand for a task it holds (extra work, a second visit),
// numbered by the company's sequence unless it gives its own number, which must be new.
export async function createManualInvoice(actor: TDeskActor, input: TCreateInvoiceInput, now = new Date()) {
  const task = await findTask(actor, input.assignmentId, "invoice.write");
  if (["OFFERED", "DECLINED"].includes(task.status))
    throw new AppError("INVALID_TRANSITION", "Accept the task before you invoice it.");
  const zone = await taskTimeZone(task.id);
  const { currency } = await db.organisation.findUniqueOrThrow({
    where: { id: task.organisationId },
    select: { currency: true },
  });
  return db.$transaction(async (tx) => {
    if (input.number) {
      const taken = await tx.invoice.findFirst({
        where: { contractorCompanyId: task.contractorCompanyId, number: input.number },
        select: { id: true },
      });
      if (taken)
        throw invalidInput("Please correct the highlighted fields.", {
          number: [`Your company has already used invoice number ${input.number}`],
        });
    }
    return tx.invoice.create({
      data: {
        organisationId: task.organisationId,
        contractorCompanyId: task.contractorCompanyId,
        assignmentId: task.id,
        workOrderId: task.workOrderId,
        number: input.number ?? (await nextInvoiceNumber(tx, task.contractorCompanyId)),
        origin: "manual",
        currency,
        issueDate: new Date(`${dayInZone(now, zone)}T00:00:00Z`),
        createdById: actor.userId,
      },
      select: { id: true, number: true },
    });
  });
}

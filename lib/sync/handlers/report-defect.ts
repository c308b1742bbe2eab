import "server-only";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { isWorkable } from "@/lib/assignments/status-machine";
import { keepForOffice } from "./late-work";
import { actorOf, type THandlerContext, type THandlerOutcome } from "./types";

export async function reportDefect(context: THandlerContext<"report_defect">): Promise<THandlerOutcome> {
  const { tx, actor, task, mutation, at } = context;
  if (!isWorkable(task.status))
    return keepForOffice(context, `defect (${mutation.severity.toLowerCase()}): ${mutation.description}`);
  // The device chose the id, so its photos can name the defect before it reaches us.
  const existing = await tx.defect.findUnique({ where: { id: mutation.defectId }, select: { id: true } });
  if (existing) throw new AppError("INVALID_INPUT", "A defect with this id already exists.");
  await tx.defect.create({
    data: {
      id: mutation.defectId,
      organisationId: task.organisationId,
      assignmentId: task.id,
      severity: mutation.severity,
      description: mutation.description,
      reportedById: actor.userId,
      createdAt: at,
    },
  });
  await recordEvent(tx, {
    organisationId: task.organisationId,
    workOrderId: task.workOrderId,
    assignmentId: task.id,
    actor: actorOf(actor),
    type: "technician.defect_reported",
    data: { mutationId: mutation.mutationId, severity: mutation.severity, excerpt: mutation.description.slice(0, 140) },
    at,
  });
  return { outcome: "applied" };
}

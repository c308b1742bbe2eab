import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { SERVICE_TASK_FIELDS, type TFieldConflict, type TServiceTaskFields } from "../contract";
import { mergeFields } from "../merge-fields";
import { isWorkable } from "@/lib/assignments/status-machine";
import { keepForOffice } from "./late-work";
import { actorOf, type THandlerContext, type THandlerOutcome } from "./types";

const LABELS: Record<(typeof SERVICE_TASK_FIELDS)[number], string> = {
  result: "result",
  reading: "reading",
  answer: "answer",
};

export async function recordResult(context: THandlerContext<"record_result">): Promise<THandlerOutcome> {
  const { tx, actor, task, mutation, at } = context;
  const serviceTask = await tx.serviceTask.findFirst({
    where: {
      id: mutation.serviceTaskId,
      workOrderId: task.workOrderId,
      OR: [{ assignmentId: null }, { assignmentId: task.id }],
    },
  });
  if (!serviceTask) throw new AppError("NOT_FOUND", "This service task is not part of the task.");
  if (mutation.changes.reading !== undefined && serviceTask.kind !== "READING")
    throw new AppError("INVALID_INPUT", "This service task takes no reading.");
  if (!isWorkable(task.status)) {
    const values = Object.entries(mutation.changes).map(
      ([field, value]) => `${LABELS[field as keyof typeof LABELS]} ${value === null ? "cleared" : String(value)}`,
    );
    return keepForOffice(context, `${serviceTask.title}: ${values.join(", ")}`, { values: mutation.changes });
  }

  const { apply, conflicts } = mergeFields<TServiceTaskFields>(serviceTask, mutation.changes, mutation.base);
  if (Object.keys(apply).length) {
    const after = { ...serviceTask, ...apply };
    const filled = SERVICE_TASK_FIELDS.some((field) => after[field] !== null);
    await tx.serviceTask.update({
      where: { id: serviceTask.id },
      data: { ...apply, completedAt: filled ? (serviceTask.completedAt ?? at) : null },
    });
  }
  await recordEvent(tx, {
    organisationId: task.organisationId,
    workOrderId: task.workOrderId,
    assignmentId: task.id,
    actor: actorOf(actor),
    type: "technician.result_recorded",
    // Every value chosen against stays on the record: the ones this change replaced, and
    // the technician's own where someone else's newer value was kept.
    data: {
      mutationId: mutation.mutationId,
      serviceTask: serviceTask.title,
      values: apply,
      replaced: Object.fromEntries(
        Object.keys(apply).map((field) => [field, serviceTask[field as keyof typeof LABELS]]),
      ),
      conflicts: conflicts.length,
      notApplied: Object.fromEntries(conflicts.map((c) => [c.field, c.yours])) as Prisma.InputJsonObject,
    },
    at,
  });
  if (conflicts.length === 0) return { outcome: "applied" };
  const described: TFieldConflict[] = conflicts.map((c) => ({
    ...c,
    label: `${serviceTask.title}: ${LABELS[c.field as keyof typeof LABELS]}`,
  }));
  return {
    outcome: "conflict",
    message: `Someone else changed ${described.map((c) => c.label).join(", ")} since your device last saw it. Choose which value to keep.`,
    conflicts: described,
  };
}

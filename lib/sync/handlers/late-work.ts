import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { statusLabel } from "@/lib/statuses/status-words";
import { recordEvent } from "@/lib/timeline/record-event";
import type { TValidMutation } from "../schemas";
import { actorOf, type THandlerContext, type THandlerOutcome } from "./types";

// Work done on a task that has meanwhile been withdrawn, or finished by the office, is
// never thrown away: it goes on the work order's timeline for the office to see, and the
// technician is told it did not change the task.
export async function keepForOffice<M extends TValidMutation["type"]>(
  context: THandlerContext<M>,
  summary: string,
  details: Record<string, Prisma.InputJsonValue> = {},
): Promise<THandlerOutcome> {
  const { tx, actor, task, mutation, at } = context;
  const status = statusLabel(task.status).toLowerCase();
  await recordEvent(tx, {
    organisationId: task.organisationId,
    workOrderId: task.workOrderId,
    assignmentId: task.id,
    actor: actorOf(actor),
    type: "technician.unsynced_work",
    data: {
      mutationId: mutation.mutationId,
      kind: mutation.type,
      summary,
      status,
      deviceAt: mutation.deviceAt,
      ...details,
    },
    at,
  });
  const what = summary.charAt(0).toUpperCase() + summary.slice(1);
  return {
    outcome: "conflict",
    message: `${what}: not applied, because the task is ${status} now. It was kept on the work order for the office to see.`,
  };
}

import "server-only";
import { applyTaskEvent } from "@/lib/assignments/apply-task-event";
import { canTransition } from "@/lib/assignments/status-machine";
import { keepForOffice } from "./late-work";
import { actorOf, type THandlerContext, type THandlerOutcome } from "./types";

export async function requestRevisit(context: THandlerContext<"request_revisit">): Promise<THandlerOutcome> {
  const { tx, actor, task, mutation, at } = context;
  if (!canTransition(task.status, "requestRevisit", "tech"))
    return keepForOffice(context, `revisit required: ${mutation.reason}`);
  await applyTaskEvent(
    tx,
    task,
    "requestRevisit",
    "tech",
    actorOf(actor),
    { revisitReason: mutation.reason },
    { reason: mutation.reason, mutationId: mutation.mutationId },
    { at },
  );
  return { outcome: "applied" };
}

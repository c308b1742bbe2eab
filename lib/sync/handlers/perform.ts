import "server-only";
import { applyTaskEvent } from "@/lib/assignments/apply-task-event";
import { canTransition } from "@/lib/assignments/status-machine";
import { keepForOffice } from "./late-work";
import { actorOf, type THandlerContext, type THandlerOutcome } from "./types";

// "I've performed this work": notes and signatures are saved with the move to performed
// (the office then adds the documents and completes it).
export async function perform(context: THandlerContext<"perform">): Promise<THandlerOutcome> {
  const { tx, actor, task, mutation, at } = context;
  if (!canTransition(task.status, "perform", "tech"))
    return keepForOffice(context, `performed the work: ${mutation.notes || "no notes"}`);
  const signatures = [
    { signerRole: "TECHNICIAN" as const, ...mutation.technicianSignature },
    ...(mutation.clientSignature ? [{ signerRole: "ON_SITE_CLIENT" as const, ...mutation.clientSignature }] : []),
  ];
  await tx.signature.createMany({
    data: signatures.map((s) => ({
      signerRole: s.signerRole,
      signerName: s.name,
      method: s.typed ? ("TYPED" as const) : ("DRAWN" as const),
      imageSvg: s.typed ? null : s.svg,
      organisationId: task.organisationId,
      assignmentId: task.id,
      workOrderId: task.workOrderId,
      signedAt: at,
    })),
  });
  await applyTaskEvent(
    tx,
    task,
    "perform",
    "tech",
    actorOf(actor),
    { performedNotes: mutation.notes || null, performedAt: at },
    { mutationId: mutation.mutationId, reason: mutation.notes || null },
    { at },
  );
  return { outcome: "applied" };
}

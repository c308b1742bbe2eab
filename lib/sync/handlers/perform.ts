import "server-only";
import { applyTaskEvent } from "@/lib/assignments/apply-task-event";
import { canTransition } from "@/lib/assignments/status-machine";
import { keepForOffice } from "./late-work";
import { actorOf, type THandlerContext, type THandlerOutcome } from "./types";

// "I've performed this work": notes and signatures are saved with the move to performed
// (the office then adds the documents and completes it).
export async function perform(context: THandlerContext<"perform">): Promise<THandlerOutcome> {
  const { tx, actor, task, mutation } = context;
  if (!canTransition(task.status, "perform", "tech"))
    return keepForOffice(context, `performed the work: ${mutation.notes || "no notes"}`);
  const signedAt = new Date(mutation.deviceAt);
  const signatures = [
    {
      signerRole: "TECHNICIAN" as const,
      signerName: mutation.technicianSignature.name,
      imageSvg: mutation.technicianSignature.svg,
    },
    ...(mutation.clientSignature
      ? [
          {
            signerRole: "ON_SITE_CLIENT" as const,
            signerName: mutation.clientSignature.name,
            imageSvg: mutation.clientSignature.svg,
          },
        ]
      : []),
  ];
  await tx.signature.createMany({
    data: signatures.map((s) => ({
      ...s,
      organisationId: task.organisationId,
      assignmentId: task.id,
      workOrderId: task.workOrderId,
      signedAt,
    })),
  });
  await applyTaskEvent(
    tx,
    task,
    "perform",
    "tech",
    actorOf(actor),
    { performedNotes: mutation.notes || null, performedAt: new Date() },
    { mutationId: mutation.mutationId, reason: mutation.notes || null },
  );
  return { outcome: "applied" };
}

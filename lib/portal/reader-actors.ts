import "server-only";
import type { TDeskActor, TLinkActor, TStaffActor } from "@/lib/auth/actor";
import { assignmentScope, workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TPortalView } from "./views";

// Readers of a customer's documents other than the customer: an actor with exactly a
// link's scope and no token, so nothing is spent, logged as the customer's or decidable.

// Staff preview a view, and download the customer's PDFs, of their organisation's work.
export async function previewActor(actor: TStaffActor, workOrderId: string, view: TPortalView): Promise<TLinkActor> {
  const workOrder = await db.workOrder.findFirst({
    where: { ...workOrderScope(actor), id: workOrderId },
    select: { id: true },
  });
  if (!workOrder) throw notFound("Work order");
  return { kind: "link", tokenId: "", organisationId: actor.organisationId, workOrderId, email: "", view };
}

// A contractor's office downloads the customer's PDFs of a task it holds.
export async function deskReaderActor(actor: TDeskActor, assignmentId: string, view: TPortalView): Promise<TLinkActor> {
  const task = await db.assignment.findFirst({
    where: { AND: [assignmentScope(actor, "task.read"), { id: assignmentId }] },
    select: { organisationId: true, workOrderId: true },
  });
  if (!task) throw notFound("Task");
  return {
    kind: "link",
    tokenId: "",
    organisationId: task.organisationId,
    workOrderId: task.workOrderId,
    email: "",
    view,
  };
}

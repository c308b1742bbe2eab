import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { evidencePackScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

// The packs made for this reader of a work order (staff) or a task (the Desk), newest first.
export async function listEvidencePacks(
  actor: TStaffActor | TDeskActor,
  target: { workOrderId: string } | { assignmentId: string },
) {
  return db.evidencePack.findMany({
    where: { ...evidencePackScope(actor), ...target },
    orderBy: { createdAt: "desc" },
    take: 10,
    select: {
      id: true,
      status: true,
      createdAt: true,
      completedAt: true,
      sha256: true,
      sizeBytes: true,
      pages: true,
      error: true,
    },
  });
}

import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { evidencePackScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { storage } from "@/lib/storage/storage";

// A made pack's bytes, for the reader it was made for; out of scope is not found.
export async function readEvidencePack(actor: TStaffActor | TDeskActor, packId: string) {
  const pack = await db.evidencePack.findFirst({
    where: { ...evidencePackScope(actor), id: packId },
    include: { workOrder: { select: { number: true } } },
  });
  if (!pack) throw notFound("Evidence pack");
  if (pack.status !== "READY" || !pack.storageKey)
    throw new AppError(
      "CONFLICT",
      pack.status === "FAILED"
        ? "This pack could not be made. Ask for a new one."
        : "This pack is still being prepared.",
    );
  return { bytes: await storage().get(pack.storageKey), number: pack.workOrder.number, madeAt: pack.completedAt! };
}

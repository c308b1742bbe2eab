import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { accreditationCompanyScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { storage } from "@/lib/storage/storage";

// Removes a current accreditation with its renewal history and every certificate of it.
// Rows go in one transaction; the stored files are deleted once nothing points at them.
export async function removeAccreditation(actor: TDeskActor, input: { accreditationId: string }) {
  const current = await db.accreditation.findFirst({
    where: {
      id: input.accreditationId,
      renewedById: null,
      contractorCompany: accreditationCompanyScope(actor, "company.manage"),
    },
    select: { id: true },
  });
  if (!current) throw notFound("Accreditation");
  const storageKeys = await db.$transaction(async (tx) => {
    const documentIds: string[] = [];
    for (
      let row = await tx.accreditation.findUnique({ where: { id: current.id } });
      row;
      row = await tx.accreditation.findUnique({ where: { renewedById: row.id } })
    ) {
      if (row.documentId) documentIds.push(row.documentId);
    }
    // Predecessors point at their successor with ON DELETE CASCADE: the history goes too.
    const { count } = await tx.accreditation.deleteMany({ where: { id: current.id, renewedById: null } });
    if (count === 0)
      throw new AppError("CONFLICT", "This accreditation was renewed meanwhile; reload and remove the current one.");
    const documents = await tx.attachment.findMany({
      where: { id: { in: documentIds } },
      select: { storageKey: true },
    });
    await tx.attachment.deleteMany({ where: { id: { in: documentIds } } });
    return documents.map((d) => d.storageKey);
  });
  await Promise.all(
    storageKeys.map((key) =>
      storage()
        .remove(key)
        .catch(() => undefined),
    ),
  );
}

import "server-only";
import { formatCalendarDay } from "@/lib/time/zones";
import type { TDeskActor } from "@/lib/auth/actor";
import { accreditationCompanyScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import type { TRenewAccreditationInput } from "./schemas";
import { storeCertificate } from "./store-certificate";

// A renewal is a new accreditation with the new certificate and expiry; the one it
// replaces keeps its own dates and certificate as history and points at its successor.
export async function renewAccreditation(actor: TDeskActor, input: TRenewAccreditationInput) {
  const current = await db.accreditation.findFirst({
    where: { id: input.accreditationId, contractorCompany: accreditationCompanyScope(actor, "company.manage") },
  });
  if (!current) throw notFound("Accreditation");
  if (current.renewedById)
    throw new AppError("CONFLICT", "This accreditation has already been renewed; renew the current one.");
  if (input.expiresAt <= current.expiresAt) {
    throw invalidInput("Please correct the highlighted fields.", {
      expiresAt: [`The new expiry date must be after the current one (${formatCalendarDay(current.expiresAt)})`],
    });
  }
  return storeCertificate(actor, current.contractorCompanyId, input.file, async (tx, documentId) => {
    const renewal = await tx.accreditation.create({
      data: {
        contractorCompanyId: current.contractorCompanyId,
        personId: current.personId,
        type: current.type,
        reference: input.reference ?? current.reference,
        issuedAt: input.issuedAt,
        expiresAt: input.expiresAt,
        documentId,
      },
    });
    // Two renewals at once: only one may succeed the current row; the other is undone.
    const { count } = await tx.accreditation.updateMany({
      where: { id: current.id, renewedById: null },
      data: { renewedById: renewal.id },
    });
    if (count === 0)
      throw new AppError("CONFLICT", "This accreditation has already been renewed; renew the current one.");
    return renewal;
  });
}

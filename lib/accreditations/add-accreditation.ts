import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { assertDeskCan } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { invalidInput } from "@/lib/errors";
import type { TAddAccreditationInput } from "./schemas";
import { storeCertificate } from "./store-certificate";

// A company admin records an accreditation (company-wide, or held by one of its people)
// with its certificate.
export async function addAccreditation(actor: TDeskActor, input: TAddAccreditationInput) {
  assertDeskCan(actor, "company.manage", input.companyId);
  if (input.holderId) {
    const holder = await db.contractorPerson.findFirst({
      where: { id: input.holderId, contractorCompanyId: input.companyId, active: true },
      select: { id: true },
    });
    if (!holder)
      throw invalidInput("Please correct the highlighted fields.", {
        holderId: ["Choose one of the company's people"],
      });
  }
  return storeCertificate(actor, input.companyId, input.file, (tx, documentId) =>
    tx.accreditation.create({
      data: {
        contractorCompanyId: input.companyId,
        personId: input.holderId,
        type: input.type,
        reference: input.reference,
        issuedAt: input.issuedAt,
        expiresAt: input.expiresAt,
        documentId,
      },
    }),
  );
}

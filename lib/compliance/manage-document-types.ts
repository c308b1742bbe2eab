import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { invalidInput, notFound } from "@/lib/errors";
import { documentKey } from "./decide-compliance";
import type { TAddDocumentTypeInput, TSetTradeRequirementsInput } from "./schemas";

// A document type joins the organisation's list once: the same name in another case is
// the one already there (a second click of "Add" finds it), never a near-duplicate.
export async function addDocumentType(actor: TStaffActor, input: TAddDocumentTypeInput) {
  const same = async () =>
    (await db.documentType.findMany({ where: { organisationId: actor.organisationId } })).find(
      (d) => documentKey(d.name) === documentKey(input.name),
    );
  const existing = await same();
  if (existing) {
    if (existing.name === input.name) return existing;
    throw invalidInput("Please correct the highlighted fields.", { name: [`${existing.name} is already listed`] });
  }
  return db.documentType
    .create({ data: { organisationId: actor.organisationId, name: input.name } })
    .catch(async (error) => {
      // Two tabs adding it at once: the second finds the first's.
      const first = await same();
      if (first?.name === input.name) return first;
      throw error;
    });
}

// Removing a document type stops every trade requiring it; one already gone changes nothing.
export async function removeDocumentType(actor: TStaffActor, documentTypeId: string) {
  await db.documentType.deleteMany({ where: { id: documentTypeId, organisationId: actor.organisationId } });
}

// The documents a trade requires, exactly the ones given (from the organisation's list).
export async function setTradeRequirements(actor: TStaffActor, input: TSetTradeRequirementsInput) {
  await db.$transaction(async (tx) => {
    const trade = await tx.category.findFirst({
      where: { id: input.categoryId, organisationId: actor.organisationId },
    });
    if (!trade) throw notFound("Trade");
    const known = await tx.documentType.count({
      where: { id: { in: input.documentTypeIds }, organisationId: actor.organisationId },
    });
    if (known !== input.documentTypeIds.length)
      throw invalidInput("Please correct the highlighted fields.", {
        documentTypeIds: ["Choose documents from your list"],
      });
    await tx.documentRequirement.deleteMany({
      where: { categoryId: trade.id, documentTypeId: { notIn: input.documentTypeIds } },
    });
    await tx.documentRequirement.createMany({
      data: input.documentTypeIds.map((documentTypeId) => ({ categoryId: trade.id, documentTypeId })),
      skipDuplicates: true,
    });
  });
}

// The settings page's section: the list, and each trade with the documents it requires.
export async function getComplianceSettings(actor: TStaffActor) {
  const [documentTypes, trades] = await Promise.all([
    db.documentType.findMany({
      where: { organisationId: actor.organisationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { requiredBy: true } } },
    }),
    db.category.findMany({
      where: { organisationId: actor.organisationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, requirements: { select: { documentTypeId: true } } },
    }),
  ]);
  return {
    documentTypes: documentTypes.map((d) => ({ id: d.id, name: d.name, requiredBy: d._count.requiredBy })),
    trades: trades.map((t) => ({ id: t.id, name: t.name, requires: t.requirements.map((r) => r.documentTypeId) })),
  };
}

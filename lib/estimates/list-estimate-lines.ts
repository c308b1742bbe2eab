import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { estimateLineScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { readCountRule } from "./counted-lines";
import { listLineComments } from "./line-comments";
import { priceEstimate } from "./price-estimate";

// A work order's estimate as staff see it: the current lines in order (a waiting new
// version beside the approved one it would replace), both decisions on each, the
// comments, the earlier versions kept as the record, and the tax rate a new line gets.
export async function listEstimateLines(actor: TStaffActor, workOrderId: string) {
  const [lines, organisation, comments] = await Promise.all([
    db.estimateLine.findMany({
      where: { ...estimateLineScope(actor), workOrderId },
      orderBy: [{ position: "asc" }, { version: "asc" }],
    }),
    db.organisation.findUniqueOrThrow({
      where: { id: actor.organisationId },
      select: { defaultTaxPercent: true },
    }),
    listLineComments(actor, workOrderId),
  ]);
  const [rule, signature] = await Promise.all([
    readCountRule(db, actor.organisationId),
    db.estimateSignature.findFirst({
      where: { organisationId: actor.organisationId, workOrderId },
      orderBy: [{ signedAt: "desc" }, { id: "desc" }],
      select: { signerName: true, method: true, signedAt: true, contentHash: true, content: true },
    }),
  ]);
  const signedIds = new Set(
    ((signature?.content as { lines?: { id: string }[] } | undefined)?.lines ?? []).map((line) => line.id),
  );
  return {
    ...priceEstimate(
      lines.filter((line) => !line.supersededAt),
      actor.organisationCurrency,
      rule,
    ),
    history: lines.filter((line) => line.supersededAt),
    comments,
    // The customer's latest signature, and which line versions it covers.
    signature: signature
      ? {
          signerName: signature.signerName,
          method: signature.method,
          signedAt: signature.signedAt,
          contentHash: signature.contentHash,
          signedIds: [...signedIds],
        }
      : null,
    rule,
    defaultTaxPercent: organisation.defaultTaxPercent.toString(),
  };
}

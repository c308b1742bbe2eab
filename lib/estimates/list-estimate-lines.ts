import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { estimateLineScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { priceEstimate } from "./price-estimate";

// A work order's estimate as staff see it, in the order the lines were added, with the
// tax rate a new line gets when none is given.
export async function listEstimateLines(actor: TStaffActor, workOrderId: string) {
  const [lines, organisation] = await Promise.all([
    db.estimateLine.findMany({ where: { ...estimateLineScope(actor), workOrderId }, orderBy: { position: "asc" } }),
    db.organisation.findUniqueOrThrow({ where: { id: actor.organisationId }, select: { defaultTaxPercent: true } }),
  ]);
  return {
    ...priceEstimate(lines, actor.organisationCurrency),
    defaultTaxPercent: organisation.defaultTaxPercent.toString(),
  };
}

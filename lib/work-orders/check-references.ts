import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { assetScope, siteScope } from "@/lib/authz/scopes";
import type { TTx } from "@/lib/db";
import { invalidInput } from "@/lib/errors";

// Site, asset and trade chosen on a work order form must belong to the actor's
// organisation, and the asset to the chosen site; checked in the queries themselves.
export async function checkWorkOrderReferences(
  tx: TTx,
  actor: TStaffActor,
  input: { siteId: string; assetId?: string; categoryId?: string },
): Promise<void> {
  // One transaction is one connection: its queries go one after another.
  const site = await tx.site.findFirst({ where: { ...siteScope(actor), id: input.siteId }, select: { id: true } });
  const asset = input.assetId
    ? await tx.asset.findFirst({ where: { ...assetScope(actor), id: input.assetId }, select: { siteId: true } })
    : null;
  const category = input.categoryId
    ? await tx.category.findFirst({
        where: { id: input.categoryId, organisationId: actor.organisationId },
        select: { id: true },
      })
    : null;
  const fieldErrors: Record<string, string[]> = {};
  if (!site) fieldErrors.siteId = ["Choose one of your sites"];
  if (input.assetId && (!asset || asset.siteId !== input.siteId))
    fieldErrors.assetId = ["Choose an asset at the chosen site"];
  if (input.categoryId && !category) fieldErrors.categoryId = ["Choose one of your trades"];
  if (Object.keys(fieldErrors).length) throw invalidInput("Please correct the highlighted fields.", fieldErrors);
}

import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { siteScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TCreateAssetInput } from "./schemas";

export async function createAsset(actor: TStaffActor, input: TCreateAssetInput) {
  const site = await db.site.findFirst({ where: { ...siteScope(actor), id: input.siteId }, select: { id: true } });
  if (!site) throw notFound("Site");
  return db.asset.create({ data: { ...input, organisationId: actor.organisationId } });
}

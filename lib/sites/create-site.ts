import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { TCreateSiteInput } from "./schemas";

export async function createSite(actor: TStaffActor, input: TCreateSiteInput) {
  return db.site.create({ data: { ...input, organisationId: actor.organisationId } });
}

import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { assetScope, contractorCompanyScope, siteScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { byNaturalName } from "@/lib/lists/natural-order";

// The choices offered by the work order form and the list filters, all from the
// actor's organisation.
export async function listWorkOrderFormOptions(actor: TStaffActor) {
  const [sites, categories, contractors] = await Promise.all([
    db.site.findMany({ where: siteScope(actor), select: { id: true, name: true, city: true } }).then(byNaturalName),
    db.category.findMany({
      where: { organisationId: actor.organisationId },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.contractorCompany.findMany({
      where: contractorCompanyScope(actor),
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { sites, categories, contractors };
}

// Only the work order form needs the assets (its asset list follows the chosen site).
export async function listAssetOptions(actor: TStaffActor) {
  return byNaturalName(
    await db.asset.findMany({ where: assetScope(actor), select: { id: true, name: true, siteId: true } }),
  );
}

import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { Prisma } from "@/generated/prisma/client";
import { assetScope } from "@/lib/authz/scopes";
import { networkCompanySqlScope, siteSqlScope } from "@/lib/authz/sql-scopes";
import { readTogether, type TRead } from "@/lib/database/read-together";
import { db } from "@/lib/db";
import { byNaturalName } from "@/lib/lists/natural-order";

type TFormOptions = {
  sites: { id: string; name: string; city: string }[];
  categories: { id: string; name: string }[];
  contractors: { id: string; name: string }[];
};

// The choices offered by the work order form and the list filters, all from the actor's
// organisation, as one read of a page (lib/database/read-together.ts).
export function workOrderFormOptionsRead(actor: TStaffActor): TRead<TFormOptions> {
  const list = (fields: Prisma.Sql, from: Prisma.Sql, order: Prisma.Sql) =>
    Prisma.sql`(SELECT COALESCE(json_agg(json_build_object(${fields}) ORDER BY ${order}), '[]') FROM ${from})`;
  return {
    sql: Prisma.sql`SELECT json_build_array(
      ${list(Prisma.sql`'id', s.id, 'name', s.name, 'city', s.city`, Prisma.sql`"Site" s WHERE ${siteSqlScope(actor)}`, Prisma.sql`s.name`)},
      ${list(Prisma.sql`'id', c.id, 'name', c.name`, Prisma.sql`"Category" c WHERE c."organisationId" = ${actor.organisationId}`, Prisma.sql`c.name`)},
      ${list(Prisma.sql`'id', cc.id, 'name', cc.name`, Prisma.sql`"ContractorCompany" cc WHERE ${networkCompanySqlScope(actor, Prisma.sql`cc.id`)}`, Prisma.sql`cc.name`)})`,
    read: (value) => {
      const [sites, categories, contractors] = value as [
        TFormOptions["sites"],
        TFormOptions["categories"],
        TFormOptions["contractors"],
      ];
      return { sites: byNaturalName(sites), categories, contractors };
    },
  };
}

export async function listWorkOrderFormOptions(actor: TStaffActor): Promise<TFormOptions> {
  const [options] = await readTogether([workOrderFormOptionsRead(actor)]);
  return options;
}

// Only the work order form needs the assets (its asset list follows the chosen site).
export async function listAssetOptions(actor: TStaffActor) {
  return byNaturalName(
    await db.asset.findMany({ where: assetScope(actor), select: { id: true, name: true, siteId: true } }),
  );
}

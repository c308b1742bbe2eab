import "server-only";
import type { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { Prisma } from "@/generated/prisma/client";
import { savedFilterScope } from "@/lib/authz/scopes";
import { savedFilterSqlScope } from "@/lib/authz/sql-scopes";
import { type TRead } from "@/lib/database/read-together";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ZSaveFilterSchema } from "./schemas";

// A person's named list filters: the query string of the list page, kept per user.
export async function saveFilter(actor: TStaffActor, input: z.infer<typeof ZSaveFilterSchema>) {
  const query = new URLSearchParams(input.query);
  query.delete("after");
  return db.savedFilter.create({
    data: { organisationId: actor.organisationId, userId: actor.userId, name: input.name, query: query.toString() },
  });
}

export async function listSavedFilters(actor: TStaffActor) {
  return db.savedFilter.findMany({
    where: savedFilterScope(actor),
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
  });
}

// The same, as one read of a page (lib/database/read-together.ts).
export function savedFiltersRead(actor: TStaffActor): TRead<{ id: string; name: string; query: string }[]> {
  return {
    sql: Prisma.sql`SELECT COALESCE(json_agg(json_build_object('id', f.id, 'name', f.name, 'query', f.query) ORDER BY f.name), '[]')
      FROM "SavedFilter" f WHERE ${savedFilterSqlScope(actor)}`,
    read: (filters) => filters as { id: string; name: string; query: string }[],
  };
}

export async function deleteSavedFilter(actor: TStaffActor, id: string) {
  const deleted = await db.savedFilter.deleteMany({ where: { ...savedFilterScope(actor), id } });
  if (deleted.count === 0) throw notFound("Saved filter");
}

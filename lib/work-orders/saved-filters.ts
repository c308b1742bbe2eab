import "server-only";
import type { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { savedFilterScope } from "@/lib/authz/scopes";
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

export async function deleteSavedFilter(actor: TStaffActor, id: string) {
  const deleted = await db.savedFilter.deleteMany({ where: { ...savedFilterScope(actor), id } });
  if (deleted.count === 0) throw notFound("Saved filter");
}

import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { type TRead } from "@/lib/database/read-together";
import { DESK_COLUMNS } from "@/lib/assignments/schemas";
import { db } from "@/lib/db";
import { STAFF_WORK_ORDER_COLUMNS } from "@/lib/work-orders/schemas";

// The lists whose columns a person chooses, each kept under its own key of their
// preferences; every column shows until they choose.
const LISTS = {
  desk: { key: "deskColumns", columns: DESK_COLUMNS },
  staffWorkOrders: { key: "staffWorkOrderColumns", columns: STAFF_WORK_ORDER_COLUMNS },
} as const;
type TList = keyof typeof LISTS;
type TColumnOf<L extends TList> = (typeof LISTS)[L]["columns"][number];

function storedPreferences(preferences: unknown): Record<string, unknown> {
  return typeof preferences === "object" && preferences && !Array.isArray(preferences)
    ? (preferences as Record<string, unknown>)
    : {};
}

function chosenColumns<L extends TList>(list: L, preferences: unknown): TColumnOf<L>[] {
  const { key, columns } = LISTS[list];
  const chosen = z.array(z.enum(columns)).optional().catch(undefined).parse(storedPreferences(preferences)[key]);
  return (chosen ?? [...columns]) as TColumnOf<L>[];
}

export async function listColumnsFor<L extends TList>(userId: string, list: L): Promise<TColumnOf<L>[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { preferences: true } });
  return chosenColumns(list, user?.preferences);
}

// The same, as one read of a page (lib/database/read-together.ts).
export function listColumnsRead<L extends TList>(userId: string, list: L): TRead<TColumnOf<L>[]> {
  return {
    sql: Prisma.sql`SELECT u.preferences FROM "User" u WHERE u.id = ${userId}`,
    read: (preferences) => chosenColumns(list, preferences),
  };
}

export async function saveListColumns<L extends TList>(userId: string, list: L, chosen: TColumnOf<L>[]) {
  const { key, columns } = LISTS[list];
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { preferences: true } });
  const ordered = (columns as readonly string[]).filter((c) => (chosen as string[]).includes(c));
  await db.user.update({
    where: { id: userId },
    data: { preferences: { ...(storedPreferences(user.preferences) as object), [key]: ordered } },
  });
}

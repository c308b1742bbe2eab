import "server-only";
import { z } from "zod";
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

export async function listColumnsFor<L extends TList>(userId: string, list: L): Promise<TColumnOf<L>[]> {
  const { key, columns } = LISTS[list];
  const user = await db.user.findUnique({ where: { id: userId }, select: { preferences: true } });
  const chosen = z.array(z.enum(columns)).optional().catch(undefined).parse(storedPreferences(user?.preferences)[key]);
  return (chosen ?? [...columns]) as TColumnOf<L>[];
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

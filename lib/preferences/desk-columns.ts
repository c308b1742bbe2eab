import "server-only";
import { z } from "zod";
import { DESK_COLUMNS, type TDeskColumn } from "@/lib/assignments/schemas";
import { db } from "@/lib/db";

const ZPreferences = z.object({ deskColumns: z.array(z.enum(DESK_COLUMNS)).optional() }).catch({});

// Which Desk columns a person shows; everything until they choose.
export async function deskColumnsFor(userId: string): Promise<TDeskColumn[]> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { preferences: true } });
  return ZPreferences.parse(user?.preferences ?? {}).deskColumns ?? [...DESK_COLUMNS];
}

export async function saveDeskColumns(userId: string, columns: TDeskColumn[]): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { preferences: true } });
  const current =
    typeof user.preferences === "object" && user.preferences && !Array.isArray(user.preferences)
      ? user.preferences
      : {};
  await db.user.update({
    where: { id: userId },
    data: { preferences: { ...current, deskColumns: DESK_COLUMNS.filter((c) => columns.includes(c)) } },
  });
}

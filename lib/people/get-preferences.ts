import "server-only";
import { db } from "@/lib/db";

export async function getPreferences(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { mobile: true, signatureSvg: true } });
}

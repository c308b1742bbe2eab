import "server-only";
import { db } from "@/lib/db";

export async function getPreferences(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { mobile: true, signatureSvg: true, passwordHash: true },
  });
  return { mobile: user.mobile, signatureSvg: user.signatureSvg, hasPassword: user.passwordHash !== null };
}

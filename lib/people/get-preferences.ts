import "server-only";
import { db } from "@/lib/db";

export async function getPreferences(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { mobile: true, smsConsent: true, signatureSvg: true, passwordHash: true },
  });
  return {
    mobile: user.mobile,
    smsConsent: user.smsConsent,
    signatureSvg: user.signatureSvg,
    hasPassword: user.passwordHash !== null,
  };
}

import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { consumeRateLimit } from "@/lib/rate-limit";
import { hashSecret, verifyPassword } from "./secrets";
import type { TRequestMeta } from "./sign-in-links";

export const ZPasswordSignInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(200),
});

// Passwords are for client staff only; contractors and technicians sign in by link.
export async function authenticateWithPassword(input: unknown, meta: TRequestMeta): Promise<{ userId: string } | null> {
  const parsed = ZPasswordSignInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await consumeRateLimit(`password:ip:${meta.ip}`, env.PASSWORD_RATE_PER_IP, 15 * 60);
  await consumeRateLimit(`password:email:${hashSecret(email)}`, env.PASSWORD_RATE_PER_EMAIL, 15 * 60);
  const user = await db.user.findFirst({
    where: { email, deactivatedAt: null, passwordHash: { not: null }, memberships: { some: {} } },
  });
  const ok = user?.passwordHash ? await verifyPassword(password, user.passwordHash) : false;
  await db.accessLog.create({ data: { event: ok ? "PASSWORD_OK" : "PASSWORD_REFUSED", email, ip: meta.ip, userAgent: meta.userAgent } });
  if (!ok || !user) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { userId: user.id };
}

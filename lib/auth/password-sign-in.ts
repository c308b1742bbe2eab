import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, rateLimitAddress } from "@/lib/rate-limit";
import { isDemoMode } from "./demo";
import { hashSecret, verifyPassword } from "./secrets";
import type { TRequestMeta } from "./sign-in-links";
import { recordSignIn } from "./record-sign-in";
import { ZEmailSchema } from "@/lib/email-address";

export const ZPasswordSignInSchema = z.object({
  email: ZEmailSchema,
  password: z.string().min(1, "Enter your password").max(200),
});

// Guesses per 15 minutes. The tight limit is per account *and* IP, so someone guessing
// from elsewhere slows only themselves; the per-account limit is loose, and when even that
// is reached the owner can still sign in with an emailed link.
export type TPasswordLimits = { perEmailAndIp: number; perEmail: number; perIp: number };
const WINDOW_SECONDS = 15 * 60;

export const passwordLimits = (): TPasswordLimits => ({
  perEmailAndIp: env.PASSWORD_RATE_PER_EMAIL_IP,
  perEmail: env.PASSWORD_RATE_PER_EMAIL,
  perIp: env.PASSWORD_RATE_PER_IP,
});

const TOO_MANY =
  "Too many sign-in attempts for this account. Use “Email me a sign-in link” instead, or try again in 15 minutes.";

async function slowDown(email: string, address: string, limits: TPasswordLimits): Promise<void> {
  const account = hashSecret(email);
  try {
    await consumeRateLimit(`password:ip:${address}`, limits.perIp, WINDOW_SECONDS);
    await consumeRateLimit(`password:pair:${account}:${address}`, limits.perEmailAndIp, WINDOW_SECONDS);
    await consumeRateLimit(`password:email:${account}`, limits.perEmail, WINDOW_SECONDS);
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") throw new AppError("RATE_LIMITED", TOO_MANY);
    throw error;
  }
}

// Passwords are for client staff and contractor office people (technicians sign in by
// link only), and only while the person is active.
export async function authenticateWithPassword(
  input: unknown,
  meta: TRequestMeta,
  limits = passwordLimits(),
  demoMode: () => Promise<boolean> = isDemoMode,
): Promise<{ userId: string } | null> {
  const parsed = ZPasswordSignInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  await slowDown(email, rateLimitAddress(meta.ip), limits);
  const user = await db.user.findFirst({
    where: {
      email,
      deactivatedAt: null,
      passwordHash: { not: null },
      OR: [
        { memberships: { some: {} } },
        { contractorPersons: { some: { active: true, role: { in: ["ADMIN", "OFFICE"] } } } },
      ],
    },
  });
  // The demo personas' password is published; it opens nothing once demo mode is off.
  const usable = user?.passwordHash && (!user.isDemo || (await demoMode()));
  const ok = usable ? await verifyPassword(password, user.passwordHash!) : false;
  await db.accessLog.create({
    data: { event: ok ? "PASSWORD_OK" : "PASSWORD_REFUSED", email, ip: meta.ip, userAgent: meta.userAgent },
  });
  if (!ok || !user) return null;
  await recordSignIn(user.id);
  return { userId: user.id };
}

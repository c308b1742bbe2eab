import "server-only";
import type { z } from "zod";
import { hashSecret, hashPassword, verifyPassword } from "@/lib/auth/secrets";
import type { TCurrentSession } from "@/lib/auth/session";
import { endSessionsOf } from "@/lib/auth/user-sessions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, invalidInput } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit";
import type { ZSetOwnPasswordSchema } from "./schemas";

// Without the current password, only a fresh sign-in may set one: a session left open on
// a shared computer cannot take the account over.
export const RECENT_SIGN_IN_MINUTES = 10;

// A desk person's own optional password. Setting or changing it ends their other sessions.
export async function setOwnPassword(
  session: TCurrentSession,
  input: z.infer<typeof ZSetOwnPasswordSchema>,
): Promise<{ endedSessions: number }> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: session.userId },
    select: { id: true, email: true, passwordHash: true },
  });
  const recentSignIn = Date.now() - session.startedAt.getTime() <= RECENT_SIGN_IN_MINUTES * 60_000;
  if (input.currentPassword) {
    await consumeRateLimit(`password:change:${hashSecret(user.email)}`, env.PASSWORD_RATE_PER_EMAIL_IP, 15 * 60);
    const ok = user.passwordHash ? await verifyPassword(input.currentPassword, user.passwordHash) : false;
    if (!ok)
      throw invalidInput("Please correct the highlighted fields.", {
        currentPassword: ["That is not your current password"],
      });
  } else if (!recentSignIn) {
    const field = user.passwordHash ? "currentPassword" : "newPassword";
    const message = user.passwordHash
      ? "Enter your current password, or sign in again with a link first"
      : `Sign in again with a link first: a password can be set within ${RECENT_SIGN_IN_MINUTES} minutes of signing in`;
    throw new AppError("FORBIDDEN", message, { [field]: [message] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    return { endedSessions: await endSessionsOf(tx, user.id, "password_changed", session.sessionId) };
  });
}

import "server-only";
import type { TTx } from "@/lib/db";
import { db } from "@/lib/db";

// Server-side sessions behind the signed cookie. The cookie only names a session; the row
// decides whether it is still live, so ending it takes effect on the next request, on
// every instance.
export const SESSION_DAYS = 30;

export type TEndReason = "signed_out" | "deactivated" | "role_changed" | "password_changed" | "password_reset";

export async function startUserSession(
  userId: string,
  meta: { ip: string; userAgent: string | null },
): Promise<string> {
  const session = await db.userSession.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500),
    },
    select: { id: true },
  });
  return session.id;
}

// The session's person, while the session is live and the person active.
export async function liveSession(
  sessionId: string,
  userId: string,
): Promise<{ userId: string; createdAt: Date } | null> {
  return db.userSession.findFirst({
    where: { id: sessionId, userId, endedAt: null, expiresAt: { gt: new Date() }, user: { deactivatedAt: null } },
    select: { userId: true, createdAt: true },
  });
}

export async function endUserSession(sessionId: string, reason: TEndReason): Promise<void> {
  await db.userSession.updateMany({
    where: { id: sessionId, endedAt: null },
    data: { endedAt: new Date(), endedReason: reason },
  });
}

// Every session of a person (but the one they act from, when kept), inside the caller's
// transaction so the change and the sign-out land together.
export async function endSessionsOf(
  tx: TTx,
  userId: string,
  reason: TEndReason,
  keepSessionId?: string,
): Promise<number> {
  const ended = await tx.userSession.updateMany({
    where: { userId, endedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { endedAt: new Date(), endedReason: reason },
  });
  return ended.count;
}

// Ended and expired sessions are kept a while for the record, then removed.
export async function removeOldSessions(): Promise<number> {
  const removed = await db.userSession.deleteMany({
    where: { expiresAt: { lt: new Date(Date.now() - SESSION_DAYS * 86_400_000) } },
  });
  return removed.count;
}

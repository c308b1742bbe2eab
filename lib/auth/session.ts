import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import {
  loadDeskActor,
  loadStaffActor,
  loadTechActor,
  type TDeskActor,
  type TStaffActor,
  type TTechActor,
} from "./actor";
import { auth } from "./config";
import { liveSession } from "./user-sessions";

export type TCurrentSession = { userId: string; sessionId: string; startedAt: Date };

// The signed cookie names a person and a session; the session must still be live.
export const currentSession = cache(async (): Promise<TCurrentSession | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  const live = await liveSession(sessionId, userId);
  return live ? { userId, sessionId, startedAt: live.createdAt } : null;
});

export const sessionUserId = cache(async (): Promise<string | null> => (await currentSession())?.userId ?? null);

export const currentStaffActor = cache(async () => {
  const userId = await sessionUserId();
  return userId ? loadStaffActor(userId) : null;
});
export const currentDeskActor = cache(async () => {
  const userId = await sessionUserId();
  return userId ? loadDeskActor(userId) : null;
});
export const currentTechActor = cache(async () => {
  const userId = await sessionUserId();
  return userId ? loadTechActor(userId) : null;
});

// For pages: an audience's layout sends anyone else to sign-in (or to where they belong).
async function requireActor<T>(load: () => Promise<T | null>, returnTo: string): Promise<T> {
  const actor = await load();
  if (actor) return actor;
  if (await sessionUserId()) redirect(`/signin?notice=wrong-area&next=${encodeURIComponent(returnTo)}`);
  redirect(`/signin?next=${encodeURIComponent(returnTo)}`);
}

export const requireStaffActor = (returnTo = "/staff"): Promise<TStaffActor> =>
  requireActor(currentStaffActor, returnTo);
export const requireDeskActor = (returnTo = "/desk"): Promise<TDeskActor> => requireActor(currentDeskActor, returnTo);
export const requireTechActor = (returnTo = "/tech"): Promise<TTechActor> => requireActor(currentTechActor, returnTo);

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
import { readSessionClaims } from "./session-cookie";
import { liveSession } from "./user-sessions";

export type TCurrentSession = { userId: string; sessionId: string; startedAt: Date };

const sessionClaims = cache(readSessionClaims);

// The signed cookie names a person and a session; the session must still be live.
export const currentSession = cache(async (): Promise<TCurrentSession | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  const live = await liveSession(claims.sessionId, claims.userId);
  return live ? { ...claims, startedAt: live.createdAt } : null;
});

export const sessionUserId = cache(async (): Promise<string | null> => (await currentSession())?.userId ?? null);

// Each audience's actor checks the session in the same statement that loads it.
function actorOfSession<T>(load: (userId: string, sessionId: string) => Promise<T | null>) {
  return cache(async () => {
    const claims = await sessionClaims();
    return claims ? load(claims.userId, claims.sessionId) : null;
  });
}
export const currentStaffActor = actorOfSession(loadStaffActor);
export const currentDeskActor = actorOfSession(loadDeskActor);
export const currentTechActor = actorOfSession(loadTechActor);

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

import "server-only";
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export type TSessionClaims = { userId: string; sessionId: string };

// Cookies already opened, by their exact text: decrypting one costs about a millisecond
// of CPU on every page. What a cookie says cannot change, so a cached answer is the same
// answer until the token's own expiry; whether the session is still live is asked of the
// database on every request all the same (lib/auth/actor.ts). Only valid tokens are kept,
// and only so many: the oldest go first.
const OPENED = new Map<string, { claims: TSessionClaims; expiresAt: number }>();
const OPENED_LIMIT = 1000;

// What the signed session cookie says, read without next-auth's auth(): that one answers
// by running the whole session endpoint, which decrypts the cookie, encrypts it again with
// a later expiry and tries to set it, on every page. The cookie needs no renewing: the
// server-side session row ends it (lib/auth/user-sessions.ts), not the cookie's age. The
// cookie's name follows next-auth's own rule (the __Secure- form when the request is https).
export async function readSessionClaims(): Promise<TSessionClaims | null> {
  const requestHeaders = await headers();
  const protocol =
    process.env.AUTH_URL ?? process.env.NEXTAUTH_URL ?? requestHeaders.get("x-forwarded-proto") ?? "https";
  const secureCookie = protocol.startsWith("https");
  const sealed = sessionCookieText(requestHeaders.get("cookie"), secureCookie);
  if (!sealed) return null;
  const opened = OPENED.get(sealed);
  if (opened && opened.expiresAt > Date.now()) return opened.claims;
  const token = await getToken({ req: { headers: requestHeaders }, secret: env.AUTH_SECRET, secureCookie }).catch(
    () => null,
  );
  const userId = token?.uid;
  const sessionId = token?.sid;
  if (typeof userId !== "string" || typeof sessionId !== "string" || typeof token?.exp !== "number") return null;
  const claims = { userId, sessionId };
  if (OPENED.size >= OPENED_LIMIT) OPENED.delete(OPENED.keys().next().value!);
  OPENED.set(sealed, { claims, expiresAt: token.exp * 1000 });
  return claims;
}

// The session cookie as sent, its chunks (name.0, name.1, … when it is long) included.
function sessionCookieText(cookieHeader: string | null, secureCookie: boolean): string | null {
  if (!cookieHeader) return null;
  const name = `${secureCookie ? "__Secure-" : ""}authjs.session-token`;
  const parts = cookieHeader
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(`${name}=`) || pair.startsWith(`${name}.`));
  return parts.length ? parts.sort().join(";") : null;
}

import "server-only";
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export type TSessionClaims = { userId: string; sessionId: string };

// What the signed session cookie says, read without next-auth's auth(): that one answers
// by running the whole session endpoint, which decrypts the cookie, encrypts it again with
// a later expiry and tries to set it, on every page. The cookie needs no renewing: the
// server-side session row ends it (lib/auth/user-sessions.ts), not the cookie's age. The
// cookie's name follows next-auth's own rule (the __Secure- form when the request is https).
export async function readSessionClaims(): Promise<TSessionClaims | null> {
  const requestHeaders = await headers();
  const protocol =
    process.env.AUTH_URL ?? process.env.NEXTAUTH_URL ?? requestHeaders.get("x-forwarded-proto") ?? "https";
  const token = await getToken({
    req: { headers: requestHeaders },
    secret: env.AUTH_SECRET,
    secureCookie: protocol.startsWith("https"),
  }).catch(() => null);
  const userId = token?.uid;
  const sessionId = token?.sid;
  return typeof userId === "string" && typeof sessionId === "string" ? { userId, sessionId } : null;
}

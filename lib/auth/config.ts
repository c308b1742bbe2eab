import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authenticateDemoPersona } from "./demo";
import { authenticateWithPassword } from "./password-sign-in";
import { currentRequestMeta, metaFromHeaders } from "./request-meta";
import { consumeSignInLink } from "./sign-in-links";
import { endUserSession, SESSION_DAYS, startUserSession } from "./user-sessions";

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
}

class LinkRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// Email links are verified by our own confirm-then-POST flow (lib/auth/sign-in-links),
// not by next-auth's email provider, which consumes the token on GET (mail scanners).
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: env.AUTH_SECRET,
  // The cookie carries the person and the server-side session it belongs to
  // (lib/auth/user-sessions.ts), which every request checks.
  session: { strategy: "jwt", maxAge: SESSION_DAYS * 24 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      authorize: async (credentials, request) => {
        const result = await authenticateWithPassword(credentials, metaFromHeaders(request.headers));
        return result ? { id: result.userId } : null;
      },
    }),
    Credentials({
      id: "link",
      credentials: { token: {} },
      authorize: async (credentials, request) => {
        try {
          const result = await consumeSignInLink(String(credentials.token ?? ""), metaFromHeaders(request.headers));
          return { id: result.userId };
        } catch (error) {
          throw new LinkRefused(error instanceof AppError ? error.code : "INTERNAL");
        }
      },
    }),
    Credentials({
      id: "demo",
      credentials: { userId: {} },
      authorize: async (credentials) => {
        const result = await authenticateDemoPersona(credentials.userId);
        return result ? { id: result.userId } : null;
      },
    }),
  ],
  // A wrong password is an answer shown on the page, not a server error to log.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
  // However a sign-out comes about, the session ends on the server too.
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endUserSession(sid, "signed_out");
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        // Signing in over a session (another account, or the same again) ends the old one.
        if (typeof token.sid === "string") await endUserSession(token.sid, "signed_out");
        token.uid = user.id;
        token.sid = await startUserSession(user.id, await currentRequestMeta());
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
});

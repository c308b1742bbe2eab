import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { AppError } from "@/lib/errors";
import { authenticateDemoPersona } from "./demo";
import { authenticateWithPassword } from "./password-sign-in";
import { metaFromHeaders } from "./request-meta";
import { consumeSignInLink } from "./sign-in-links";

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
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
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
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
});

"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { publicAction } from "@/lib/actions/clients";
import { signIn } from "@/lib/auth/config";
import { homeForUser } from "@/lib/auth/home-for-user";
import { ZPasswordSignInSchema } from "@/lib/auth/password-sign-in";
import { currentRequestMeta } from "@/lib/auth/request-meta";
import {
  peekSignInLink,
  requestSignInLink,
  resendSignInLink,
  ZEmailSchema,
  ZRedirectPathSchema,
} from "@/lib/auth/sign-in-links";
import { AppError } from "@/lib/errors";
import { isId } from "@/lib/ids";

// next-auth reports failures inside authorize() as AuthError; our own AppError (rate
// limit, used link) travels as its cause and is shown as is.
function explainAuthError(error: unknown, fallback: AppError): AppError {
  if (!(error instanceof AuthError)) throw error;
  const cause = (error.cause as { err?: unknown } | undefined)?.err;
  if (cause instanceof AppError) return cause;
  const code = (error as { code?: string }).code;
  if (code === "LINK_USED")
    return new AppError("LINK_USED", "This link has already been used. Ask for a new one below.");
  if (code === "LINK_EXPIRED") return new AppError("LINK_EXPIRED", "This link has expired. Ask for a new one below.");
  return fallback;
}

export const signInWithPasswordAction = publicAction(
  ZPasswordSignInSchema.extend({ next: ZRedirectPathSchema }),
  async (input) => {
    try {
      // "/" sends each person to their own area (staff or Desk).
      await signIn("password", { email: input.email, password: input.password, redirectTo: input.next ?? "/" });
    } catch (error) {
      throw explainAuthError(
        error,
        new AppError("UNAUTHENTICATED", "That email and password do not match an account."),
      );
    }
  },
);

export const requestLinkAction = publicAction(
  z.object({ email: ZEmailSchema, next: ZRedirectPathSchema }),
  async (input) => {
    await requestSignInLink({ email: input.email, redirectTo: input.next }, await currentRequestMeta());
    return { email: input.email };
  },
);

export const demoSignInAction = publicAction(
  z.object({ userId: z.string().refine(isId, "Unknown persona") }),
  async (input) => {
    try {
      await signIn("demo", { userId: input.userId, redirectTo: await homeForUser(input.userId) });
    } catch (error) {
      throw explainAuthError(error, new AppError("FORBIDDEN", "Demo sign-in is not available."));
    }
  },
);

const ZLinkTokenSchema = z.object({ token: z.string().min(1).max(100) });

export const confirmLinkAction = publicAction(ZLinkTokenSchema, async ({ token }) => {
  const link = await peekSignInLink(token);
  if (!link?.userId) throw new AppError("NOT_FOUND", "This sign-in link is not valid.");
  const redirectTo = link.redirectTo ?? (await homeForUser(link.userId));
  try {
    await signIn("link", { token, redirectTo });
  } catch (error) {
    throw explainAuthError(
      error,
      new AppError("LINK_EXPIRED", "This link can no longer be used. Ask for a new one below."),
    );
  }
});

export const resendLinkAction = publicAction(ZLinkTokenSchema, async ({ token }) =>
  resendSignInLink(token, await currentRequestMeta()),
);

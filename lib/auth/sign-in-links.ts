import "server-only";
import { z } from "zod";
import { db, type TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, rateLimitAddress } from "@/lib/rate-limit";
import { signInLinkUrl } from "./link-urls";
import { hashSecret, LINK_SECRET_PATTERN, newLinkSecret } from "./secrets";
import { recordSignIn } from "./record-sign-in";
import { ZEmailSchema } from "@/lib/email-address";

export { ZEmailSchema };

export type TRequestMeta = { ip: string; userAgent: string | null };

// Only same-site paths may follow a sign-in, never another host.
export const ZRedirectPathSchema = z
  .string()
  .max(500)
  .transform((v) => v || undefined)
  .pipe(
    z
      .string()
      .regex(/^\/(?!\/)[A-Za-z0-9/_\-?=&.%]*$/, "Invalid redirect")
      .optional(),
  )
  .optional();

// A `next` from the address bar: a path on this site, or nothing.
export function safeRedirectPath(value: unknown): string | undefined {
  const parsed = ZRedirectPathSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

// Links in notification emails are read hours later, so they live longer than a link the
// person just asked for; both are single use.
const NOTIFICATION_LINK_HOURS = 72;

export type TLinkState = "valid" | "expired" | "used" | "revoked" | "unknown";

async function logAccess(tokenId: string | null, event: string, meta: TRequestMeta, email?: string): Promise<void> {
  await db.accessLog.create({ data: { tokenId, event, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 500), email } });
}

// Creates a sign-in link inside the caller's transaction and returns its URL.
export async function createSignInLink(
  tx: TTx,
  user: { id: string; email: string },
  options: { redirectTo?: string; ttlMinutes?: number } = {},
): Promise<string> {
  const secret = newLinkSecret();
  const ttlMinutes = options.ttlMinutes ?? NOTIFICATION_LINK_HOURS * 60;
  const token = await tx.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "SIGN_IN",
      email: user.email,
      userId: user.id,
      redirectTo: options.redirectTo,
      expiresAt: new Date(Date.now() + ttlMinutes * 60_000),
    },
  });
  await tx.accessLog.create({ data: { tokenId: token.id, event: "ISSUED", email: user.email } });
  return signInLinkUrl(secret);
}

// The answer is the same whether or not the address has an account, so the form cannot
// be used to find out who uses Fieldgate.
export async function requestSignInLink(
  input: { email: string; redirectTo?: string },
  meta: TRequestMeta,
): Promise<void> {
  const email = ZEmailSchema.parse(input.email);
  const redirectTo = ZRedirectPathSchema.parse(input.redirectTo);
  await consumeRateLimit(`link:ip:${rateLimitAddress(meta.ip)}`, env.LINK_RATE_PER_IP, 15 * 60);
  await consumeRateLimit(`link:email:${email}`, env.LINK_RATE_PER_EMAIL, 15 * 60);
  const user = await db.user.findFirst({ where: { email, deactivatedAt: null } });
  if (!user) {
    await logAccess(null, "REQUESTED_UNKNOWN", meta, email);
    return;
  }
  await db.$transaction(async (tx) => {
    const url = await createSignInLink(tx, user, { redirectTo, ttlMinutes: env.SIGN_IN_LINK_MINUTES });
    await enqueueEmail(tx, {
      to: user.email,
      template: "sign-in-link",
      data: { name: user.name, url, minutes: env.SIGN_IN_LINK_MINUTES },
    });
  });
}

async function findToken(secret: string) {
  if (!LINK_SECRET_PATTERN.test(secret)) return null;
  return db.accessToken.findUnique({ where: { tokenHash: hashSecret(secret) } });
}

function stateOf(token: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }): TLinkState {
  if (token.revokedAt) return "revoked";
  if (token.usedAt) return "used";
  if (token.expiresAt.getTime() <= Date.now()) return "expired";
  return "valid";
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return `${local.slice(0, 2)}${"•".repeat(Math.max(1, local.length - 2))}@${domain}`;
}

// Opening a link (GET, HEAD, a mail scanner) only looks: it never uses the link up.
export async function inspectSignInLink(
  secret: string,
  meta: TRequestMeta,
): Promise<{ state: TLinkState; maskedEmail?: string }> {
  const token = await findToken(secret);
  if (!token || token.purpose !== "SIGN_IN") return { state: "unknown" };
  await logAccess(token.id, "VIEWED", meta);
  return { state: stateOf(token), maskedEmail: maskEmail(token.email) };
}

// Where the link leads once used; reading it does not count as a view.
export async function peekSignInLink(
  secret: string,
): Promise<{ userId: string | null; redirectTo: string | null } | null> {
  const token = await findToken(secret);
  return token && token.purpose === "SIGN_IN" ? { userId: token.userId, redirectTo: token.redirectTo } : null;
}

// The person's click (POST): uses the link exactly once, atomically.
export async function consumeSignInLink(
  secret: string,
  meta: TRequestMeta,
): Promise<{ userId: string; redirectTo: string | null }> {
  const token = await findToken(secret);
  if (!token || token.purpose !== "SIGN_IN") throw new AppError("NOT_FOUND", "This sign-in link is not valid.");
  const claimed = await db.accessToken.updateMany({
    where: { id: token.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count === 0) {
    const state = stateOf(await db.accessToken.findUniqueOrThrow({ where: { id: token.id } }));
    await logAccess(token.id, `REFUSED_${state.toUpperCase()}`, meta);
    throw new AppError(
      state === "used" ? "LINK_USED" : "LINK_EXPIRED",
      state === "used" ? "This link has already been used." : "This link has expired.",
    );
  }
  const user = token.userId ? await db.user.findFirst({ where: { id: token.userId, deactivatedAt: null } }) : null;
  if (!user) {
    await logAccess(token.id, "REFUSED_NO_USER", meta);
    throw new AppError("FORBIDDEN", "This account is no longer active.");
  }
  await logAccess(token.id, "USED", meta);
  await recordSignIn(user.id);
  return { userId: user.id, redirectTo: token.redirectTo };
}

// "Send me a new link": to the address the old link was for, never to one typed in.
export async function resendSignInLink(secret: string, meta: TRequestMeta): Promise<{ maskedEmail: string }> {
  const token = await findToken(secret);
  if (!token || token.purpose !== "SIGN_IN")
    throw new AppError("NOT_FOUND", "This link is not valid, so we cannot tell where to send a new one.");
  await logAccess(token.id, "RESEND_REQUESTED", meta);
  await requestSignInLink({ email: token.email, redirectTo: token.redirectTo ?? undefined }, meta);
  return { maskedEmail: maskEmail(token.email) };
}

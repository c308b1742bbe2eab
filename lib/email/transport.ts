import "server-only";
import { Resend } from "resend";
import { emailProviderConfigured, env } from "@/lib/env";

export type TOutgoingEmail = { id: string; to: string; subject: string; html: string; text: string };

// How an email leaves the outbox: through Resend, or (no provider configured) into the
// built-in mailbox, where "delivery" only marks it sent.
export type TEmailTransport = { kind: "resend" | "mailbox"; send: (email: TOutgoingEmail) => Promise<string> };

export function resendTransport(apiKey: string, baseUrl?: string): TEmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    kind: "resend",
    send: async (email) => {
      const { data, error } = await resend.emails.send(
        { from: env.EMAIL_FROM, to: [email.to], subject: email.subject, html: email.html, text: email.text },
        // The outbox id makes every attempt at one email the same request for Resend, so a
        // retry after a lost reply is not a second delivery.
        { idempotencyKey: `outbox-${email.id}` },
      );
      if (error || !data) throw new Error(error?.message ?? "Resend returned no id");
      return data.id;
    },
  };
}

export const mailboxTransport: TEmailTransport = { kind: "mailbox", send: async (email) => `mailbox:${email.id}` };

export function currentTransport(): TEmailTransport {
  return emailProviderConfigured() ? resendTransport(env.RESEND_API_KEY!, env.RESEND_BASE_URL) : mailboxTransport;
}

import "server-only";
import { Resend } from "resend";
import { emailProviderConfigured, env } from "@/lib/env";

// content is base64 (a calendar invitation).
export type TEmailAttachment = { filename: string; contentType: string; content: string };
export type TOutgoingEmail = {
  id: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: TEmailAttachment[] | null;
};

// What the provider said of each email of a batch, in order: its id, or why it refused
// that one alone (a malformed address): those are never sent again.
export type TBatchResult = ({ ok: true; providerId: string } | { ok: false; error: string })[];

// The request could not be made or was refused as a whole; nothing is known to be sent.
// rateLimited: wait retryAfterMs before the next request.
export class TransportError extends Error {
  constructor(
    message: string,
    public readonly rateLimited = false,
    public readonly retryAfterMs = 1000,
  ) {
    super(message);
    this.name = "TransportError";
  }
}

// How email leaves the outbox: through Resend, or (no provider configured) into the
// built-in mailbox, where "delivery" only marks it sent. One call is one request: up to
// 100 emails, with a key that makes a repeated request the same one.
export type TEmailTransport = {
  kind: "resend" | "mailbox";
  requestsPerSecond: number;
  sendBatch: (emails: TOutgoingEmail[], idempotencyKey: string) => Promise<TBatchResult>;
};

export const MAX_BATCH = 100;

export function resendTransport(
  apiKey: string,
  baseUrl?: string,
  requestsPerSecond = env.RESEND_REQUESTS_PER_SECOND,
): TEmailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    kind: "resend",
    requestsPerSecond,
    // Resend's batch endpoint drops attachments: an email with one is its own request,
    // under its own key derived from the batch's, so a retried batch repeats it as well.
    sendBatch: async (emails, idempotencyKey) => {
      const plain = emails.filter((email) => !email.attachments?.length);
      const plainResults = plain.length ? await sendPlainBatch(plain, idempotencyKey) : [];
      const results = new Map(plain.map((email, index) => [email.id, plainResults[index]]));
      for (const email of emails) {
        if (!email.attachments?.length) continue;
        const { data, error, headers } = await resend.emails.send(
          {
            from: env.EMAIL_FROM,
            to: [email.to],
            subject: email.subject,
            html: email.html,
            text: email.text,
            attachments: email.attachments.map((a) => ({
              filename: a.filename,
              content: a.content,
              contentType: a.contentType,
            })),
          },
          { idempotencyKey: `${idempotencyKey}-${email.id}` },
        );
        if (error || !data) throw transportError(error, headers);
        results.set(email.id, { ok: true, providerId: data.id });
      }
      return emails.map((email) => results.get(email.id)!);
    },
  };

  async function sendPlainBatch(emails: TOutgoingEmail[], idempotencyKey: string): Promise<TBatchResult> {
    const { data, error, headers } = await resend.batch.send(
      emails.map((email) => ({
        from: env.EMAIL_FROM,
        to: [email.to],
        subject: email.subject,
        html: email.html,
        text: email.text,
      })),
      { idempotencyKey, batchValidation: "permissive" },
    );
    if (error || !data) throw transportError(error, headers);
    const refused = new Map((data.errors ?? []).map((e) => [e.index, e.message]));
    const ids = [...data.data];
    return emails.map((_email, index) =>
      refused.has(index)
        ? { ok: false, error: refused.get(index)! }
        : { ok: true, providerId: ids.shift()?.id ?? "unknown" },
    );
  }
}

function transportError(error: { message?: string } | null, headers: Record<string, string> | null | undefined) {
  const status = (error as { statusCode?: number | null } | null)?.statusCode;
  const retryAfter = Number(headers?.["retry-after"]);
  return new TransportError(
    error?.message ?? "Resend returned nothing",
    status === 429,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000,
  );
}

export const mailboxTransport: TEmailTransport = {
  kind: "mailbox",
  requestsPerSecond: Infinity,
  sendBatch: async (emails) => emails.map((email) => ({ ok: true, providerId: `mailbox:${email.id}` })),
};

export function currentTransport(): TEmailTransport {
  return emailProviderConfigured() ? resendTransport(env.RESEND_API_KEY!, env.RESEND_BASE_URL) : mailboxTransport;
}

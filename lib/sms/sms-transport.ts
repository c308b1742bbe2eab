import "server-only";
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import { env, smsProviderConfigured } from "@/lib/env";

type TRequestOptions<TData> = RequestClient.RequestOptions<TData>;

export type TSmsResult = { ok: true; providerId: string } | { ok: false; code: number | null; message: string };

// The real Twilio SDK, its requests sent where TWILIO_API_BASE says (a local fake in
// tests, which checks the SDK's own requests) instead of api.twilio.com.
class RedirectingClient extends twilio.RequestClient {
  constructor(private readonly base: string) {
    super();
  }
  request<TData>(opts: TRequestOptions<TData>) {
    const url = new URL(opts.uri);
    const target = new URL(this.base);
    url.protocol = target.protocol;
    url.host = target.host;
    return super.request<TData>({ ...opts, uri: url.toString() });
  }
}

let client: ReturnType<typeof twilio> | null = null;

function twilioClient() {
  client ??= twilio(env.TWILIO_ACCOUNT_SID!, env.TWILIO_AUTH_TOKEN!, {
    ...(env.TWILIO_API_BASE ? { httpClient: new RedirectingClient(env.TWILIO_API_BASE) } : {}),
  });
  return client;
}

// Sends one text. Without a provider nothing leaves: the text stays in the SMS log.
export async function sendSms(to: string, body: string): Promise<TSmsResult> {
  if (!smsProviderConfigured()) return { ok: false, code: null, message: "No SMS provider is configured" };
  try {
    const message = await twilioClient().messages.create({ to, from: env.TWILIO_FROM!, body });
    return { ok: true, providerId: message.sid };
  } catch (error) {
    const code = typeof (error as { code?: unknown }).code === "number" ? (error as { code: number }).code : null;
    return { ok: false, code, message: error instanceof Error ? error.message : String(error) };
  }
}

// Whether a request to the inbound webhook really comes from Twilio: its signature over the
// public URL and the posted fields, made with the account's auth token.
export function isTwilioSignatureValid(signature: string | null, url: string, params: Record<string, string>) {
  if (!signature || !env.TWILIO_AUTH_TOKEN) return false;
  return twilio.validateRequest(env.TWILIO_AUTH_TOKEN, signature, url, params);
}

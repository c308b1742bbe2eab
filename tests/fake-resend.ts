import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for Resend's HTTP API, spoken to by the real SDK (RESEND_BASE_URL):
// POST /emails and POST /emails/batch, Bearer keys, idempotency keys answered with the
// first response (as Resend does for 24 hours). It is the tests' email transport: tests
// read what was delivered from it (GET /__fake/messages?to=…), never from the mailbox.
export type TFakeMessage = { id: string; from: string; to: string[]; subject: string; html: string; text: string; idempotencyKey: string | null; receivedAt: string };
export type TFakeResendOptions = { port?: number; host?: string };

export type TFakeResend = {
  url: string;
  messages: TFakeMessage[];
  // Every request, including repeats of an idempotency key that delivered nothing new.
  requests: { path: string; idempotencyKey: string | null; authorization: string | undefined; repeated: boolean }[];
  // The next request is answered with this error instead of being delivered.
  failNext: (status: number, message: string) => void;
  stop: () => Promise<void>;
};

type TEmailBody = { from?: unknown; to?: unknown; subject?: unknown; html?: unknown; text?: unknown };

async function readJson(request: IncomingMessage): Promise<unknown> {
  let raw = "";
  for await (const chunk of request) raw += chunk;
  return JSON.parse(raw || "null");
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function validEmail(body: TEmailBody): string | null {
  if (typeof body?.from !== "string" || !body.from) return "Missing `from` field.";
  if (!Array.isArray(body.to) || body.to.length === 0 || !body.to.every((t) => typeof t === "string")) return "Missing `to` field.";
  if (typeof body.subject !== "string") return "Missing `subject` field.";
  if (typeof body.html !== "string" && typeof body.text !== "string") return "Missing `html` or `text` field.";
  return null;
}

export async function startFakeResend(options: TFakeResendOptions = {}): Promise<TFakeResend> {
  const messages: TFakeMessage[] = [];
  const requests: TFakeResend["requests"] = [];
  const answered = new Map<string, { status: number; body: unknown }>();
  let failure: { status: number; message: string } | null = null;
  let counter = 0;

  const deliver = (body: TEmailBody, idempotencyKey: string | null): { id: string } => {
    const id = `fake_${++counter}`;
    messages.push({
      id,
      from: String(body.from),
      to: (body.to as string[]).map((t) => t.toLowerCase()),
      subject: String(body.subject),
      html: String(body.html ?? ""),
      text: String(body.text ?? ""),
      idempotencyKey,
      receivedAt: new Date().toISOString(),
    });
    return { id };
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://fake");
    if (request.method === "GET" && url.pathname === "/__fake/health") return send(response, 200, { ok: true });
    if (request.method === "GET" && url.pathname === "/__fake/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      return send(response, 200, { messages: to ? messages.filter((m) => m.to.includes(to)) : messages });
    }
    if (request.method !== "POST" || (url.pathname !== "/emails" && url.pathname !== "/emails/batch")) {
      return send(response, 404, { name: "not_found", message: "The requested endpoint does not exist.", statusCode: 404 });
    }
    const idempotencyKey = (request.headers["idempotency-key"] as string | undefined) ?? null;
    const authorization = request.headers.authorization;
    const repeat = idempotencyKey ? answered.get(`${url.pathname} ${idempotencyKey}`) : undefined;
    requests.push({ path: url.pathname, idempotencyKey, authorization, repeated: Boolean(repeat) });
    if (!authorization?.startsWith("Bearer re_")) return send(response, 401, { name: "missing_api_key", message: "Missing API key in the authorization header.", statusCode: 401 });
    if (repeat) return send(response, repeat.status, repeat.body);
    if (failure) {
      const { status, message } = failure;
      failure = null;
      return send(response, status, { name: "internal_server_error", message, statusCode: status });
    }
    let body: unknown;
    try {
      body = await readJson(request);
    } catch {
      return send(response, 400, { name: "validation_error", message: "Invalid JSON body.", statusCode: 400 });
    }
    const emails = (url.pathname === "/emails" ? [body] : body) as TEmailBody[];
    if (!Array.isArray(emails) || emails.length === 0 || emails.length > 100) return send(response, 422, { name: "validation_error", message: "Send 1 to 100 emails.", statusCode: 422 });
    const problem = emails.map(validEmail).find(Boolean);
    if (problem) return send(response, 422, { name: "validation_error", message: problem, statusCode: 422 });
    const delivered = emails.map((email) => deliver(email, idempotencyKey));
    const answer = { status: 200, body: url.pathname === "/emails" ? delivered[0] : { data: delivered } };
    if (idempotencyKey) answered.set(`${url.pathname} ${idempotencyKey}`, answer);
    send(response, answer.status, answer.body);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    requests,
    failNext: (status, message) => {
      failure = { status, message };
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

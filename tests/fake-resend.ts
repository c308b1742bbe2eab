import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for Resend's HTTP API, spoken to by the real SDK (RESEND_BASE_URL):
// POST /emails and POST /emails/batch (strict or permissive validation), Bearer keys,
// idempotency keys answered with the first response (as Resend does for 24 hours), and, when
// asked, Resend's latency and its rate limit (429 with retry-after above N requests a
// second). It is the tests' email transport: tests read what was delivered from it
// (GET /__fake/messages?to=…), never from the mailbox. A message delivered twice (the same
// recipient, subject and text under different keys) is counted in `duplicates`.
export type TFakeMessage = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  // As the SDK sent them: content in base64. Only POST /emails takes attachments; the
  // batch endpoint drops them, as Resend's does.
  attachments: { filename: string; content: string; content_type?: string }[];
  idempotencyKey: string | null;
  receivedAt: string;
};
export type TFakeResendOptions = { port?: number; host?: string; latencyMs?: number; maxRequestsPerSecond?: number };

export type TFakeResend = {
  url: string;
  messages: TFakeMessage[];
  // Every request, including repeats of an idempotency key that delivered nothing new.
  requests: {
    path: string;
    idempotencyKey: string | null;
    authorization: string | undefined;
    repeated: boolean;
    status: number;
  }[];
  duplicates: TFakeMessage[];
  // The next request is answered with this error instead of being delivered.
  failNext: (status: number, message: string) => void;
  stop: () => Promise<void>;
};

type TEmailBody = {
  from?: unknown;
  to?: unknown;
  subject?: unknown;
  html?: unknown;
  text?: unknown;
  attachments?: unknown;
};

async function readJson(request: IncomingMessage): Promise<unknown> {
  let raw = "";
  for await (const chunk of request) raw += chunk;
  return JSON.parse(raw || "null");
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

function problemWith(body: TEmailBody): string | null {
  if (typeof body?.from !== "string" || !body.from) return "Missing `from` field.";
  if (!Array.isArray(body.to) || body.to.length === 0 || !body.to.every((t) => typeof t === "string"))
    return "Missing `to` field.";
  if (!body.to.every((t: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(t)))
    return "Invalid `to` field. The email address needs to follow the `email@example.com` format.";
  if (typeof body.subject !== "string") return "Missing `subject` field.";
  if (typeof body.html !== "string" && typeof body.text !== "string") return "Missing `html` or `text` field.";
  return null;
}

export async function startFakeResend(options: TFakeResendOptions = {}): Promise<TFakeResend> {
  const messages: TFakeMessage[] = [];
  const requests: TFakeResend["requests"] = [];
  const duplicates: TFakeMessage[] = [];
  const seen = new Set<string>();
  const answered = new Map<string, { status: number; body: unknown }>();
  const recent: number[] = [];
  let failure: { status: number; message: string } | null = null;
  let counter = 0;

  const deliver = (body: TEmailBody, idempotencyKey: string | null, batch = false): { id: string } => {
    const message: TFakeMessage = {
      id: `fake_${++counter}`,
      from: String(body.from),
      to: (body.to as string[]).map((t) => t.toLowerCase()),
      subject: String(body.subject),
      html: String(body.html ?? ""),
      text: String(body.text ?? ""),
      attachments: !batch && Array.isArray(body.attachments) ? (body.attachments as TFakeMessage["attachments"]) : [],
      idempotencyKey,
      receivedAt: new Date().toISOString(),
    };
    const identity = createHash("sha256")
      .update(JSON.stringify([message.to, message.subject, message.text]))
      .digest("hex");
    if (seen.has(identity)) duplicates.push(message);
    seen.add(identity);
    messages.push(message);
    return { id: message.id };
  };

  const overRateLimit = () => {
    if (!options.maxRequestsPerSecond) return false;
    const now = Date.now();
    while (recent.length && recent[0] <= now - 1000) recent.shift();
    if (recent.length >= options.maxRequestsPerSecond) return true;
    recent.push(now);
    return false;
  };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://fake");
    if (request.method === "GET" && url.pathname === "/__fake/health") return send(response, 200, { ok: true });
    if (request.method === "GET" && url.pathname === "/__fake/messages") {
      const to = url.searchParams.get("to")?.toLowerCase();
      return send(response, 200, { messages: to ? messages.filter((m) => m.to.includes(to)) : messages });
    }
    if (request.method !== "POST" || (url.pathname !== "/emails" && url.pathname !== "/emails/batch")) {
      return send(response, 404, {
        name: "not_found",
        message: "The requested endpoint does not exist.",
        statusCode: 404,
      });
    }
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const idempotencyKey = (request.headers["idempotency-key"] as string | undefined) ?? null;
    const authorization = request.headers.authorization;
    const repeat = idempotencyKey ? answered.get(`${url.pathname} ${idempotencyKey}`) : undefined;
    const log = { path: url.pathname, idempotencyKey, authorization, repeated: Boolean(repeat), status: 200 };
    requests.push(log);
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      log.status = status;
      send(response, status, body, headers);
    };
    if (!authorization?.startsWith("Bearer re_"))
      return answer(401, {
        name: "missing_api_key",
        message: "Missing API key in the authorization header.",
        statusCode: 401,
      });
    if (overRateLimit()) {
      return answer(
        429,
        {
          name: "rate_limit_exceeded",
          message: "Too many requests. You can only make 2 requests per second.",
          statusCode: 429,
        },
        { "retry-after": "1" },
      );
    }
    if (repeat) return answer(repeat.status, repeat.body);
    if (failure) {
      const { status, message } = failure;
      failure = null;
      return answer(status, { name: "internal_server_error", message, statusCode: status });
    }
    let body: unknown;
    try {
      body = await readJson(request);
    } catch {
      return answer(400, { name: "validation_error", message: "Invalid JSON body.", statusCode: 400 });
    }
    const batch = url.pathname === "/emails/batch";
    const emails = (batch ? body : [body]) as TEmailBody[];
    if (!Array.isArray(emails) || emails.length === 0 || emails.length > 100)
      return answer(422, { name: "validation_error", message: "Send 1 to 100 emails.", statusCode: 422 });
    const problems = emails.map(problemWith);
    const permissive = batch && request.headers["x-batch-validation"] === "permissive";
    if (!permissive && problems.some(Boolean))
      return answer(422, { name: "validation_error", message: problems.find(Boolean), statusCode: 422 });
    const delivered = emails.flatMap((email, index) =>
      problems[index] ? [] : [deliver(email, idempotencyKey, batch)],
    );
    const errors = problems.flatMap((message, index) => (message ? [{ index, message }] : []));
    const result = { status: 200, body: batch ? { data: delivered, ...(permissive ? { errors } : {}) } : delivered[0] };
    if (idempotencyKey) answered.set(`${url.pathname} ${idempotencyKey}`, result);
    answer(result.status, result.body);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    requests,
    duplicates,
    failNext: (status, message) => {
      failure = { status, message };
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

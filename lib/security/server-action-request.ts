// A server action request Next.js would refuse, answered before it reaches Next.js: Next
// answers these with a 500 (a cross-origin action, a body cut short) or a 400/409, and logs
// a stack trace for each, so anyone could fill the logs. Here each gets a 4xx with a short
// reason, and the caller logs one line.

export type TServerActionProblem = { status: 400 | 403 | 404; reason: string };

// Next.js 16's action ids: 42 hex digits.
const ACTION_ID = /^[0-9a-f]{42}$/;

export function serverActionProblem(request: {
  method: string;
  headers: Headers;
  // The action ids of this build; unknown (a development server) means not checked.
  knownIds?: ReadonlySet<string> | null;
}): TServerActionProblem | null {
  const id = request.headers.get("next-action");
  if (request.method !== "POST" || id === null) return null;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // "null" (a sandboxed page) or not a URL: not this site.
    }
    if (originHost !== host) return { status: 403, reason: `cross-origin server action from ${origin.slice(0, 100)}` };
  }
  if (!ACTION_ID.test(id)) return { status: 400, reason: "malformed server action id" };
  if (request.knownIds && !request.knownIds.has(id))
    return { status: 404, reason: "unknown server action (an older or newer build)" };
  return null;
}

// A multipart body ends with its closing boundary; one that does not was cut short.
export function multipartBodyProblem(contentType: string | null, tail: Uint8Array): TServerActionProblem | null {
  const boundary = /^multipart\/form-data;.*\bboundary="?([^";]+)"?/i.exec(contentType ?? "")?.[1];
  if (!boundary) return null;
  const end = new TextDecoder().decode(tail).trimEnd();
  return end.endsWith(`--${boundary}--`) ? null : { status: 400, reason: "server action body cut short" };
}

export const SERVER_ACTION_REFUSALS: Record<TServerActionProblem["status"], string> = {
  400: "This request is malformed.",
  403: "This request must come from Fieldgate itself.",
  404: "This page was updated: reload it and try again.",
};

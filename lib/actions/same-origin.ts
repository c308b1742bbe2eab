// A form posted from another site: refused. The Origin header is compared with the host the
// request came to (as Next.js does for server actions); a browser that sends no Origin
// sends no cross-site cookies either (they are SameSite=Lax), so it is let through.
export function isSameOriginRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

import "server-only";
// A write sent from another origin: refused. Browsers say where a request comes from in
// Sec-Fetch-Site, which a page cannot change; a port is part of the origin, so another port
// of the same host is "same-site", not "same-origin", and refused too. Browsers without it
// send Origin with every cross-origin write, compared with the host the request came to
// (as Next.js does for server actions). A request with neither (curl, a server) cannot
// carry a browser's cookies for someone else.
export function isSameOriginRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  // A document whose Referrer-Policy is no-referrer sends "Origin: null" even to itself.
  if (fetchSite) return fetchSite === "same-origin" || fetchSite === "none";
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

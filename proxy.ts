import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { newNonce, pageSecurityHeaders } from "@/lib/security/content-security-policy";

// Every page gets a fresh nonce and the Content-Security-Policy that names it; Next.js
// reads the policy from the request and puts the nonce on its own scripts.
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const security = pageSecurityHeaders({ nonce, appUrl: env.APP_URL, development: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", security["Content-Security-Policy"]);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages (and the files the service worker keeps for them); not the build's static
  // chunks or JSON APIs, which render no HTML.
  matcher: [{ source: "/((?!_next/static|_next/image|api/).*)" }],
};

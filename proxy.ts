import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { contentSecurityPolicy, newNonce } from "@/lib/security/content-security-policy";

// Every page gets a fresh nonce and the Content-Security-Policy that names it; Next.js
// reads the policy from the request and puts the nonce on its own scripts. Behind HTTPS,
// browsers are told to come back only over HTTPS.
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const https = env.APP_URL.startsWith("https://");
  const policy = contentSecurityPolicy({ nonce, development: env.NODE_ENV === "development", https });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  // Pages (and the files the service worker keeps for them); not the build's static
  // chunks or JSON APIs, which render no HTML.
  matcher: [{ source: "/((?!_next/static|_next/image|api/).*)" }],
};

import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { newNonce, pageSecurityHeaders } from "@/lib/security/content-security-policy";
import {
  multipartBodyProblem,
  SERVER_ACTION_REFUSALS,
  serverActionProblem,
  type TServerActionProblem,
} from "@/lib/security/server-action-request";

// Every page gets a fresh nonce and the Content-Security-Policy that names it; Next.js
// reads the policy from the request and puts the nonce on its own scripts. A server action
// Next.js would refuse is refused here first, with a 4xx and one log line.
export async function proxy(request: NextRequest) {
  const refusal = await refuseServerAction(request);
  if (refusal) {
    console.warn(`[security] refused ${request.method} ${request.nextUrl.pathname}: ${refusal.reason}`);
    return new NextResponse(SERVER_ACTION_REFUSALS[refusal.status], {
      status: refusal.status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const nonce = newNonce();
  const security = pageSecurityHeaders({ nonce, appUrl: env.APP_URL, development: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", security["Content-Security-Policy"]);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

async function refuseServerAction(request: NextRequest): Promise<TServerActionProblem | null> {
  const problem = serverActionProblem({ method: request.method, headers: request.headers, knownIds: actionIds() });
  if (problem || request.method !== "POST" || !request.headers.has("next-action")) return problem;
  const contentType = request.headers.get("content-type");
  if (!contentType?.toLowerCase().startsWith("multipart/form-data")) return null;
  const body = new Uint8Array(await request.clone().arrayBuffer());
  return multipartBodyProblem(contentType, body.subarray(Math.max(0, body.length - 512)));
}

// The server actions of this build (production only: the development server makes them as
// pages compile).
let knownActionIds: ReadonlySet<string> | null | undefined;
function actionIds(): ReadonlySet<string> | null {
  if (knownActionIds !== undefined) return knownActionIds;
  if (env.NODE_ENV !== "production") return (knownActionIds = null);
  try {
    const manifest = JSON.parse(
      readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8"),
    ) as { node?: Record<string, unknown> };
    knownActionIds = new Set(Object.keys(manifest.node ?? {}));
  } catch {
    knownActionIds = null;
  }
  return knownActionIds;
}

export const config = {
  // Pages (and the files the service worker keeps for them); not the build's static
  // chunks or JSON APIs, which render no HTML.
  matcher: [{ source: "/((?!_next/static|_next/image|api/).*)" }],
};

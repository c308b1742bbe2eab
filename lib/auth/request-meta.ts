import "server-only";
import { headers } from "next/headers";
import { normaliseAddress } from "@/lib/client-address";
import type { TRequestMeta } from "./sign-in-links";

// The client's address as scripts/http-server.ts wrote it before Next.js saw the request:
// one address, taken from the TCP peer (or from trusted proxies), never from what the
// client sent.
export function metaFromHeaders(h: Headers): TRequestMeta {
  const address = normaliseAddress(h.get("x-forwarded-for") ?? "");
  return { ip: address ?? "unknown", userAgent: h.get("user-agent") };
}

export async function currentRequestMeta(): Promise<TRequestMeta> {
  return metaFromHeaders(await headers());
}

import "server-only";
import { headers } from "next/headers";
import type { TRequestMeta } from "./sign-in-links";

export function metaFromHeaders(h: Headers): TRequestMeta {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || h.get("x-real-ip") || "unknown", userAgent: h.get("user-agent") };
}

export async function currentRequestMeta(): Promise<TRequestMeta> {
  return metaFromHeaders(await headers());
}

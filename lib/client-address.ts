import { BlockList, isIP } from "node:net";
import { z } from "zod";

// Who is on the other end of a request. A client can write any X-Forwarded-For it likes,
// so the address is the TCP peer, unless the peer is a proxy we were told to trust; then
// we step back through the addresses the trusted proxies appended, right to left, and stop
// at the first one that is not a trusted proxy. (The same rule as Express's "trust proxy".)
// Used by scripts/http-server.ts, which runs before Next.js and in plain Node, so it reads
// nothing from lib/env.ts and imports nothing server-only.

export type TTrustedProxies =
  { kind: "none" } | { kind: "hops"; count: number } | { kind: "addresses"; list: BlockList; text: string };

function parseTrustedProxies(value: string): TTrustedProxies | string {
  const text = value.trim();
  if (text === "" || text === "0" || text === "none") return { kind: "none" };
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    return count <= 20 ? { kind: "hops", count } : "a hop count must be 20 or fewer";
  }
  const list = new BlockList();
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefix] = entry.split("/");
    const family = isIP(address);
    if (!family) return `"${entry}" is not an IP address or CIDR range`;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return `"${entry}" has a malformed prefix length`;
    list.addSubnet(address, bits, type);
  }
  return { kind: "addresses", list, text };
}

export const ZTrustedProxiesSchema = z
  .string()
  .optional()
  .transform((value, context) => {
    const parsed = parseTrustedProxies(value ?? "");
    if (typeof parsed === "string") {
      context.addIssue({
        code: "custom",
        message: `${parsed}; give a hop count (e.g. 1) or addresses and CIDR ranges (e.g. 10.0.0.0/8,192.168.1.5)`,
      });
      return z.NEVER;
    }
    return parsed;
  });

// "::ffff:10.0.0.1" is the IPv4 peer 10.0.0.1 on a dual-stack socket.
export function normaliseAddress(address: string): string | null {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const unmapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1] ?? trimmed;
  return isIP(unmapped) ? unmapped.toLowerCase() : null;
}

function isTrusted(trusted: TTrustedProxies, address: string, hop: number): boolean {
  if (trusted.kind === "none") return false;
  if (trusted.kind === "hops") return hop < trusted.count;
  return trusted.list.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TTrustedProxies,
): string | null {
  const peerAddress = peer ? normaliseAddress(peer) : null;
  if (!peerAddress) return null;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  // Nearest first: the peer, then what each proxy appended, right to left.
  const chain = [
    peerAddress,
    ...header
      .split(",")
      .reverse()
      .map((entry) => entry.trim())
      .filter(Boolean),
  ];
  for (let hop = 0; hop < chain.length; hop++) {
    const address = hop === 0 ? peerAddress : normaliseAddress(chain[hop]);
    // A malformed entry was written by someone we do not trust: stop at the last good one.
    if (!address) return normaliseAddress(chain[hop - 1]);
    if (!isTrusted(trusted, address, hop) || hop === chain.length - 1) return address;
  }
  return peerAddress;
}

// Whether forwarded headers (host, protocol) came from a proxy we trust.
export function peerIsTrustedProxy(peer: string | undefined, trusted: TTrustedProxies): boolean {
  const address = peer ? normaliseAddress(peer) : null;
  return !!address && isTrusted(trusted, address, 0);
}

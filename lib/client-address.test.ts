import { describe, expect, it } from "vitest";
import { clientAddress, peerIsTrustedProxy, ZTrustedProxiesSchema } from "./client-address";

const trusted = (value?: string) => ZTrustedProxiesSchema.parse(value);

describe("the client's address", () => {
  it("is the TCP peer, whatever X-Forwarded-For a client sends, when no proxy is trusted", () => {
    expect(clientAddress("203.0.113.7", undefined, trusted())).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", "1.2.3.4", trusted())).toBe("203.0.113.7");
    expect(clientAddress("::ffff:127.0.0.1", "9.9.9.9, 8.8.8.8", trusted(""))).toBe("127.0.0.1");
    expect(clientAddress(undefined, "1.2.3.4", trusted())).toBeNull();
  });

  it("steps back one address per trusted hop, never further than the header goes", () => {
    // client 198.51.100.9 → (spoofed 6.6.6.6 in front) → proxy at 10.0.0.2 → us
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.9", trusted("1"))).toBe("198.51.100.9");
    expect(clientAddress("10.0.0.3", "6.6.6.6, 198.51.100.9, 10.0.0.2", trusted("2"))).toBe("198.51.100.9");
    expect(clientAddress("10.0.0.2", undefined, trusted("1"))).toBe("10.0.0.2");
  });

  it("steps back through trusted addresses and ranges only", () => {
    const proxies = trusted("10.0.0.0/8, 192.168.1.5, 2001:db8::/32");
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.9, 192.168.1.5", proxies)).toBe("198.51.100.9");
    expect(clientAddress("203.0.113.7", "6.6.6.6", proxies)).toBe("203.0.113.7");
    expect(clientAddress("2001:db8::1", "2001:db8::2, 198.51.100.9", proxies)).toBe("198.51.100.9");
    expect(clientAddress("10.1.2.3", "not-an-address", proxies)).toBe("10.1.2.3");
    expect(peerIsTrustedProxy("10.9.9.9", proxies)).toBe(true);
    expect(peerIsTrustedProxy("203.0.113.7", proxies)).toBe(false);
  });

  it("refuses a malformed setting", () => {
    for (const bad of ["lots", "10.0.0.0/99", "300.1.1.1", "21"])
      expect(ZTrustedProxiesSchema.safeParse(bad).success, bad).toBe(false);
  });
});

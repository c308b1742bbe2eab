import { describe, expect, it } from "vitest";
import { rateLimitAddress } from "./rate-limit";

describe("the address a per-IP limit counts", () => {
  it("is the address itself for IPv4, and the /64 network for IPv6", () => {
    expect(rateLimitAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitAddress("2001:db8:85a3:0000:1111:8a2e:0370:7334")).toBe("2001:db8:85a3:0::/64");
    expect(rateLimitAddress("2001:db8:85a3::1")).toBe("2001:db8:85a3:0::/64");
    expect(rateLimitAddress("2001:db8:85a3::ffff")).toBe(rateLimitAddress("2001:db8:85a3:0:9:9:9:9"));
    expect(rateLimitAddress("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitAddress("unknown")).toBe("unknown");
  });
});

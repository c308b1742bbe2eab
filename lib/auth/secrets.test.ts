import { describe, expect, it } from "vitest";
import { hashPassword, hashSecret, LINK_SECRET_PATTERN, newLinkSecret, verifyPassword } from "./secrets";

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse");
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("correct horsf", stored)).toBe(false);
  });

  it("salts each hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("refuses malformed stored hashes", async () => {
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });
});

describe("link secrets", () => {
  it("carry 256 bits and are stored only as a hash", () => {
    const secret = newLinkSecret();
    expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    expect(LINK_SECRET_PATTERN.test(secret)).toBe(true);
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSecret(secret)).not.toContain(secret);
    expect(new Set(Array.from({ length: 1000 }, newLinkSecret)).size).toBe(1000);
  });
});

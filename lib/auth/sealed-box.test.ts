import { describe, expect, it } from "vitest";
import { seal, unseal } from "./sealed-box";

describe("sealed values", () => {
  it("open only for the purpose they were sealed for, and hide the plaintext", () => {
    const sealed = seal("outbox-links", '["secret-one"]');
    expect(sealed).not.toContain("secret-one");
    expect(unseal("outbox-links", sealed)).toBe('["secret-one"]');
    expect(() => unseal("something-else", sealed)).toThrow();
  });

  it("refuse a tampered or malformed value", () => {
    const sealed = seal("outbox-links", "abc");
    const [v, iv, tag, body] = sealed.split(".");
    const flipped = `${v}.${iv}.${tag}.${body.slice(0, -1)}${body.endsWith("A") ? "B" : "A"}`;
    expect(() => unseal("outbox-links", flipped)).toThrow();
    expect(() => unseal("outbox-links", "nonsense")).toThrow("Malformed");
    expect(() => unseal("outbox-links", `${v}.${iv}.${tag.slice(0, 6)}.${body}`)).toThrow("Malformed");
  });

  it("seals the same value differently each time", () => {
    expect(seal("p", "same")).not.toBe(seal("p", "same"));
  });
});

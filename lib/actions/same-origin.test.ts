import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const post = (headers: Record<string, string>) => new Request("http://internal:3000/signout", { method: "POST", headers });

describe("a form posted to a route handler", () => {
  it("is accepted from the site itself, also behind a proxy", () => {
    expect(isSameOriginRequest(post({ origin: "https://fieldgate.example", host: "fieldgate.example" }))).toBe(true);
    expect(isSameOriginRequest(post({ origin: "https://fieldgate.example", host: "internal:3000", "x-forwarded-host": "fieldgate.example" }))).toBe(true);
  });

  it("is refused from another site or with a garbled origin", () => {
    expect(isSameOriginRequest(post({ origin: "https://attacker.example", host: "fieldgate.example" }))).toBe(false);
    expect(isSameOriginRequest(post({ origin: "https://fieldgate.example.attacker.example", host: "fieldgate.example" }))).toBe(false);
    expect(isSameOriginRequest(post({ origin: "null", host: "fieldgate.example" }))).toBe(false);
  });

  it("is accepted without an Origin header, which browsers omit only for same-site requests", () => {
    expect(isSameOriginRequest(post({ host: "fieldgate.example" }))).toBe(true);
  });
});

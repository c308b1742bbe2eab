import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://internal:3000/signout", { method: "POST", headers });

describe("a form posted to a route handler", () => {
  it("is accepted from the site itself, also behind a proxy", () => {
    expect(isSameOriginRequest(post({ origin: "https://fieldgate.example", host: "fieldgate.example" }))).toBe(true);
    expect(
      isSameOriginRequest(
        post({ origin: "https://fieldgate.example", host: "internal:3000", "x-forwarded-host": "fieldgate.example" }),
      ),
    ).toBe(true);
  });

  it("is refused from another site or with a garbled origin", () => {
    expect(isSameOriginRequest(post({ origin: "https://attacker.example", host: "fieldgate.example" }))).toBe(false);
    expect(
      isSameOriginRequest(post({ origin: "https://fieldgate.example.attacker.example", host: "fieldgate.example" })),
    ).toBe(false);
    expect(isSameOriginRequest(post({ origin: "null", host: "fieldgate.example" }))).toBe(false);
  });

  it("is refused from another port of the same host, which is the same site but another origin", () => {
    expect(isSameOriginRequest(post({ origin: "http://127.0.0.1:4000", host: "127.0.0.1:3100" }))).toBe(false);
    expect(isSameOriginRequest(post({ "sec-fetch-site": "same-site", host: "127.0.0.1:3100" }))).toBe(false);
    expect(
      isSameOriginRequest(
        post({ "sec-fetch-site": "cross-site", origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" }),
      ),
    ).toBe(false);
  });

  it("trusts the browser's Sec-Fetch-Site over an Origin of null (a page with Referrer-Policy: no-referrer)", () => {
    expect(
      isSameOriginRequest(post({ origin: "null", "sec-fetch-site": "same-origin", host: "fieldgate.example" })),
    ).toBe(true);
  });

  it("is accepted without Origin or Sec-Fetch-Site, which only clients outside a browser omit", () => {
    expect(isSameOriginRequest(post({ host: "fieldgate.example" }))).toBe(true);
    expect(isSameOriginRequest(post({ host: "fieldgate.example", "sec-fetch-site": "same-origin" }))).toBe(true);
  });
});

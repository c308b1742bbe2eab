import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "./content-security-policy";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? null;

describe("the Content-Security-Policy", () => {
  it("lets scripts run only from this origin or with the nonce, never inline or through eval, in production", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", development: false, https: true });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-abc123' 'report-sample'");
    expect(policy).not.toContain("unsafe-eval");
    expect(directive(policy, "script-src")).not.toContain("unsafe-inline");
    expect(directive(policy, "object-src")).toBe("object-src 'none'");
    expect(directive(policy, "base-uri")).toBe("base-uri 'none'");
    expect(directive(policy, "frame-ancestors")).toBe("frame-ancestors 'self'");
    expect(directive(policy, "report-uri")).toBe("report-uri /api/csp-report");
    expect(policy).toContain("upgrade-insecure-requests");
  });

  it("allows eval and the hot-reload websocket only in development, and no upgrade over plain HTTP", () => {
    const policy = contentSecurityPolicy({ nonce: "n", development: true, https: false });
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'nonce-n' 'report-sample' 'unsafe-eval'");
    expect(directive(policy, "connect-src")).toBe("connect-src 'self' ws: wss:");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("makes a new unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });

  it("tells browsers to keep to HTTPS only when the app is served over HTTPS", () => {
    expect(
      pageSecurityHeaders({ nonce: "n", appUrl: "https://fieldgate.example", development: false })[
        "Strict-Transport-Security"
      ],
    ).toBe("max-age=63072000; includeSubDomains");
    expect(pageSecurityHeaders({ nonce: "n", appUrl: "http://localhost:3000", development: true })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
  });
});

import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";

const request = { cookie: "" };
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: request.cookie, "x-forwarded-proto": "http" }),
}));
const { readSessionClaims } = await import("./session-cookie");

const SALT = "authjs.session-token";
async function sessionCookie(claims: Record<string, unknown>, maxAge: number, secret: string = env.AUTH_SECRET!) {
  return `${SALT}=${await encode({ token: claims, secret, salt: SALT, maxAge })}`;
}

describe("reading the session cookie", () => {
  beforeEach(() => {
    delete process.env.AUTH_URL;
    delete process.env.NEXTAUTH_URL;
  });

  it("says whose session it is, the same on every read of the same cookie, among other cookies", async () => {
    request.cookie = `reader-zone=Europe/London; ${await sessionCookie({ uid: "u1", sid: "s1" }, 3600)}`;
    expect(await readSessionClaims()).toEqual({ userId: "u1", sessionId: "s1" });
    expect(await readSessionClaims()).toEqual({ userId: "u1", sessionId: "s1" });
    request.cookie = await sessionCookie({ uid: "u2", sid: "s2" }, 3600);
    expect(await readSessionClaims()).toEqual({ userId: "u2", sessionId: "s2" });
  });

  it("refuses no cookie, another secret's cookie, a cookie without a session and an expired one, read again later", async () => {
    for (const cookie of [
      "",
      "reader-zone=UTC",
      await sessionCookie({ uid: "u1", sid: "s1" }, 3600, "another secret of at least thirty-two characters"),
      await sessionCookie({ uid: "u1" }, 3600),
      `${SALT}=not-a-token`,
    ]) {
      request.cookie = cookie;
      expect(await readSessionClaims()).toBeNull();
    }
    // A token read while valid is not kept beyond its own expiry.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      request.cookie = await sessionCookie({ uid: "u3", sid: "s3" }, 60);
      expect(await readSessionClaims()).toEqual({ userId: "u3", sessionId: "s3" });
      vi.setSystemTime(Date.now() + 120_000); // beyond next-auth's 15 s of tolerance too
      expect(await readSessionClaims()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

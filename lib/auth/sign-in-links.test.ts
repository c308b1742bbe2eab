import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createContractorPerson, createContractorCompany, createOrganisation, createUser } from "@/prisma/factories";
import { hashSecret } from "./secrets";
import { deliverLatestEmail, linkSecretIn } from "@/tests/deliver-email";
import {
  consumeSignInLink,
  inspectSignInLink,
  requestSignInLink,
  resendSignInLink,
  safeRedirectPath,
} from "./sign-in-links";

const meta = () => ({
  ip: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  userAgent: "vitest",
});

const latestLinkFor = async (email: string) => linkSecretIn(await deliverLatestEmail(email));

async function code(promise: Promise<unknown>) {
  return promise.then(
    () => "OK",
    (e) => (e instanceof AppError ? e.code : Promise.reject(e)),
  );
}

describe("sign-in links", () => {
  it("are emailed, stored only as a hash, and opening them any number of times does not use them", async () => {
    const user = await createUser(db);
    const m = meta();
    await requestSignInLink({ email: user.email.toUpperCase() }, m);
    const secret = await latestLinkFor(user.email);
    const token = await db.accessToken.findFirstOrThrow({ where: { email: user.email } });
    expect(token.tokenHash).toBe(hashSecret(secret));
    expect(JSON.stringify(token)).not.toContain(secret);
    expect(token.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    for (let i = 0; i < 3; i++) expect((await inspectSignInLink(secret, m)).state).toBe("valid");
    expect((await consumeSignInLink(secret, m)).userId).toBe(user.id);
    expect((await inspectSignInLink(secret, m)).state).toBe("used");
    const events = await db.accessLog.findMany({ where: { tokenId: token.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.event)).toEqual(["ISSUED", "VIEWED", "VIEWED", "VIEWED", "USED", "VIEWED"]);
  });

  it("work once: a second use is refused", async () => {
    const user = await createUser(db);
    await requestSignInLink({ email: user.email }, meta());
    const secret = await latestLinkFor(user.email);
    await consumeSignInLink(secret, meta());
    expect(await code(consumeSignInLink(secret, meta()))).toBe("LINK_USED");
  });

  it("two clicks at once sign in once", async () => {
    const user = await createUser(db);
    await requestSignInLink({ email: user.email }, meta());
    const secret = await latestLinkFor(user.email);
    const results = await Promise.all(Array.from({ length: 5 }, () => code(consumeSignInLink(secret, meta()))));
    expect(results.filter((r) => r === "OK")).toHaveLength(1);
  });

  it("expire, and an expired link can send a new one to the same address only", async () => {
    const user = await createUser(db);
    await requestSignInLink({ email: user.email, redirectTo: "/desk/tasks/x" }, meta());
    const secret = await latestLinkFor(user.email);
    await db.accessToken.updateMany({
      where: { tokenHash: hashSecret(secret) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await inspectSignInLink(secret, meta())).state).toBe("expired");
    expect(await code(consumeSignInLink(secret, meta()))).toBe("LINK_EXPIRED");
    const { maskedEmail } = await resendSignInLink(secret, meta());
    expect(maskedEmail).toMatch(/^.{2}•+@example\.test$/);
    const fresh = await latestLinkFor(user.email);
    expect(fresh).not.toBe(secret);
    const freshToken = await db.accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(fresh) } });
    expect(freshToken.redirectTo).toBe("/desk/tasks/x");
    expect((await consumeSignInLink(fresh, meta())).userId).toBe(user.id);
  });

  it("say nothing about unknown addresses and send them nothing", async () => {
    const email = `nobody-${Date.now()}@example.test`;
    await requestSignInLink({ email }, meta());
    expect(await db.emailOutbox.count({ where: { to: email } })).toBe(0);
    expect(await db.accessToken.count({ where: { email } })).toBe(0);
  });

  it("refuse malformed input and unknown tokens", async () => {
    await expect(requestSignInLink({ email: "not an email" }, meta())).rejects.toThrow();
    await expect(requestSignInLink({ email: "a@b.test", redirectTo: "//evil.example" }, meta())).rejects.toThrow();
    expect((await inspectSignInLink("garbage", meta())).state).toBe("unknown");
    expect(await code(consumeSignInLink("B".repeat(43), meta()))).toBe("NOT_FOUND");
  });

  it("are rate limited per address and per IP", async () => {
    const user = await createUser(db);
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await code(requestSignInLink({ email: user.email }, meta())));
    expect(results.slice(0, 5)).toEqual(["OK", "OK", "OK", "OK", "OK"]);
    expect(results.slice(5)).toEqual(["RATE_LIMITED", "RATE_LIMITED"]);
    expect(await db.emailOutbox.count({ where: { to: user.email } })).toBe(5);

    const ip = { ip: `10.250.${Date.now() % 250}.1`, userAgent: null };
    const perIp = [];
    for (let i = 0; i < 32; i++)
      perIp.push(await code(requestSignInLink({ email: `x${i}-${Date.now()}@example.test` }, ip)));
    expect(perIp.filter((r) => r === "RATE_LIMITED")).toHaveLength(2);
  });

  it("refuse a deactivated person even with a valid link", async () => {
    const org = await createOrganisation(db);
    const company = await createContractorCompany(db, [org.id]);
    const { user } = await createContractorPerson(db, company.id, "OFFICE");
    await requestSignInLink({ email: user.email }, meta());
    const secret = await latestLinkFor(user.email);
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await code(consumeSignInLink(secret, meta()))).toBe("FORBIDDEN");
  });

  it("only ever lead to a path on this site after signing in", () => {
    expect(safeRedirectPath("/desk/tasks/c123?tab=files")).toBe("/desk/tasks/c123?tab=files");
    for (const next of [
      "https://elsewhere.example",
      "//elsewhere.example",
      "/\\elsewhere.example",
      "\\\\elsewhere.example",
      "javascript:alert(1)",
      "/ok\nLocation: x",
      "",
      undefined,
      42,
    ]) {
      expect(safeRedirectPath(next)).toBeUndefined();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/scripts/db-client";
import { hashSecret, newLinkSecret } from "@/lib/auth/secrets";
import { db } from "@/lib/db";
import { startFakeResend, type TFakeResend } from "@/tests/fake-resend";
import { deliverOutbox, eraseExpiredMailboxLinks, MAX_EMAIL_ATTEMPTS } from "./deliver-outbox";
import { enqueueEmail } from "./enqueue-email";
import { mailboxTransport, resendTransport, type TEmailTransport, type TOutgoingEmail } from "./transport";

// A sign-in link with a real token behind it, as lib/auth makes them.
async function liveLink(email: string, minutes = 15) {
  const secret = newLinkSecret();
  await db.accessToken.create({ data: { tokenHash: hashSecret(secret), purpose: "SIGN_IN", email, expiresAt: new Date(Date.now() + minutes * 60_000) } });
  return { secret, url: `http://fg.test/link/${secret}` };
}

async function enqueue(to: string, url = "http://fg.test/desk") {
  return db.$transaction((tx) => enqueueEmail(tx, { to, template: "sign-in-link", data: { name: "Ann", url, minutes: 15 } }));
}

const sendingWith = (send: (email: TOutgoingEmail) => Promise<string>, kind: TEmailTransport["kind"] = "resend"): TEmailTransport => ({ kind, send });

// Other tests enqueue emails too; only deliver ours.
const drain = (ids: string[], transport: TEmailTransport, options: { keepMailboxLinks?: boolean } = {}) => deliverOutbox(db, { transport, ids, ...options });

describe("email outbox", () => {
  it("stores the bodies without the link's secret, which goes out only in the delivered email", async () => {
    const to = `ann-${Date.now()}@example.test`;
    const link = await liveLink(to);
    const { id } = await enqueue(to, link.url);
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe("PENDING");
    expect(row.html).toContain('<a href="http://fg.test/link/{{fieldgate-link-0}}"');
    expect(`${row.html}${row.text}${row.sealedLinks}`).not.toContain(link.secret);
    const delivered: TOutgoingEmail[] = [];
    await drain([id], sendingWith(async (email) => (delivered.push(email), `re_${email.id}`)));
    expect(delivered[0].text).toContain(link.url);
    expect(delivered[0].html).toContain(`href="${link.url}"`);
    const sent = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(sent).toMatchObject({ state: "SENT", attempts: 1, providerId: `re_${id}`, error: null, sealedLinks: null, linksKeptUntil: null });
  });

  it("a rolled back transaction sends nothing", async () => {
    const to = `rollback-${Date.now()}@example.test`;
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, { to, template: "sign-in-link", data: { name: "A", url: "http://x", minutes: 15 } });
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    expect(await db.emailOutbox.count({ where: { to } })).toBe(0);
  });

  it("failures are recorded and retried with backoff, never lost, until attempts run out; then the link is erased", async () => {
    const to = `fail-${Date.now()}@example.test`;
    const { id } = await enqueue(to, (await liveLink(to)).url);
    await drain([id], sendingWith(async () => Promise.reject(new Error("provider down"))));
    let row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "PENDING", attempts: 1, error: "provider down" });
    expect(row.sealedLinks).not.toBeNull();
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    for (let attempt = 2; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
      await db.emailOutbox.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
      await drain([id], sendingWith(async () => Promise.reject(new Error(`still down ${attempt}`))));
    }
    row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "FAILED", attempts: MAX_EMAIL_ATTEMPTS, error: `still down ${MAX_EMAIL_ATTEMPTS}`, sealedLinks: null });
  });

  it("several instances draining at once send each email exactly once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await enqueue(`multi-${i}-${Date.now()}@example.test`)).id);
    const instances = Array.from({ length: 4 }, () => createDbClient(process.env.DATABASE_URL!, 3));
    const sends = new Map<string, number>();
    const transport = sendingWith(async (email) => {
      await new Promise((r) => setTimeout(r, 2));
      sends.set(email.id, (sends.get(email.id) ?? 0) + 1);
      return `p-${email.id}`;
    });
    await Promise.all(instances.flatMap((client) => [1, 2, 3].map(() => deliverOutbox(client, { transport, ids, batch: 7 }))));
    await Promise.all(instances.map((client) => deliverOutbox(client, { transport, ids, batch: 50 })));
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    expect(sends.size).toBe(40);
    await Promise.all(instances.map((c) => c.$disconnect()));
  });

  it("the demo mailbox keeps a live link until it expires, then erases it; outside demo mode it is erased at once", async () => {
    const to = `demo-${Date.now()}@example.test`;
    const kept = await enqueue(to, (await liveLink(to, 15)).url);
    const notKept = await enqueue(to, (await liveLink(to, 15)).url);
    await drain([kept.id], mailboxTransport, { keepMailboxLinks: true });
    await drain([notKept.id], mailboxTransport, { keepMailboxLinks: false });
    const keptRow = await db.emailOutbox.findUniqueOrThrow({ where: { id: kept.id } });
    expect(keptRow.state).toBe("SENT");
    expect(keptRow.sealedLinks).not.toBeNull();
    expect(keptRow.linksKeptUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: notKept.id } })).toMatchObject({ state: "SENT", sealedLinks: null, linksKeptUntil: null });

    await eraseExpiredMailboxLinks(db);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: kept.id } })).sealedLinks).not.toBeNull();
    await db.emailOutbox.update({ where: { id: kept.id }, data: { linksKeptUntil: new Date(Date.now() - 1) } });
    await eraseExpiredMailboxLinks(db);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ sealedLinks: null, linksKeptUntil: null });
  });
});

describe("Resend transport", () => {
  let fake: TFakeResend;
  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterAll(() => fake.stop());

  it("sends through the real SDK with the key, an idempotency key and both bodies", async () => {
    const to = `resend-${Date.now()}@example.test`;
    const link = await liveLink(to);
    const { id } = await enqueue(to, link.url);
    await drain([id], resendTransport("re_test_key", fake.url));
    const message = fake.messages.find((m) => m.to.includes(to))!;
    expect(message).toMatchObject({ subject: "Your Fieldgate sign-in link", idempotencyKey: `outbox-${id}` });
    expect(message.html).toContain(link.url);
    expect(message.text).toContain(link.url);
    expect(fake.requests.find((r) => r.idempotencyKey === `outbox-${id}`)?.authorization).toBe("Bearer re_test_key");
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "SENT", providerId: message.id, sealedLinks: null });
  });

  it("records a provider error, keeps the email and its link for a retry with the same idempotency key, and delivers once", async () => {
    const to = `resend-fail-${Date.now()}@example.test`;
    const link = await liveLink(to);
    const { id } = await enqueue(to, link.url);
    fake.failNext(500, "boom");
    await drain([id], resendTransport("re_test_key", fake.url));
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe("PENDING");
    expect(row.error).toContain("boom");
    await db.emailOutbox.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
    await drain([id], resendTransport("re_test_key", fake.url));
    expect(fake.requests.filter((r) => r.idempotencyKey === `outbox-${id}`)).toHaveLength(2);
    expect(fake.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
    expect(fake.messages.find((m) => m.to.includes(to))!.text).toContain(link.url);
  });
});

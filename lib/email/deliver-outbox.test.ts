import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/scripts/db-client";
import { hashSecret, newLinkSecret } from "@/lib/auth/secrets";
import { db } from "@/lib/db";
import { startFakeResend, type TFakeResend } from "@/tests/fake-resend";
import { capturingTransport } from "@/tests/deliver-email";
import { BATCH_LEASE_SECONDS, deliverOutbox, eraseExpiredMailboxLinks, MAX_EMAIL_ATTEMPTS } from "./deliver-outbox";
import { drainOutbox } from "./drain-outbox";
import { enqueueEmail } from "./enqueue-email";
import { mailboxTransport, resendTransport, TransportError, type TEmailTransport } from "./transport";

// A sign-in link with a real token behind it, as lib/auth makes them.
async function liveLink(email: string, minutes = 15) {
  const secret = newLinkSecret();
  await db.accessToken.create({
    data: {
      tokenHash: hashSecret(secret),
      purpose: "SIGN_IN",
      email,
      expiresAt: new Date(Date.now() + minutes * 60_000),
    },
  });
  return { secret, url: `http://fg.test/link/${secret}` };
}

async function enqueue(to: string, url = "http://fg.test/desk") {
  return db.$transaction((tx) =>
    enqueueEmail(tx, { to, template: "sign-in-link", data: { name: "Ann", url, minutes: 15 } }),
  );
}

const unique = (name: string) => `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
const failing = (message: string): TEmailTransport => ({
  kind: "resend",
  requestsPerSecond: Infinity,
  sendBatch: async () => Promise.reject(new Error(message)),
});

// Other tests enqueue emails too; only deliver ours.
const drain = (ids: string[], transport: TEmailTransport, options: { keepMailboxLinks?: boolean } = {}) =>
  deliverOutbox(db, { transport, ids, ...options });

describe("email outbox", () => {
  it("records a delivered batch of 100 in one statement, however slow each row is to write", async () => {
    // Under load each row's update took ~55 ms: 100 of them in an interactive transaction
    // ran past its 5 s limit, and the delivered batch went unrecorded (and was sent again).
    const marker = `slow-${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push((await enqueue(unique(`${marker}-${i}`))).id);
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION "test_slow_outbox_write"() RETURNS trigger AS $$
      BEGIN PERFORM pg_sleep(0.055); RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER "test_slow_outbox_write" BEFORE UPDATE ON "EmailOutbox" FOR EACH ROW
      WHEN (NEW."to" LIKE '${marker}-%' AND NEW."state" IN ('SENT', 'FAILED')) EXECUTE FUNCTION "test_slow_outbox_write"()`);
    try {
      const pass = await drain(ids, capturingTransport());
      expect(pass).toMatchObject({ sent: 100, failed: 0 });
      const states = await db.emailOutbox.groupBy({ by: ["state"], where: { id: { in: ids } }, _count: true });
      expect(states.map((row) => [row.state, row._count])).toEqual([["SENT", 100]]);
      expect(await db.emailBatch.findUniqueOrThrow({ where: { id: pass.batchId! } })).toMatchObject({ state: "SENT" });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_slow_outbox_write" ON "EmailOutbox"`);
    }
  }, 30_000);

  it("stores the bodies without the link's secret, which goes out only in the delivered email", async () => {
    const to = unique("ann");
    const link = await liveLink(to);
    const { id } = await enqueue(to, link.url);
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe("PENDING");
    expect(row.html).toContain('<a href="http://fg.test/link/{{fieldgate-link-0}}"');
    expect(`${row.html}${row.text}${row.sealedLinks}`).not.toContain(link.secret);
    const transport = capturingTransport();
    const pass = await drain([id], transport);
    expect(pass).toMatchObject({ sent: 1, failed: 0 });
    expect(transport.keys).toEqual([`batch-${pass.batchId}`]);
    expect(transport.delivered[0].text).toContain(link.url);
    expect(transport.delivered[0].html).toContain(`href="${link.url}"`);
    const sent = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(sent).toMatchObject({
      state: "SENT",
      attempts: 1,
      providerId: `test-${id}`,
      error: null,
      sealedLinks: null,
      linksKeptUntil: null,
      batchId: null,
    });
    expect(await db.emailBatch.findUniqueOrThrow({ where: { id: pass.batchId! } })).toMatchObject({
      state: "SENT",
      emailIds: [id],
    });
  });

  it("a rolled back transaction sends nothing", async () => {
    const to = unique("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, { to, template: "sign-in-link", data: { name: "A", url: "http://x", minutes: 15 } });
        throw new Error("change failed");
      }),
    ).rejects.toThrow("change failed");
    expect(await db.emailOutbox.count({ where: { to } })).toBe(0);
  });

  it("a batch the provider refuses stays one request, retried under the same key until its attempts run out; then its links are erased", async () => {
    const to = unique("fail");
    const { id } = await enqueue(to, (await liveLink(to)).url);
    await expect(drain([id], failing("provider down"))).rejects.toThrow(/provider down/);
    let row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "SENDING", attempts: 1, error: "provider down" });
    expect(row.sealedLinks).not.toBeNull();
    const batchId = row.batchId!;
    for (let attempt = 2; attempt <= MAX_EMAIL_ATTEMPTS; attempt++)
      await expect(drain([id], failing(`still down ${attempt}`))).rejects.toThrow();
    row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      state: "FAILED",
      attempts: MAX_EMAIL_ATTEMPTS,
      error: `still down ${MAX_EMAIL_ATTEMPTS}`,
      sealedLinks: null,
    });
    expect(await db.emailBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({
      state: "FAILED",
      attempts: MAX_EMAIL_ATTEMPTS,
    });
  });

  it("several instances draining at once send each email exactly once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await enqueue(unique(`multi-${i}`))).id);
    const instances = Array.from({ length: 4 }, () => createDbClient(process.env.DATABASE_URL!, 3));
    const sends = new Map<string, number>();
    const transport: TEmailTransport = {
      kind: "resend",
      requestsPerSecond: Infinity,
      sendBatch: async (emails) => {
        await new Promise((r) => setTimeout(r, 2));
        for (const email of emails) sends.set(email.id, (sends.get(email.id) ?? 0) + 1);
        return emails.map((email) => ({ ok: true, providerId: `p-${email.id}` }));
      },
    };
    await Promise.all(
      instances.flatMap((client) => [1, 2, 3].map(() => deliverOutbox(client, { transport, ids, batchSize: 7 }))),
    );
    await Promise.all(instances.map((client) => deliverOutbox(client, { transport, ids, batchSize: 50 })));
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    expect(sends.size).toBe(40);
    await Promise.all(instances.map((c) => c.$disconnect()));
  });

  it("the demo mailbox keeps a live link until it expires, then erases it; outside demo mode it is erased at once", async () => {
    const to = unique("demo");
    const kept = await enqueue(to, (await liveLink(to, 15)).url);
    const notKept = await enqueue(to, (await liveLink(to, 15)).url);
    await drain([kept.id], mailboxTransport, { keepMailboxLinks: true });
    await drain([notKept.id], mailboxTransport, { keepMailboxLinks: false });
    const keptRow = await db.emailOutbox.findUniqueOrThrow({ where: { id: kept.id } });
    expect(keptRow.state).toBe("SENT");
    expect(keptRow.sealedLinks).not.toBeNull();
    expect(keptRow.linksKeptUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: notKept.id } })).toMatchObject({
      state: "SENT",
      sealedLinks: null,
      linksKeptUntil: null,
    });

    await eraseExpiredMailboxLinks(db);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: kept.id } })).sealedLinks).not.toBeNull();
    await db.emailOutbox.update({ where: { id: kept.id }, data: { linksKeptUntil: new Date(Date.now() - 1) } });
    await eraseExpiredMailboxLinks(db);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({
      sealedLinks: null,
      linksKeptUntil: null,
    });
  });
});

describe("draining the outbox", () => {
  it("waits as long as a rate-limited provider asks, then sends the same batch again, and paces its requests", async () => {
    const ids = [(await enqueue(unique("paced-1"))).id];
    const keys: string[] = [];
    let calls = 0;
    const transport: TEmailTransport = {
      kind: "resend",
      requestsPerSecond: 2,
      sendBatch: async (emails, key) => {
        keys.push(key);
        if (++calls === 1) throw new TransportError("Too many requests", true, 1500);
        return emails.map((email) => ({ ok: true, providerId: `p-${email.id}` }));
      },
    };
    let clock = 1_000_000;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock += ms;
    };
    const result = await drainOutbox(db, { transport, ids, now: () => clock, sleep });
    expect(result).toMatchObject({ emptied: true, sent: 1, rateLimited: 1 });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(waits[0]).toBe(1500);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: ids[0] } })).attempts).toBe(1);
  });
});

describe("Resend transport", () => {
  let fake: TFakeResend;
  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterAll(() => fake.stop());

  it("sends a batch through the real SDK with the key, an idempotency key and both bodies", async () => {
    const to = unique("resend");
    const link = await liveLink(to);
    const { id } = await enqueue(to, link.url);
    const pass = await drain([id], resendTransport("re_test_key", fake.url));
    const message = fake.messages.find((m) => m.to.includes(to))!;
    expect(message).toMatchObject({ subject: "Your Fieldgate sign-in link", idempotencyKey: `batch-${pass.batchId}` });
    expect(message.html).toContain(link.url);
    expect(message.text).toContain(link.url);
    expect(fake.requests.find((r) => r.idempotencyKey === `batch-${pass.batchId}`)).toMatchObject({
      path: "/emails/batch",
      authorization: "Bearer re_test_key",
    });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "SENT",
      providerId: message.id,
      sealedLinks: null,
    });
  });

  it("an address the provider refuses fails alone; the rest of the batch is sent", async () => {
    const good = await enqueue(unique("fine"));
    const bad = await db.$transaction((tx) =>
      enqueueEmail(tx, {
        to: "not-an-address",
        template: "sign-in-link",
        data: { name: "B", url: "http://x", minutes: 15 },
      }),
    );
    const pass = await drain([good.id, bad.id], resendTransport("re_test_key", fake.url));
    expect(pass).toMatchObject({ sent: 1, failed: 1 });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: bad.id } })).toMatchObject({
      state: "FAILED",
      error: expect.stringContaining("Invalid `to` field"),
    });
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: good.id } })).state).toBe("SENT");
  });

  it("an instance that died mid-send is taken over after its lease as the same request, and the email arrives once", async () => {
    const to = unique("crash");
    const link = await liveLink(to);
    const { id } = await enqueue(to, link.url);
    const real = resendTransport("re_test_key", fake.url);
    // The request reaches the provider, then the instance dies before it records the answer.
    let died: () => void = () => undefined;
    const dying: TEmailTransport = {
      ...real,
      sendBatch: async (emails, key) => {
        await real.sendBatch(emails, key);
        died();
        return new Promise(() => undefined);
      },
    };
    await new Promise<void>((resolve) => {
      died = resolve;
      void drain([id], dying);
    });
    const claimed = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(claimed.state).toBe("SENDING");
    // Within the lease nobody else takes it; after it, the next drain does.
    expect((await drain([id], real)).batchId).toBeNull();
    await db.emailBatch.update({
      where: { id: claimed.batchId! },
      data: { leaseUntil: new Date(Date.now() - BATCH_LEASE_SECONDS * 1000) },
    });
    const retried = await drain([id], real);
    expect(retried).toMatchObject({ batchId: claimed.batchId, sent: 1 });
    const attempts = fake.requests.filter((r) => r.idempotencyKey === `batch-${claimed.batchId}`);
    expect(attempts.map((r) => r.repeated)).toEqual([false, true]);
    expect(fake.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
    expect(fake.duplicates).toEqual([]);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "SENT",
      attempts: 2,
      sealedLinks: null,
    });
  });

  it("records a provider error and keeps the email for a retry with the same idempotency key, then delivers once", async () => {
    const to = unique("resend-fail");
    const link = await liveLink(to);
    const { id } = await enqueue(to, link.url);
    fake.failNext(500, "boom");
    await expect(drain([id], resendTransport("re_test_key", fake.url))).rejects.toThrow(/boom/);
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe("SENDING");
    expect(row.error).toContain("boom");
    await drain([id], resendTransport("re_test_key", fake.url));
    expect(fake.requests.filter((r) => r.idempotencyKey === `batch-${row.batchId}`)).toHaveLength(2);
    expect(fake.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
    expect(fake.messages.find((m) => m.to.includes(to))!.text).toContain(link.url);
  });
});

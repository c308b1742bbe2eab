import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/scripts/db-client";
import { db } from "@/lib/db";
import { currentProvider, deliverOutbox, MAX_EMAIL_ATTEMPTS, type TProvider } from "./deliver-outbox";
import { enqueueEmail } from "./enqueue-email";

const provider = (fn: (to: string) => Promise<string>) => (email: { to: string }) => fn(email.to);

async function enqueue(to: string) {
  return db.$transaction((tx) => enqueueEmail(tx, { to, template: "sign-in-link", data: { name: "Ann", url: "http://x/link/abc", minutes: 15 } }));
}

// Other tests enqueue emails too; only look at ours.
async function drainOnly(ids: string[], send: TProvider) {
  return deliverOutbox(db, async (email) => (ids.includes(email.id) ? send(email) : `ignored:${email.id}`), 500);
}

describe("email outbox", () => {
  it("renders HTML and text and records delivery", async () => {
    const to = `ann-${Date.now()}@example.test`;
    const { id } = await enqueue(to);
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe("PENDING");
    expect(row.html).toContain("<a href=\"http://x/link/abc\"");
    expect(row.text).toContain("http://x/link/abc");
    await drainOnly([id], async (e) => `mailbox:${e.id}`);
    const sent = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(sent).toMatchObject({ state: "SENT", attempts: 1, providerId: `mailbox:${id}`, error: null });
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

  it("failures are recorded and retried with backoff, never lost, until attempts run out", async () => {
    const { id } = await enqueue(`fail-${Date.now()}@example.test`);
    await drainOnly([id], provider(async () => Promise.reject(new Error("provider down"))));
    let row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "PENDING", attempts: 1, error: "provider down" });
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 10_000);
    for (let attempt = 2; attempt <= MAX_EMAIL_ATTEMPTS; attempt++) {
      await db.emailOutbox.update({ where: { id }, data: { nextAttemptAt: new Date(Date.now() - 1) } });
      await drainOnly([id], provider(async () => Promise.reject(new Error(`still down ${attempt}`))));
    }
    row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "FAILED", attempts: MAX_EMAIL_ATTEMPTS, error: `still down ${MAX_EMAIL_ATTEMPTS}` });
  });

  it("several instances draining at once send each email exactly once", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await enqueue(`multi-${i}-${Date.now()}@example.test`)).id);
    const instances = Array.from({ length: 4 }, () => createDbClient(process.env.DATABASE_URL!, 3));
    const sends = new Map<string, number>();
    const send = async (email: { id: string }) => {
      await new Promise((r) => setTimeout(r, 2));
      if (ids.includes(email.id)) sends.set(email.id, (sends.get(email.id) ?? 0) + 1);
      return `p-${email.id}`;
    };
    await Promise.all(instances.flatMap((client) => [deliverOutbox(client, send, 7), deliverOutbox(client, send, 7), deliverOutbox(client, send, 7)]));
    await Promise.all(instances.map((c) => deliverOutbox(c, send, 50)));
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    expect(sends.size).toBe(40);
    await Promise.all(instances.map((c) => c.$disconnect()));
  });
});

describe("Resend provider", () => {
  const requests: { path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown> }[] = [];
  let failNext = false;
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      requests.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(raw || "{}") });
      if (failNext) {
        failNext = false;
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ name: "internal_server_error", message: "boom", statusCode: 500 }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id: `re_${requests.length}` }));
    });
  });

  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.RESEND_API_KEY = "re_test_key";
  });
  afterAll(() => {
    delete process.env.RESEND_API_KEY;
    delete process.env.RESEND_BASE_URL;
    server.close();
  });

  it("sends through the real SDK with the key, an idempotency key and both bodies", async () => {
    const to = `resend-${Date.now()}@example.test`;
    const { id } = await enqueue(to);
    await drainOnly([id], currentProvider());
    const request = requests.find((r) => (r.body.to as string[])?.includes(to))!;
    expect(request.path).toBe("/emails");
    expect(request.headers.authorization).toBe("Bearer re_test_key");
    expect(request.headers["idempotency-key"]).toBe(`outbox-${id}`);
    expect(request.body).toMatchObject({ subject: "Your Fieldgate sign-in link", to: [to] });
    expect(String(request.body.html)).toContain("http://x/link/abc");
    expect(String(request.body.text)).toContain("http://x/link/abc");
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe("SENT");
    expect(row.providerId).toMatch(/^re_\d+$/);
  });

  it("records a provider error and keeps the email for a retry", async () => {
    const { id } = await enqueue(`resend-fail-${Date.now()}@example.test`);
    failNext = true;
    await drainOnly([id], currentProvider());
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.state).toBe("PENDING");
    expect(row.error).toContain("boom");
  });
});

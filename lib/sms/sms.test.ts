import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTwilio, type TFakeTwilio } from "@/tests/fake-twilio";

// The real Twilio SDK, pointed at a fake that records what it is sent.
const ACCOUNT = `AC${"1".repeat(32)}`;
const TOKEN = "test-auth-token";
const OPTED_OUT_NUMBER = "+447700900999";
let fake: TFakeTwilio;
let requests: TFakeTwilio["requests"] = [];

beforeAll(async () => {
  fake = await startFakeTwilio({ optedOut: [OPTED_OUT_NUMBER] });
  requests = fake.requests;
  process.env.TWILIO_ACCOUNT_SID = ACCOUNT;
  process.env.TWILIO_AUTH_TOKEN = TOKEN;
  process.env.TWILIO_FROM = "+447700900100";
  process.env.TWILIO_API_BASE = fake.url;
});
afterAll(() => fake.stop());

// Imported once the environment names the fake (lib/env reads it on first import).
const load = async () => ({
  ...(await import("@/lib/db")),
  ...(await import("./enqueue-sms")),
  ...(await import("./deliver-sms")),
  ...(await import("./handle-inbound-sms")),
  ...(await import("./sms-transport")),
  ...(await import("./phone-number")),
  ...(await import("./quiet-hours")),
});

const unique = () => `+4477009${String(Math.floor(Math.random() * 90_000) + 10_000)}`;
// 12:00 on a December day in London, 07:00 in New York.
const NOON_LONDON = new Date("2026-12-08T12:00:00Z");

describe("texts", () => {
  it("reads numbers as people type them, in E.164", async () => {
    const { toE164 } = await load();
    expect(toE164("07700 900123")).toBe("+447700900123");
    expect(toE164("+1 (212) 555-0123", "GB")).toBe("+12125550123");
    expect(toE164("(212) 555-0123", "US")).toBe("+12125550123");
    expect(toE164("12345")).toBeNull();
    expect(toE164("call me")).toBeNull();
  });

  it("keeps quiet between 21:00 and 07:00 on the recipient's clock", async () => {
    const { inQuietHours } = await load();
    expect(inQuietHours(new Date("2026-12-08T20:59:00Z"), "Europe/London")).toBe(false);
    expect(inQuietHours(new Date("2026-12-08T21:00:00Z"), "Europe/London")).toBe(true);
    expect(inQuietHours(new Date("2026-12-08T06:59:00Z"), "Europe/London")).toBe(true);
    // 07:00 in London in summer is 06:00 UTC.
    expect(inQuietHours(new Date("2026-07-08T06:00:00Z"), "Europe/London")).toBe(false);
    expect(inQuietHours(NOON_LONDON, "America/New_York")).toBe(false);
    expect(inQuietHours(new Date("2026-12-08T11:59:00Z"), "America/New_York")).toBe(true);
  });

  it("queues a text once per key, never to an opted-out number or in quiet hours, and two runners send each once through the SDK", async () => {
    const { db, enqueueSms, deliverQueuedSms } = await load();
    const to = unique();
    const key = `test:${to}`;
    const queue = (at = NOON_LONDON, dedupeKey = key) =>
      db.$transaction((tx) =>
        enqueueSms(tx, { to, body: "Your visit is tomorrow at 10:00.", dedupeKey, zone: "Europe/London", at }),
      );
    expect(await queue()).toMatchObject({ queued: true });
    expect(await queue()).toEqual({ queued: false, why: "duplicate" });
    expect(await queue(new Date("2026-12-08T22:30:00Z"), `${key}:late`)).toEqual({ queued: false, why: "quiet_hours" });
    const before = requests.length;
    await Promise.all([deliverQueuedSms(), deliverQueuedSms()]);
    const mine = requests.slice(before).filter((r) => r.form.get("To") === to);
    expect(mine).toHaveLength(1);
    expect(mine[0].path).toBe(`/2010-04-01/Accounts/${ACCOUNT}/Messages.json`);
    expect(mine[0].authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString("base64")}`);
    expect([mine[0].form.get("From"), mine[0].form.get("Body")]).toEqual([
      "+447700900100",
      "Your visit is tomorrow at 10:00.",
    ]);
    const row = await db.smsOutbox.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect([row.state, row.attempts, row.providerId?.startsWith("SM")]).toEqual(["SENT", 1, true]);

    await db.smsOptOut.create({ data: { phone: to, source: "STOP" } });
    expect(await queue(NOON_LONDON, `${key}:after-stop`)).toEqual({ queued: false, why: "opted_out" });
  });

  it("a send refused as opted out (21610) marks the number, and STOP, START and HELP replies are honoured", async () => {
    const { db, enqueueSms, deliverQueuedSms, handleInboundSms } = await load();
    await db.smsOptOut.deleteMany({ where: { phone: OPTED_OUT_NUMBER } });
    await db.$transaction((tx) =>
      enqueueSms(tx, {
        to: OPTED_OUT_NUMBER,
        body: "Reminder",
        dedupeKey: `test:21610:${Date.now()}`,
        zone: "Europe/London",
        at: NOON_LONDON,
      }),
    );
    await deliverQueuedSms();
    expect(await db.smsOptOut.findUnique({ where: { phone: OPTED_OUT_NUMBER } })).toMatchObject({
      source: "twilio 21610",
    });

    const from = unique();
    expect(await handleInboundSms(from, " stop ")).toEqual({ kind: "stop" });
    expect(await db.smsOptOut.count({ where: { phone: from } })).toBe(1);
    expect(await handleInboundSms(from, "START")).toEqual({ kind: "start" });
    expect(await db.smsOptOut.count({ where: { phone: from } })).toBe(0);
    expect(await handleInboundSms(from, "help")).toEqual({ kind: "help" });
    expect(await handleInboundSms(from, "See you then")).toEqual({ kind: "other" });
  });

  it("trusts the inbound webhook only with Twilio's signature over the address and the fields", async () => {
    const { isTwilioSignatureValid } = await load();
    const twilio = (await import("twilio")).default;
    const url = "https://fieldgate.example/api/webhooks/twilio/sms";
    const params = { From: "+447700900123", Body: "STOP" };
    const signature = twilio.getExpectedTwilioSignature(TOKEN, url, params);
    expect(isTwilioSignatureValid(signature, url, params)).toBe(true);
    expect(isTwilioSignatureValid(signature, url, { ...params, Body: "START" })).toBe(false);
    expect(isTwilioSignatureValid("forged", url, params)).toBe(false);
    expect(isTwilioSignatureValid(null, url, params)).toBe(false);
  });
});

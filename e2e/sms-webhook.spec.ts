import { db, expect, test } from "./fixtures";

// Replies to the SMS number count only when Twilio signed them: a forged STOP (or any post
// without the signature) is refused and opts no one out.
test("the inbound SMS webhook refuses a post without Twilio's signature, and changes nothing", async ({ request }) => {
  const from = `+4477009${String(Date.now()).slice(-5)}`;
  for (const headers of [{}, { "X-Twilio-Signature": "forged" }] as Record<string, string>[]) {
    const response = await request.post("/api/webhooks/twilio/sms", {
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      data: new URLSearchParams({ From: from, Body: "STOP" }).toString(),
    });
    expect(response.status()).toBe(403);
  }
  expect(await db.smsOptOut.count({ where: { phone: from } })).toBe(0);
});

import { withoutSignIn } from "@/lib/actions/route";
import { env } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import { handleInboundSms } from "@/lib/sms/handle-inbound-sms";
import { isTwilioSignatureValid } from "@/lib/sms/sms-transport";

export const dynamic = "force-dynamic";

const twiml = (message?: string) =>
  new Response(
    `<?xml version="1.0" encoding="UTF-8"?><Response>${message ? `<Message>${message}</Message>` : ""}</Response>`,
    { headers: { "Content-Type": "text/xml" } },
  );

// Replies to our SMS number, posted by Twilio: honoured only with a valid
// X-Twilio-Signature over this address and the posted fields.
export const POST = withoutSignIn(
  async (request) => {
    const form = new URLSearchParams(await request.text());
    const params = Object.fromEntries(form.entries());
    const url = `${env.APP_URL.replace(/\/$/, "")}/api/webhooks/twilio/sms`;
    if (!isTwilioSignatureValid(request.headers.get("x-twilio-signature"), url, params))
      throw forbidden("This request is not signed by Twilio.");
    const reply = await handleInboundSms(params.From ?? "", params.Body ?? "");
    if (reply.kind === "help")
      return twiml("Fieldgate visit reminders. Reply STOP to stop them, START to have them again.");
    return twiml();
  },
  { anyOrigin: true, accepts: ["application/x-www-form-urlencoded"] },
);

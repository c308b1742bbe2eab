import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

// A local stand-in for Twilio's Messages API, spoken to by the real SDK (TWILIO_API_BASE):
// it records each request (path, Basic authorization, form), answers 201 with a message sid,
// and refuses an opted-out number with Twilio's error 21610. A text delivered twice (the
// same To and Body) is counted in `duplicates`.
export type TFakeTwilio = {
  url: string;
  requests: { path: string; authorization: string; form: URLSearchParams }[];
  duplicates: number;
  stop: () => Promise<void>;
};

export async function startFakeTwilio(options: { optedOut?: string[] } = {}): Promise<TFakeTwilio> {
  const requests: TFakeTwilio["requests"] = [];
  const seen = new Set<string>();
  const fake: TFakeTwilio = { url: "", requests, duplicates: 0, stop: async () => undefined };
  const server = createServer(async (request: IncomingMessage, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    const form = new URLSearchParams(body);
    requests.push({ path: request.url ?? "", authorization: request.headers.authorization ?? "", form });
    response.setHeader("Content-Type", "application/json");
    if (options.optedOut?.includes(form.get("To") ?? "")) {
      response.statusCode = 400;
      response.end(JSON.stringify({ code: 21610, message: "Attempt to send to unsubscribed recipient", status: 400 }));
      return;
    }
    const identity = `${form.get("To")}\n${form.get("Body")}`;
    if (seen.has(identity)) fake.duplicates++;
    seen.add(identity);
    response.statusCode = 201;
    response.end(JSON.stringify({ sid: `SM${requests.length.toString().padStart(32, "0")}`, status: "queued" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}

import cluster from "node:cluster";
import { createServer, type IncomingMessage } from "node:http";
import { z } from "zod";
import { clientAddress, peerIsTrustedProxy, ZTrustedProxiesSchema } from "../lib/client-address";

// The HTTP server in front of Next.js, for `npm run dev`, `npm start` and the Playwright
// tests. `next start` keeps whatever X-Forwarded-For a client sends (it only fills the
// header in when missing), so per-IP rate limits and access logs could be fooled; here the
// header is rewritten from the TCP peer before Next.js sees the request, stepping back
// only through proxies named in TRUSTED_PROXIES. Forwarded host and protocol headers are
// kept only from a trusted proxy.
// Usage: node --import tsx scripts/http-server.ts dev|start
//   (PORT, LISTEN_HOST, TRUSTED_PROXIES, WEB_CONCURRENCY, SHUTDOWN_GRACE_MS)
const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") throw new Error("Usage: http-server.ts dev|start");
const dev = mode === "dev";
// Next.js and lib/env.ts read NODE_ENV when they load, so it is settled before either does.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";

// How many server processes share the port (scripts/http-cluster.ts); the development
// server is always one.
const concurrency = z.coerce
  .number()
  .int()
  .min(1)
  .max(64)
  .default(1)
  .safeParse(process.env.WEB_CONCURRENCY || undefined);
if (!concurrency.success) {
  console.error("Invalid environment: WEB_CONCURRENCY: a whole number of server processes, 1 to 64");
  process.exit(1);
}
if (!dev && concurrency.data > 1 && cluster.isPrimary) {
  const { superviseServerProcesses } = await import("./http-cluster");
  await superviseServerProcesses(concurrency.data); // never returns: this process only supervises
}
const { default: next } = await import("next");
const port = Number(process.env.PORT ?? 3000);
// Unset: every interface, IPv6 and IPv4. (Not HOSTNAME: containers set it to their name.)
const hostname = process.env.LISTEN_HOST || undefined;

const trusted = ZTrustedProxiesSchema.safeParse(process.env.TRUSTED_PROXIES);
if (!trusted.success) {
  console.error(`Invalid environment: TRUSTED_PROXIES: ${trusted.error.issues[0]?.message}`);
  process.exit(1);
}
const trustedProxies = trusted.data;

const FORWARDED_FROM_PROXY = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

function rewriteForwardedHeaders(request: IncomingMessage): void {
  const peer = request.socket.remoteAddress;
  const address = clientAddress(peer, request.headers["x-forwarded-for"], trustedProxies);
  if (address) request.headers["x-forwarded-for"] = address;
  else delete request.headers["x-forwarded-for"];
  if (!peerIsTrustedProxy(peer, trustedProxies)) for (const name of FORWARDED_FROM_PROXY) delete request.headers[name];
}

const server = createServer();
const app = next({ dev, dir: process.cwd(), hostname, port, httpServer: server, ...(dev ? { turbopack: true } : {}) });
await app.prepare();
// Next.js listens for the dev server's websocket upgrades on `server` itself.
const handle = app.getRequestHandler();

// Requests being answered, so a stop lets them finish.
let inFlight = 0;
let stopping = false;
const drained: (() => void)[] = [];
server.on("request", (request, response) => {
  inFlight++;
  response.once("close", () => {
    inFlight--;
    if (inFlight === 0) drained.splice(0).forEach((done) => done());
  });
  // Once stopping, a keep-alive connection is closed after its current answer.
  if (stopping) response.setHeader("connection", "close");
  rewriteForwardedHeaders(request);
  void handle(request, response);
});
const listening = () =>
  console.log(
    `Fieldgate listening on http://${hostname ?? "localhost"}:${port} (${dev ? "development" : "production"} server)`,
  );
if (hostname) server.listen(port, hostname, listening);
else server.listen(port, listening);

// Told to stop (a deploy's SIGTERM, Ctrl+C): no new connections; requests in flight and
// running jobs finish within the grace period (jobs still running then are released for
// another instance at once); the job worker's row goes; the database pool closes; exit 0.
const grace = Number(process.env.SHUTDOWN_GRACE_MS ?? 25_000);
if (!Number.isInteger(grace) || grace < 0) {
  console.error("Invalid environment: SHUTDOWN_GRACE_MS: must be a whole number of milliseconds");
  process.exit(1);
}
const { runShutdown } = await import("../lib/shutdown");

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  const deadline = Date.now() + grace;
  console.log(
    `[shutdown] ${signal}: taking no new connections; ${inFlight} request(s) in flight, up to ${grace / 1000} s`,
  );
  server.close();
  server.closeIdleConnections();
  const requests = new Promise<boolean>((resolve) => {
    if (inFlight === 0) return resolve(true);
    drained.push(() => resolve(true));
    setTimeout(() => resolve(false), grace).unref();
  });
  const [allAnswered] = await Promise.all([requests, runShutdown("jobs", deadline)]);
  if (!allAnswered) console.warn(`[shutdown] ${inFlight} request(s) still running at the end of the grace period`);
  server.closeAllConnections();
  await runShutdown("database", deadline);
  await app.close().catch(() => undefined);
  console.log("[shutdown] done");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));

import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { deliverOutbox, type TDeliverOptions } from "./deliver-outbox";
import { currentTransport, TransportError } from "./transport";

export type TDrainOptions = TDeliverOptions & {
  // Stop after this long and let a fresh job go on (others get their turn; a crash loses less).
  budgetMs?: number;
  // The clock and the wait, chosen by tests.
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

const MAX_RATE_LIMITED_IN_A_ROW = 8;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Sends batch after batch until the outbox is empty, no faster than the provider allows,
// waiting as long as it asks when it answers 429. Returns whether the outbox was emptied.
export async function drainOutbox(
  db: PrismaClient,
  options: TDrainOptions = {},
): Promise<{ emptied: boolean; sent: number; failed: number; requests: number; rateLimited: number }> {
  const transport = options.transport ?? currentTransport();
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? wait;
  const deadline = now() + (options.budgetMs ?? 20_000);
  // A little under the provider's limit, so timing jitter never makes a third request in a second.
  const gapMs = Number.isFinite(transport.requestsPerSecond) ? 1100 / transport.requestsPerSecond : 0;
  const totals = { sent: 0, failed: 0, requests: 0, rateLimited: 0 };
  let lastRequestAt = -Infinity;
  let limitedInARow = 0;
  while (now() < deadline) {
    const pause = lastRequestAt + gapMs - now();
    if (pause > 0) await sleep(pause);
    lastRequestAt = now();
    try {
      const pass = await deliverOutbox(db, { ...options, transport });
      limitedInARow = 0;
      if (!pass.batchId) return { emptied: true, ...totals };
      totals.requests++;
      totals.sent += pass.sent;
      totals.failed += pass.failed;
    } catch (error) {
      if (!(error instanceof TransportError && error.rateLimited) || ++limitedInARow > MAX_RATE_LIMITED_IN_A_ROW)
        throw error;
      totals.requests++;
      totals.rateLimited++;
      await sleep(error.retryAfterMs);
    }
  }
  return { emptied: false, ...totals };
}

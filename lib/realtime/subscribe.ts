import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { pgConfigFromUrl } from "@/lib/database/pg-config";
import { requireDatabaseUrl } from "@/lib/env";
import { CHANGES_CHANNEL, type TChange } from "./channel";

// One LISTEN connection per app instance, shared by every open live page. When the database
// drops it (a restart, a failover, an administrator), it is made again with backoff, and
// every subscriber is told it is not live meanwhile, then live again (changes made in
// between were missed, so a page reloads its data).
export const REALTIME_APPLICATION_NAME = "fieldgate-realtime";
const STATUS = Symbol("status");
const MAX_BACKOFF_MS = 15_000;

type THub = { emitter: EventEmitter; started: boolean; live: boolean };
const holder = globalThis as unknown as { fieldgateChanges?: THub };

function hub(): THub {
  holder.fieldgateChanges ??= { emitter: new EventEmitter().setMaxListeners(0), started: false, live: false };
  const current = holder.fieldgateChanges;
  if (!current.started) {
    current.started = true;
    void keepListening(current);
  }
  return current;
}

function setLive(target: THub, live: boolean) {
  if (target.live === live) return;
  target.live = live;
  target.emitter.emit(STATUS, live);
}

async function keepListening(target: THub): Promise<void> {
  let failures = 0;
  for (;;) {
    const ended = await listenOnce(target).then(
      () => null,
      (error: unknown) => error,
    );
    setLive(target, false);
    failures++;
    const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(failures - 1, 6));
    console.warn(
      `[realtime] listener lost${ended ? `: ${(ended as Error).message}` : ""}; reconnecting in ${delay} ms`,
    );
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

// Resolves or rejects when the connection is gone.
async function listenOnce(target: THub): Promise<void> {
  const client = new pg.Client({
    ...pgConfigFromUrl(requireDatabaseUrl()),
    application_name: REALTIME_APPLICATION_NAME,
    keepAlive: true,
  });
  const gone = new Promise<void>((resolve, reject) => {
    client.on("error", reject);
    client.on("end", () => resolve());
  });
  client.on("notification", (message) => {
    if (!message.payload) return;
    const change = JSON.parse(message.payload) as TChange;
    target.emitter.emit(change.workOrderId, change);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  setLive(target, true);
  try {
    await gone;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export type TSubscription = { live: boolean; unsubscribe: () => void };

// onStatus hears each change of the instance's connection: false when it is lost, true
// when it is back.
export function subscribeToWorkOrder(
  workOrderId: string,
  onChange: (change: TChange) => void,
  onStatus: (live: boolean) => void = () => undefined,
): TSubscription {
  const { emitter, live } = hub();
  emitter.on(workOrderId, onChange);
  emitter.on(STATUS, onStatus);
  return {
    live,
    unsubscribe: () => {
      emitter.off(workOrderId, onChange);
      emitter.off(STATUS, onStatus);
    },
  };
}

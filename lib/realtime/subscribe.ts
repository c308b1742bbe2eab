import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { pgConfigFromUrl } from "@/lib/database/pg-config";
import { requireDatabaseUrl } from "@/lib/env";
import { CHANGES_CHANNEL, type TChange } from "./channel";

// One LISTEN connection per app instance, shared by every open live page.
type THub = { emitter: EventEmitter; ready: Promise<void> | null };
const holder = globalThis as unknown as { fieldgateChanges?: THub };

function hub(): THub {
  holder.fieldgateChanges ??= { emitter: new EventEmitter().setMaxListeners(0), ready: null };
  const current = holder.fieldgateChanges;
  current.ready ??= connect(current).catch((error) => {
    current.ready = null;
    throw error;
  });
  return current;
}

async function connect(target: THub): Promise<void> {
  const client = new pg.Client(pgConfigFromUrl(requireDatabaseUrl()));
  client.on("notification", (message) => {
    if (!message.payload) return;
    const change = JSON.parse(message.payload) as TChange;
    target.emitter.emit(change.workOrderId, change);
  });
  // On a dropped connection, the next subscriber reconnects.
  client.on("error", () => {
    target.ready = null;
    void client.end().catch(() => undefined);
  });
  await client.connect();
  await client.query(`LISTEN ${CHANGES_CHANNEL}`);
}

export async function subscribeToWorkOrder(workOrderId: string, onChange: (change: TChange) => void): Promise<() => void> {
  const { emitter, ready } = hub();
  await ready;
  emitter.on(workOrderId, onChange);
  return () => emitter.off(workOrderId, onChange);
}

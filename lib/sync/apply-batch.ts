import "server-only";
import type { TTechActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { invalidInput } from "@/lib/errors";
import { applyMutation } from "./apply-mutation";
import type { TSyncResponse } from "./contract";
import { ZSyncEnvelopeSchema } from "./schemas";

// One sync request: the device's mutations in the order it made them, each applied in
// its own transaction so one refusal never undoes the others.
export async function applySyncBatch(actor: TTechActor, body: unknown): Promise<TSyncResponse> {
  const envelope = ZSyncEnvelopeSchema.safeParse(body);
  if (!envelope.success)
    throw invalidInput(`Malformed sync request: ${envelope.error.issues[0]?.message ?? "invalid"}`);
  const results = [];
  const { mutations } = envelope.data;
  for (const [index, mutation] of mutations.entries()) {
    results.push(await applyMutation(actor, envelope.data.deviceId, mutation));
    if (env.LOG_SYNC) console.log(`[sync] applied ${index + 1}/${mutations.length}`);
  }
  return { results };
}

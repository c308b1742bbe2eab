import { withActor } from "@/lib/actions/route";
import { readLimitedBody } from "@/lib/attachments/read-limited-body";
import { invalidInput } from "@/lib/errors";
import { applySyncBatch } from "@/lib/sync/apply-batch";
import { MAX_SYNC_REQUEST_BYTES } from "@/lib/sync/contract";

export const POST = withActor(
  "tech",
  "task.work",
  async (actor, request) => {
    const bytes = await readLimitedBody(request, "The sync request", MAX_SYNC_REQUEST_BYTES);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw invalidInput("The request body must be JSON.");
    }
    return applySyncBatch(actor, body);
  },
  { accepts: ["application/json"] },
);

import { withActor } from "@/lib/actions/route";
import { applySyncBatch } from "@/lib/sync/apply-batch";
import { invalidInput } from "@/lib/errors";

export const POST = withActor(
  "tech",
  "task.work",
  async (actor, request) => {
    const body = await request.json().catch(() => {
      throw invalidInput("The request body must be JSON.");
    });
    return applySyncBatch(actor, body);
  },
  { accepts: ["application/json"] },
);

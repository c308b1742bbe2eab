import { withActor } from "@/lib/actions/route";
import type { TTasksResponse } from "@/lib/sync/contract";
import { listTaskSnapshots } from "@/lib/sync/task-snapshots";

export const GET = withActor("tech", "task.work", async (actor): Promise<TTasksResponse> => ({
  ...(await listTaskSnapshots(actor)),
  serverTime: new Date().toISOString(),
}));

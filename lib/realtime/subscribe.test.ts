import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { announceChange, type TChange } from "./channel";
import { REALTIME_APPLICATION_NAME, subscribeToWorkOrder } from "./subscribe";

const announce = (change: TChange) => db.$transaction((tx) => announceChange(tx, change));

describe("live changes", () => {
  it("keep arriving after the database drops the listening connection, and subscribers are told while they do not", async () => {
    const workOrderId = `wo-${Math.random().toString(36).slice(2)}`;
    const heard: string[] = [];
    const statuses: boolean[] = [];
    const subscription = subscribeToWorkOrder(
      workOrderId,
      (change) => heard.push(change.type),
      (live) => statuses.push(live),
    );
    try {
      await expect.poll(() => statuses.at(-1) ?? subscription.live, { timeout: 10_000 }).toBe(true);
      await announce({ organisationId: "o", workOrderId, type: "before" });
      await expect.poll(() => heard, { timeout: 5000 }).toEqual(["before"]);

      await db.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${REALTIME_APPLICATION_NAME} AND pid <> pg_backend_pid()`;
      await expect.poll(() => statuses.includes(false), { timeout: 5000 }).toBe(true);
      await expect.poll(() => statuses.at(-1), { timeout: 10_000 }).toBe(true);
      await announce({ organisationId: "o", workOrderId, type: "after" });
      await expect.poll(() => heard, { timeout: 5000 }).toEqual(["before", "after"]);
    } finally {
      subscription.unsubscribe();
    }
  });
});

import { describe, expect, it } from "vitest";
import { loadStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createWorld } from "@/prisma/factories";
import { makeEvidencePackApart } from "./make-evidence-pack-apart";
import { requestEvidencePack } from "./request-evidence-pack";

describe("an evidence pack made in a process of its own", () => {
  it("is killed past its time limit and marked failed, so the page stops waiting", async () => {
    const world = await createWorld(db);
    const staff = (await loadStaffActor(world.admin.id))!;
    const pack = await requestEvidencePack(staff, { workOrderId: world.workOrder.id });
    // Starting Node and the modules alone takes longer than this.
    await expect(makeEvidencePackApart(pack.id, 50)).rejects.toThrow("The pack was not made within 1 s.");
    expect(await db.evidencePack.findUniqueOrThrow({ where: { id: pack.id } })).toMatchObject({
      status: "FAILED",
      error: "The pack was not made within 1 s.",
    });
  });
});

import { describe, expect, it } from "vitest";
import { loadDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { deskColumnsFor, saveDeskColumns } from "@/lib/preferences/desk-columns";
import { createAssignment, createOrganisation, createSite, createWorkOrder, createWorld } from "@/prisma/factories";
import { listDeskClients, listDeskTasks } from "./list-desk-tasks";
import { ZDeskTaskListSchema } from "./schemas";

describe("Desk task list", () => {
  it("pages through all tasks of every client once, and filters by status, client, technician and text", async () => {
    const world = await createWorld(db);
    const secondClient = await createOrganisation(db);
    await db.networkLink.create({ data: { organisationId: secondClient.id, contractorCompanyId: world.company.id, status: "ACTIVE" } });
    const secondSite = await createSite(db, secondClient.id, { name: "Second client depot" });
    for (let i = 0; i < 25; i++) {
      const own = i % 5 === 0;
      const wo = await createWorkOrder(db, { organisationId: own ? world.organisation.id : secondClient.id, siteId: own ? world.site.id : secondSite.id, title: `Job ${i}` });
      await createAssignment(db, { workOrderId: wo.id, contractorCompanyId: world.company.id, status: i % 2 ? "ACCEPTED" : "OFFERED", technicianIds: i % 3 === 0 ? [world.technician.person.id] : [] });
    }
    const desk = (await loadDeskActor(world.office.user.id))!;
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listDeskTasks(desk, ZDeskTaskListSchema.parse({ after }), 7);
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);

    const count = async (query: Record<string, string>) => (await listDeskTasks(desk, ZDeskTaskListSchema.parse(query), 100)).rows.length;
    expect(await count({ status: "ACCEPTED" })).toBe(12);
    expect(await count({ client: secondClient.id })).toBe(20);
    expect(await count({ technician: world.technician.person.id })).toBe(9);
    expect(await count({ q: "Job 1" })).toBe(11);
    expect(await count({ q: "second client depot" })).toBe(20);
    expect((await listDeskClients(desk)).map((c) => c.id).sort()).toEqual([world.organisation.id, secondClient.id].sort());

    const outsider = (await loadDeskActor((await createWorld(db)).office.user.id))!;
    expect(await listDeskTasks(outsider, ZDeskTaskListSchema.parse({ client: secondClient.id }))).toMatchObject({ rows: [] });
  });

  it("remembers each person's columns", async () => {
    const world = await createWorld(db);
    expect(await deskColumnsFor(world.office.user.id)).toEqual(["site", "status", "technician", "due", "scheduled"]);
    await saveDeskColumns(world.office.user.id, ["scheduled", "status"]);
    expect(await deskColumnsFor(world.office.user.id)).toEqual(["status", "scheduled"]);
    expect(await deskColumnsFor(world.technician.user.id)).toHaveLength(5);
  });
});

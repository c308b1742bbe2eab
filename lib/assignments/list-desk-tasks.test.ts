import { beforeAll, describe, expect, it } from "vitest";
import { AssignmentStatus } from "@/generated/prisma/client";
import { loadDeskActor, type TDeskActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { encodeCursor } from "@/lib/lists/keyset";
import { listColumnsFor, saveListColumns } from "@/lib/preferences/list-columns";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createSite,
  createWorkOrder,
  createWorld,
} from "@/prisma/factories";
import { countDeskTasks, listDeskClients, listDeskTasks, type TDeskTaskRow } from "./list-desk-tasks";
import { DESK_TASK_SORTS, ZDeskTaskListSchema } from "./schemas";

describe("Desk task list", () => {
  it("pages through all tasks of every client once, and filters by status, client, technician and text", async () => {
    const world = await createWorld(db);
    const secondClient = await createOrganisation(db);
    await db.networkLink.create({
      data: { organisationId: secondClient.id, contractorCompanyId: world.company.id, status: "ACTIVE" },
    });
    const secondSite = await createSite(db, secondClient.id, { name: "Second client depot" });
    for (let i = 0; i < 25; i++) {
      const own = i % 5 === 0;
      const wo = await createWorkOrder(db, {
        organisationId: own ? world.organisation.id : secondClient.id,
        siteId: own ? world.site.id : secondSite.id,
        title: `Job ${i}`,
      });
      await createAssignment(db, {
        workOrderId: wo.id,
        contractorCompanyId: world.company.id,
        status: i % 2 ? "ACCEPTED" : "OFFERED",
        technicianIds: i % 3 === 0 ? [world.technician.person.id] : [],
      });
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

    // What the list shows, which the Desk's count (read without the work orders unless
    // searching) must agree with.
    const count = async (query: Record<string, string>) => {
      const { rows } = await listDeskTasks(desk, ZDeskTaskListSchema.parse(query), 100);
      expect(await countDeskTasks(desk, ZDeskTaskListSchema.parse(query))).toEqual({
        matches: rows.length,
        more: false,
      });
      return rows.length;
    };
    expect(await count({})).toBe(25);
    expect(await count({ status: "ACCEPTED" })).toBe(12);
    expect(await count({ client: secondClient.id })).toBe(20);
    expect(await count({ technician: world.technician.person.id })).toBe(9);
    expect(await count({ q: "Job 1" })).toBe(11);
    expect(await count({ q: "second client depot" })).toBe(20);
    // Typed % and _ are letters, not wildcards.
    expect(await count({ q: "Job%1" })).toBe(0);
    expect(await count({ q: "Job _" })).toBe(0);
    expect((await listDeskClients(desk)).map((c) => c.id).sort()).toEqual(
      [world.organisation.id, secondClient.id].sort(),
    );

    const outsider = (await loadDeskActor((await createWorld(db)).office.user.id))!;
    expect(await listDeskTasks(outsider, ZDeskTaskListSchema.parse({ client: secondClient.id }))).toMatchObject({
      rows: [],
    });
  });

  it("remembers each person's columns", async () => {
    const world = await createWorld(db);
    expect(await listColumnsFor(world.office.user.id, "desk")).toEqual([
      "site",
      "status",
      "technician",
      "due",
      "scheduled",
    ]);
    await saveListColumns(world.office.user.id, "desk", ["scheduled", "status"]);
    expect(await listColumnsFor(world.office.user.id, "desk")).toEqual(["status", "scheduled"]);
    expect(await listColumnsFor(world.technician.user.id, "desk")).toHaveLength(5);
  });
});

describe("Desk task list sorted by a column", () => {
  const day = 86_400_000;
  const base = Date.UTC(2030, 0, 1, 9);
  const statuses = ["OFFERED", "ACCEPTED", "SCHEDULED", "PERFORMED", "DECLINED"] as const;
  let desk: TDeskActor;
  let all: TDeskTaskRow[];

  beforeAll(async () => {
    const world = await createWorld(db);
    const secondClient = await createOrganisation(db);
    await db.networkLink.create({
      data: { organisationId: secondClient.id, contractorCompanyId: world.company.id, status: "ACTIVE" },
    });
    // The same site name at both clients, so the site sort has ties across clients.
    const sites = [
      await createSite(db, world.organisation.id, { name: "Depot North" }),
      await createSite(db, world.organisation.id, { name: "Depot South" }),
    ];
    const secondSite = await createSite(db, secondClient.id, { name: "Depot North" });
    const aaron = await createContractorPerson(db, world.company.id, "TECHNICIAN", { name: "Aaron Able" });
    for (let i = 0; i < 23; i++) {
      const second = i % 3 === 0;
      const wo = await createWorkOrder(db, {
        organisationId: second ? secondClient.id : world.organisation.id,
        siteId: second ? secondSite.id : sites[i % 2].id,
        title: `Sorted ${i}`,
      });
      // Dates repeat and are sometimes missing; a planned date stands in for a missing visit date.
      await db.workOrder.update({
        where: { id: wo.id },
        data: { dueAt: i % 4 === 0 ? null : new Date(base + (i % 5) * day) },
      });
      const technicianIds =
        i % 6 === 0 ? [world.technician.person.id, aaron.person.id] : i % 4 === 1 ? [aaron.person.id] : [];
      const task = await createAssignment(db, {
        workOrderId: wo.id,
        contractorCompanyId: world.company.id,
        status: statuses[i % statuses.length],
        technicianIds,
      });
      await db.assignment.update({
        where: { id: task.id },
        data: {
          scheduledAt: i % 3 === 1 ? new Date(base + (i % 4) * day) : null,
          plannedAt: i % 2 === 0 ? new Date(base + (i % 3) * day) : null,
        },
      });
      // One work order offered twice: the same number on two tasks.
      if (i === 7)
        await createAssignment(db, { workOrderId: wo.id, contractorCompanyId: world.company.id, status: "OFFERED" });
    }
    // Another contractor's task at the same client never shows.
    const rival = await createContractorCompany(db, [world.organisation.id]);
    await createAssignment(db, { workOrderId: world.workOrder.id, contractorCompanyId: rival.id });
    desk = (await loadDeskActor(world.office.user.id))!;
    all = (await listDeskTasks(desk, ZDeskTaskListSchema.parse({ sort: "client" }), 1000)).rows;
  });

  // The order each sort promises, worked out here independently of the SQL.
  const statusRank = (s: AssignmentStatus) => Object.values(AssignmentStatus).indexOf(s);
  // "Now" for the action order: noon on 2 January 2030, so visits on the 1st are gone by
  // and the rest are to come (the sites keep London time, which is UTC in January).
  const now = new Date(Date.UTC(2030, 0, 2, 12));
  const startOfToday = Date.UTC(2030, 0, 2);
  const ACTION_ORDER: Record<string, number> = { OFFERED: 0, IN_PROGRESS: 1, PERFORMED: 4, COMPLETED: 5 };
  const actionRankOf = (t: TDeskTaskRow) => {
    if (["ACCEPTED", "SCHEDULED", "REVISIT"].includes(t.status)) {
      const visit = (t.scheduledAt ?? t.plannedAt)?.getTime();
      return visit !== undefined && visit >= startOfToday ? 2 : 3;
    }
    return ACTION_ORDER[t.status] ?? 6;
  };
  const sortValues: Record<(typeof DESK_TASK_SORTS)[number], (t: TDeskTaskRow) => (string | number | null)[]> = {
    action: (t) => [actionRankOf(t), (t.scheduledAt ?? t.plannedAt)?.getTime() ?? Infinity, t.id],
    client: (t) => [t.organisation.name, t.organisationId, t.workOrder.number, t.id],
    site: (t) => [t.workOrder.site.name, t.workOrder.number, t.id],
    status: (t) => [statusRank(t.status), t.workOrder.number, t.id],
    due: (t) => [t.workOrder.dueAt?.getTime() ?? null, t.workOrder.number, t.id],
    scheduled: (t) => [(t.scheduledAt ?? t.plannedAt)?.getTime() ?? null, t.workOrder.number, t.id],
  };
  function expectedOrder(sort: (typeof DESK_TASK_SORTS)[number], dir: "asc" | "desc") {
    const sign = dir === "asc" ? 1 : -1;
    return [...all]
      .sort((x, y) => {
        const [a, b] = [sortValues[sort](x), sortValues[sort](y)];
        for (let i = 0; i < a.length; i++) {
          if (a[i] === b[i]) continue;
          if (a[i] === null) return 1; // empty values last, whichever the direction
          if (b[i] === null) return -1;
          return (a[i]! < b[i]! ? -1 : 1) * sign;
        }
        return 0;
      })
      .map((t) => t.id);
  }

  it("has the data the sorts need: empty and equal values, one work order twice, no other contractor's task", () => {
    expect(all).toHaveLength(24);
    expect(new Set(all.map(actionRankOf))).toEqual(new Set([0, 2, 3, 4, 6]));
    expect(all.filter((t) => t.workOrder.dueAt === null).length).toBeGreaterThan(2);
    expect(all.filter((t) => !t.scheduledAt && t.plannedAt).length).toBeGreaterThan(2);
    expect(all.filter((t) => !t.scheduledAt && !t.plannedAt).length).toBeGreaterThan(2);
    expect(new Set(all.map((t) => `${t.organisationId}#${t.workOrder.number}`)).size).toBe(23);
    expect(new Set(all.map((t) => t.contractorCompany.name)).size).toBe(1);
  });

  it("returns each task as the Prisma read did, in client and number order", async () => {
    const read = await db.assignment.findMany({
      where: { contractorCompanyId: { in: desk.companies.map((c) => c.companyId) } },
      orderBy: [
        { organisation: { name: "asc" } },
        { organisationId: "asc" },
        { workOrder: { number: "asc" } },
        { id: "asc" },
      ],
      select: {
        id: true,
        status: true,
        createdAt: true,
        offeredAt: true,
        plannedAt: true,
        scheduledAt: true,
        organisationId: true,
        organisation: { select: { name: true, timezone: true } },
        contractorCompany: { select: { name: true } },
        workOrder: {
          select: {
            number: true,
            title: true,
            priority: true,
            dueAt: true,
            site: { select: { name: true, city: true, timezone: true } },
          },
        },
        technicians: {
          select: { person: { select: { user: { select: { name: true } } } } },
          orderBy: [{ assignedAt: "asc" }, { personId: "asc" }],
        },
      },
    });
    const expected = read.map(({ organisation, workOrder: { site, ...workOrder }, ...task }) => ({
      ...task,
      organisation: { name: organisation.name, timezone: organisation.timezone },
      workOrder: { ...workOrder, site: { name: site.name, city: site.city } },
      timeZone: site.timezone ?? organisation.timezone,
    }));
    expect(all).toEqual(expected);
    expect(all.some((t) => t.technicians.length === 2)).toBe(true);
  });

  for (const sort of DESK_TASK_SORTS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages through every task exactly once, sorted by ${sort} ${dir}`, async () => {
        const walked: string[] = [];
        let after: string | undefined;
        for (let guard = 0; guard < 20; guard++) {
          const { rows, nextCursor } = await listDeskTasks(
            desk,
            ZDeskTaskListSchema.parse({ sort, dir, after }),
            5,
            now,
          );
          walked.push(...rows.map((r) => r.id));
          if (!nextCursor) break;
          after = nextCursor;
        }
        expect(walked).toEqual(expectedOrder(sort, dir));
      });
    }
  }

  it("reads a cursor that does not fit the sort as the first page", async () => {
    const first = (await listDeskTasks(desk, ZDeskTaskListSchema.parse({ sort: "due" }), 5)).rows.map((r) => r.id);
    const fromClientSort = (await listDeskTasks(desk, ZDeskTaskListSchema.parse({}), 5)).nextCursor!;
    for (const after of [fromClientSort, encodeCursor(["not a date", 1, "x"]), encodeCursor([null, "1", "x"]), "%%%"]) {
      expect(
        (await listDeskTasks(desk, ZDeskTaskListSchema.parse({ sort: "due", after }), 5)).rows.map((r) => r.id),
      ).toEqual(first);
    }
    const byStatus = await listDeskTasks(
      desk,
      ZDeskTaskListSchema.parse({ sort: "status", after: encodeCursor(["NOT_A_STATUS", 1, "x"]) }),
      5,
    );
    expect(byStatus.rows[0].status).toBe("OFFERED");
  });
});

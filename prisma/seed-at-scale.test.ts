import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssignmentStatus, Prisma, WorkOrderStatus, type PrismaClient } from "@/generated/prisma/client";
import { verifyPassword } from "@/lib/auth/secrets";
import { DEMO_PASSWORD } from "@/lib/auth/demo-password";
import { applyMigrations, ensureDatabase } from "@/lib/database/migrate";
import { pgConfigFromUrl } from "@/lib/database/pg-config";
import { ID_PATTERN } from "@/lib/id-pattern";
import { createDbClient } from "@/scripts/db-client";
import { createWorkOrder } from "./factories";
import { seedDemo } from "./seed";
import { giveTasksTo, seedAtScale } from "./seed-at-scale";

// The scale seed needs a database of its own, as the demo seed does: its people and
// organisation are fixed.
const url = new URL(process.env.DATABASE_URL!);
url.pathname = `/fieldgate_scale_test_${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}`;
const databaseUrl = url.toString();
let db: PrismaClient;
let organisationId: string;
let summitId: string;
let harbourId: string;

// Checks count what breaks a rule, as `n`.
const count = async (query: Prisma.Sql) => (await db.$queryRaw<{ n: number }[]>(query))[0].n;
const sql = Prisma.sql;

beforeAll(async () => {
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  db = createDbClient(databaseUrl, 4);
  await seedDemo(db);
  const seeded = await seedAtScale(db, { workOrders: 2000, companyTasks: { summit: 300, harbour: 40 } });
  organisationId = seeded.organisationId;
  [harbourId, summitId] = seeded.companyIds;
});

afterAll(async () => {
  await db?.$disconnect();
  const admin = new pg.Client(pgConfigFromUrl(process.env.DATABASE_URL!));
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
});

describe("a large organisation seeded with set-based statements", () => {
  it("continues the organisation's numbering, so the app numbers its next work order after them", async () => {
    const [numbers] = await db.$queryRaw<{ total: number; distinct: number; min: number; max: number }[]>`
      SELECT count(*)::int AS total, count(DISTINCT number)::int AS distinct, min(number) AS min, max(number) AS max
      FROM "WorkOrder" WHERE "organisationId" = ${organisationId}`;
    expect(numbers).toEqual({ total: 2000, distinct: 2000, min: 1, max: 2000 });
    const site = await db.site.findFirstOrThrow({ where: { organisationId } });
    const next = await createWorkOrder(db, { organisationId, siteId: site.id });
    expect(next.number).toBe(2001);
    await db.workOrder.delete({ where: { id: next.id } });
    await db.organisation.update({ where: { id: organisationId }, data: { lastWorkOrderNumber: 2000 } });
  });

  it("gives work orders, tasks, messages and events ids of the app's form", async () => {
    for (const table of ["WorkOrder", "Assignment", "Message", "TimelineEvent", "NteIncreaseRequest"]) {
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table}" WHERE id !~ $1`,
        ID_PATTERN.source,
      );
      expect(rows[0].n, table).toBe(0);
    }
  });

  it("has work orders in every state, most of them completed, with about 1.15 tasks each", async () => {
    const byStatus = await db.$queryRaw<{ status: string; n: number }[]>`
      SELECT w.status::text AS status, count(*)::int AS n FROM "WorkOrder" w WHERE w.id LIKE 'cz%'
      GROUP BY w.status ORDER BY w.status`;
    expect(byStatus.map((s) => s.status)).toEqual(Object.values(WorkOrderStatus));
    expect(byStatus.find((s) => s.status === "COMPLETED")!.n).toBeGreaterThan(1400 * 0.85);
    const tasks = await db.$queryRaw<{ status: string }[]>`
      SELECT x.status::text AS status FROM (SELECT DISTINCT status FROM "Assignment" WHERE id LIKE 'cz%') x ORDER BY x.status`;
    expect(tasks.map((t) => t.status)).toEqual(Object.values(AssignmentStatus));
    const [{ perWorkOrder }] = await db.$queryRaw<{ perWorkOrder: number }[]>`
      SELECT (SELECT count(*) FROM "Assignment" WHERE id LIKE 'cz%')::float
        / (SELECT count(*) FROM "WorkOrder" WHERE id LIKE 'cz%') AS "perWorkOrder"`;
    expect(perWorkOrder).toBeGreaterThan(1.1);
    expect(perWorkOrder).toBeLessThan(1.2);
  });

  it("keeps at most one live task per work order, and the work order's status follows it", async () => {
    const twoLive = await count(sql`
      SELECT count(*)::int AS n FROM (SELECT "workOrderId" FROM "Assignment"
        WHERE status NOT IN ('DECLINED', 'CANCELLED') GROUP BY "workOrderId" HAVING count(*) > 1) x`);
    expect(twoLive).toBe(0);
    const mismatched = await count(sql`
      SELECT count(*)::int AS n FROM "WorkOrder" w
      LEFT JOIN "Assignment" a ON a."workOrderId" = w.id AND a.status NOT IN ('DECLINED', 'CANCELLED')
      WHERE w."organisationId" = ${organisationId} AND NOT (
        (a.id IS NULL AND w.status IN ('OPEN', 'CANCELLED'))
        OR (a.status IN ('OFFERED', 'ACCEPTED', 'SCHEDULED') AND w.status = 'ASSIGNED')
        OR (a.status IN ('IN_PROGRESS', 'REVISIT', 'PERFORMED') AND w.status = 'IN_PROGRESS')
        OR (a.status = 'COMPLETED' AND w.status = 'AWAITING_REVIEW')
        OR (a.status IN ('REVIEWED', 'INVOICED') AND w.status = 'COMPLETED'))`);
    expect(mismatched).toBe(0);
  });

  it("dates every task's steps in order, after the work order was reported and before now", async () => {
    const disordered = await count(sql`
      SELECT count(*)::int AS n FROM "Assignment" a JOIN "WorkOrder" w ON w.id = a."workOrderId"
      WHERE a.id LIKE 'cz%' AND NOT (
        a."offeredAt" > w."createdAt" AND a."createdAt" = a."offeredAt"
        AND COALESCE(a."respondedAt" > a."offeredAt", a.status = 'OFFERED')
        AND COALESCE(a."plannedAt" > a."respondedAt", TRUE)
        AND COALESCE(a."checkedInAt" = a."plannedAt", TRUE)
        AND COALESCE(a."performedAt" > a."checkedInAt", TRUE)
        AND COALESCE(a."completedAt" > a."performedAt", TRUE)
        AND a."updatedAt" >= GREATEST(a."offeredAt", a."respondedAt", a."checkedInAt", a."completedAt")
        AND GREATEST(a."updatedAt", a."respondedAt", a."completedAt") < now() AT TIME ZONE 'UTC'
        AND (COALESCE(a."plannedAt" < now() AT TIME ZONE 'UTC', TRUE) OR a.status IN ('ACCEPTED', 'SCHEDULED')))`);
    expect(disordered).toBe(0);
    // Technicians work on accepted tasks only, for the company holding the task.
    const misassigned = await count(sql`
      SELECT count(*)::int AS n FROM "AssignmentTechnician" t
      JOIN "Assignment" a ON a.id = t."assignmentId" JOIN "ContractorPerson" p ON p.id = t."personId"
      WHERE p."contractorCompanyId" <> a."contractorCompanyId" OR p.role <> 'TECHNICIAN'
        OR (a.id LIKE 'cz%' AND a.status IN ('OFFERED', 'DECLINED', 'CANCELLED'))`);
    expect(misassigned).toBe(0);
    const [{ withTechnician }] = await db.$queryRaw<{ withTechnician: number }[]>`
      SELECT count(*)::int AS "withTechnician" FROM "Assignment" a
      WHERE a.id LIKE 'cz%' AND a.status NOT IN ('OFFERED', 'DECLINED', 'CANCELLED')
        AND NOT EXISTS (SELECT 1 FROM "AssignmentTechnician" t WHERE t."assignmentId" = a.id)`;
    expect(withTechnician).toBe(0);
  });

  it("records that each work order was reported, when it was, and each offer", async () => {
    const unrecorded = await count(sql`
      SELECT count(*)::int AS n FROM "WorkOrder" w WHERE w."organisationId" = ${organisationId}
        AND NOT EXISTS (SELECT 1 FROM "TimelineEvent" e WHERE e."workOrderId" = w.id AND e.type = 'work_order.created'
          AND e."occurredAt" = w."createdAt")`);
    expect(unrecorded).toBe(0);
    const unoffered = await count(sql`
      SELECT count(*)::int AS n FROM "Assignment" a WHERE NOT EXISTS (SELECT 1 FROM "TimelineEvent" e
        WHERE e."assignmentId" = a.id AND e.type = 'assignment.offered' AND e.data->>'contractor' =
          (SELECT c.name FROM "ContractorCompany" c WHERE c.id = a."contractorCompanyId"))`);
    expect(unoffered).toBe(0);
  });

  it("has the client owe an answer exactly where the contractor wrote last, since its first unanswered message", async () => {
    const [talk] = await db.$queryRaw<{ messages: number; threads: number; wrong: number; waiting: number }[]>`
      WITH staff AS (SELECT "userId" FROM "Membership" WHERE "organisationId" = ${organisationId}),
      expected AS (
        SELECT w.id, w."awaitingReplySince",
          (SELECT min(m."createdAt") FROM "Message" m WHERE m."workOrderId" = w.id AND m."authorId" NOT IN (SELECT "userId" FROM staff)
            AND m."createdAt" > COALESCE((SELECT max(c."createdAt") FROM "Message" c
              WHERE c."workOrderId" = w.id AND c."authorId" IN (SELECT "userId" FROM staff)), '-infinity')) AS since
        FROM "WorkOrder" w WHERE w."organisationId" = ${organisationId})
      SELECT (SELECT count(*)::int FROM "Message" WHERE id LIKE 'cz%') AS messages,
        (SELECT count(DISTINCT "workOrderId")::int FROM "Message" WHERE id LIKE 'cz%') AS threads,
        (SELECT count(*)::int FROM expected WHERE "awaitingReplySince" IS DISTINCT FROM since) AS wrong,
        (SELECT count(*)::int FROM expected WHERE "awaitingReplySince" IS NOT NULL) AS waiting`;
    expect(talk.wrong).toBe(0);
    expect(talk.threads).toBeGreaterThan(1400 * 0.25);
    expect(talk.threads).toBeLessThan(1400 * 0.4);
    expect(talk.messages / talk.threads).toBeGreaterThan(2);
    expect(talk.waiting).toBeGreaterThan(0);
    expect(talk.waiting).toBeLessThan(2000 * 0.05);
    // Between the task's staff and its contractor's people, after the offer and before now.
    const outsiders = await count(sql`
      SELECT count(*)::int AS n FROM "Message" m JOIN "Assignment" a ON a.id = m."assignmentId"
      WHERE m.id LIKE 'cz%' AND (m."createdAt" <= a."offeredAt" OR m."createdAt" >= now() AT TIME ZONE 'UTC'
        OR NOT EXISTS (SELECT 1 FROM "Membership" s WHERE s."userId" = m."authorId" AND s."organisationId" = a."organisationId"
          UNION ALL SELECT 1 FROM "ContractorPerson" p WHERE p."userId" = m."authorId"
            AND p."contractorCompanyId" = a."contractorCompanyId"))`);
    expect(outsiders).toBe(0);
  });

  it("keeps what needs the staff's attention to a small share: SLAs at risk, unanswered offers, NTE requests", async () => {
    const [attention] = await db.$queryRaw<{ sla: number; offers: number; nte: number; archived: number }[]>`
      SELECT
        (SELECT count(*)::int FROM "WorkOrder" WHERE "organisationId" = ${organisationId} AND "archivedAt" IS NULL
          AND status NOT IN ('COMPLETED', 'CANCELLED') AND "slaDueAt" < now() AT TIME ZONE 'UTC' + interval '24 hours') AS sla,
        (SELECT count(*)::int FROM "Assignment" WHERE "organisationId" = ${organisationId} AND status = 'OFFERED'
          AND "offeredAt" < now() AT TIME ZONE 'UTC' - interval '24 hours') AS offers,
        (SELECT count(*)::int FROM "NteIncreaseRequest" WHERE "organisationId" = ${organisationId} AND status = 'PENDING') AS nte,
        (SELECT count(*)::int FROM "WorkOrder" WHERE "organisationId" = ${organisationId} AND "archivedAt" IS NOT NULL
          AND status IN ('COMPLETED', 'CANCELLED') AND "createdAt" < now() AT TIME ZONE 'UTC' - interval '2 years') AS archived`;
    expect(attention.sla).toBeGreaterThan(0);
    expect(attention.sla).toBeLessThan(2000 * 0.08);
    expect(attention.offers).toBeGreaterThan(0);
    expect(attention.offers).toBeLessThan(20);
    expect(attention.nte).toBeGreaterThan(0);
    expect(attention.nte).toBeLessThan(20);
    expect(attention.archived).toBeGreaterThan(0);
    const archivedUnfinished = await count(sql`
      SELECT count(*)::int AS n FROM "WorkOrder" WHERE "archivedAt" IS NOT NULL AND status NOT IN ('COMPLETED', 'CANCELLED')`);
    expect(archivedUnfinished).toBe(0);
  });

  it("gives Summit and Harbour the tasks asked for, in every status, with their own people on them", async () => {
    const tasks = await db.$queryRaw<{ email: string; tasks: number; statuses: number }[]>`
      SELECT c.email, count(a.id)::int AS tasks, count(DISTINCT a.status)::int AS statuses
      FROM "ContractorCompany" c LEFT JOIN "Assignment" a ON a."contractorCompanyId" = c.id
      WHERE c.id IN (${summitId}, ${harbourId}) GROUP BY c.email ORDER BY c.email`;
    expect(tasks).toEqual([
      { email: "office@harbour.test", tasks: 40, statuses: 11 },
      { email: "office@summit.test", tasks: 300, statuses: 11 },
    ]);
    const office = await db.user.findUniqueOrThrow({
      where: { email: "office@summit.test" },
      include: { contractorPersons: true },
    });
    expect(office.contractorPersons.map((p) => [p.contractorCompanyId, p.role, p.active])).toEqual([
      [summitId, "OFFICE", true],
    ]);
    expect(await verifyPassword(DEMO_PASSWORD, office.passwordHash!)).toBe(true);
    const elsewhere = await count(sql`
      SELECT count(*)::int AS n FROM "NteIncreaseRequest" n JOIN "Assignment" a ON a.id = n."assignmentId"
      WHERE n."contractorCompanyId" <> a."contractorCompanyId"`);
    expect(elsewhere).toBe(0);
  });

  it("gives a contractor as many tasks as there are to give when asked for more, and leaves the kept ones", async () => {
    const [{ movable }] = await db.$queryRaw<{ movable: number }[]>`
      SELECT count(*)::int AS movable FROM "Assignment" a
      WHERE a."organisationId" = ${organisationId} AND a."contractorCompanyId" <> ${summitId}
        AND NOT EXISTS (SELECT 1 FROM "TimeEntry" t WHERE t."assignmentId" = a.id)`;
    expect(await giveTasksTo(db, { companyId: harbourId, count: 1_000_000, keepTasksOf: [summitId] })).toBe(movable);
    expect(await db.assignment.count({ where: { contractorCompanyId: summitId } })).toBe(300);
    // Every task moved with its people: technicians, authors and timeline labels.
    const strays = await count(sql`
      SELECT count(*)::int AS n FROM "Assignment" a
      WHERE a."contractorCompanyId" = ${harbourId} AND (
        EXISTS (SELECT 1 FROM "AssignmentTechnician" t JOIN "ContractorPerson" p ON p.id = t."personId"
          WHERE t."assignmentId" = a.id AND p."contractorCompanyId" <> ${harbourId})
        OR EXISTS (SELECT 1 FROM "Message" m JOIN "ContractorPerson" p ON p."userId" = m."authorId"
          WHERE m."assignmentId" = a.id AND p."contractorCompanyId" <> ${harbourId})
        OR EXISTS (SELECT 1 FROM "TimelineEvent" e JOIN "ContractorCompany" c ON c.name = e."actorLabel"
          WHERE e."assignmentId" = a.id AND c.id <> ${harbourId}))`);
    expect(strays).toBe(0);
  });
});

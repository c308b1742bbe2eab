import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { applyMigrations, ensureDatabase } from "@/lib/database/migrate";
import { pgConfigFromUrl } from "@/lib/database/pg-config";
import { createDbClient } from "@/scripts/db-client";
import { sumLines } from "@/lib/money/sum-lines";
import { seedDemo } from "./seed";

// The demo seed needs a database of its own: its people and organisation are fixed.
const url = new URL(process.env.DATABASE_URL!);
url.pathname = `/fieldgate_seed_${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}`;
const databaseUrl = url.toString();

afterAll(async () => {
  const admin = new pg.Client(pgConfigFromUrl(process.env.DATABASE_URL!));
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
});

it("analyses what it loaded, so the planner knows the table sizes at once", async () => {
  await ensureDatabase(databaseUrl);
  await applyMigrations(databaseUrl);
  const db = createDbClient(databaseUrl, 2);
  try {
    await seedDemo(db, { workOrders: 600 });
    // reltuples is -1 until a table is first analysed (or vacuumed).
    const tables = await db.$queryRaw<{ relname: string; reltuples: number }[]>`
      SELECT relname::text AS relname, reltuples::float AS reltuples FROM pg_class WHERE relname IN ('WorkOrder', 'Assignment', 'TimelineEvent', 'AssignmentTechnician')`;
    expect(tables).toHaveLength(4);
    const byName = Object.fromEntries(tables.map((t) => [t.relname, t.reltuples]));
    expect(byName.WorkOrder).toBeGreaterThanOrEqual(600);
    expect(byName.Assignment).toBeGreaterThan(0);
    expect(byName.TimelineEvent).toBeGreaterThan(40);
    expect(byName.AssignmentTechnician).toBeGreaterThan(0);

    // Completed work has its invoice, priced by the agreed card and totalled by lib/money;
    // invoiced work's invoice is approved or paid, and nothing is ever a draft to staff.
    const invoices = await db.invoice.findMany({ include: { lines: true, assignment: { select: { status: true } } } });
    expect(invoices.length).toBeGreaterThan(0);
    for (const invoice of invoices) {
      const totals = sumLines(
        invoice.lines.map((l) => ({ quantity: l.quantity, unitPrice: l.unitPrice!, taxPercent: l.taxPercent })),
        invoice.currency,
      );
      expect([invoice.net.toFixed(2), invoice.gross.toFixed(2)]).toEqual([
        totals.net.toFixed(2),
        totals.gross.toFixed(2),
      ]);
      expect(invoice.lines[0]?.unitPrice).not.toBeNull();
      if (invoice.assignment.status === "INVOICED") expect(["APPROVED", "PAID"]).toContain(invoice.status);
      if (invoice.assignment.status === "COMPLETED") expect(invoice.status).toBe("DRAFT");
    }
    expect(await db.rateCard.count({ where: { status: "ACCEPTED" } })).toBe(3);

    // A plausible month: a few dozen of 600 jobs at risk of their SLA (high and urgent
    // open work always is, its SLA being a day or less), not half of them.
    const [{ atRisk }] = await db.$queryRaw<{ atRisk: number }[]>`
      SELECT count(*)::int AS "atRisk" FROM "WorkOrder"
      WHERE status NOT IN ('COMPLETED', 'CANCELLED') AND "slaDueAt" < now() + interval '24 hours'`;
    expect(atRisk).toBeGreaterThan(0);
    expect(atRisk).toBeLessThan(72);
    // Each technician is on site at one place at a time.
    const onSite = await db.$queryRaw<{ personId: string; tasks: number }[]>`
      SELECT t."personId", count(*)::int AS tasks FROM "AssignmentTechnician" t
      JOIN "Assignment" a ON a.id = t."assignmentId" WHERE a.status = 'IN_PROGRESS' GROUP BY t."personId"`;
    expect(onSite.filter((row) => row.tasks > 1)).toEqual([]);
    // A fire door inspection checks fire doors, not the alarm panel.
    const doorSteps = await db.serviceTask.findMany({
      where: { workOrder: { title: "Fire door inspection" } },
      select: { title: true },
    });
    expect(doorSteps.map((step) => step.title)).not.toContain("Panel shows no faults");
    // Contractors who answer offers and send invoices have signed in.
    expect(await db.user.count({ where: { contractorPersons: { some: {} }, lastSignInAt: null } })).toBe(0);
    // The timeline says when things happened in the demo's month, not when the seed ran.
    const [{ misdated }] = await db.$queryRaw<{ misdated: number }[]>`
      SELECT count(*)::int AS misdated FROM "TimelineEvent" WHERE "occurredAt" <> "createdAt"`;
    expect(misdated).toBe(0);
    // Every count on the staff home means something: a few of each, not hundreds.
    const [counts] = await db.$queryRaw<{ reply: number; nte: number; invoices: number }[]>`
      SELECT
        (SELECT count(*)::int FROM "WorkOrder" w WHERE (
          SELECT NOT EXISTS (SELECT 1 FROM "Membership" mb WHERE mb."userId" = m."authorId" AND mb."organisationId" = w."organisationId")
          FROM "Message" m WHERE m."workOrderId" = w.id ORDER BY m."createdAt" DESC LIMIT 1) IS TRUE) AS reply,
        (SELECT count(*)::int FROM "NteIncreaseRequest" WHERE status = 'PENDING') AS nte,
        (SELECT count(*)::int FROM "Invoice" WHERE status = 'SUBMITTED') AS invoices`;
    for (const [key, value] of Object.entries(counts)) {
      expect(value, key).toBeGreaterThan(0);
      expect(value, key).toBeLessThan(60);
    }
  } finally {
    await db.$disconnect();
  }
});

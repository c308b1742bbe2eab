import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { TStaffActor } from "@/lib/auth/actor";
import { contractorCompanyScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { accreditationStanding, type TAccreditationStanding } from "./accreditation-status";

function worstStanding(expiries: Date[], now = new Date()): TAccreditationStanding | null {
  const standings = expiries.map((at) => accreditationStanding(at, now));
  return standings.includes("expired")
    ? "expired"
    : standings.includes("expiring")
      ? "expiring"
      : standings.length
        ? "valid"
        : null;
}

type TPerformance = {
  contractorCompanyId: string;
  offered: number;
  accepted_hours: number | null;
  completed_with_due: number;
  on_time: number;
};

// The organisation's contractor network: people, accreditations with expiry, and how
// each company performs for this organisation (time to accept, share finished on time).
// companyId: one company of the network (its page), or every one.
export async function listNetwork(actor: TStaffActor, companyId?: string) {
  // On time: completed before the due day ended on the organisation's clock. A due date is
  // a calendar day, kept as its midnight UTC; the columns hold UTC wall times.
  const dueDayEnd = Prisma.sql`((w."dueAt" + interval '1 day') AT TIME ZONE o.timezone) AT TIME ZONE 'UTC'`;
  const [companies, performance] = await Promise.all([
    db.contractorCompany.findMany({
      where: { ...contractorCompanyScope(actor), ...(companyId ? { id: companyId } : {}) },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        address: true,
        network: { where: { organisationId: actor.organisationId }, select: { status: true, joinedAt: true } },
        people: {
          where: { active: true },
          select: { id: true, role: true, user: { select: { name: true, lastSignInAt: true } } },
          orderBy: { user: { name: "asc" } },
        },
        // Current accreditations only: a renewed one lives on as history on the Desk.
        accreditations: {
          where: { renewedById: null, OR: [{ personId: null }, { person: { active: true } }] },
          select: {
            id: true,
            type: true,
            reference: true,
            expiresAt: true,
            documentId: true,
            person: { select: { user: { select: { name: true } } } },
          },
          orderBy: { expiresAt: "asc" },
        },
      },
    }),
    db.$queryRaw<TPerformance[]>`
      SELECT a."contractorCompanyId",
             count(*)::int AS offered,
             (avg(EXTRACT(EPOCH FROM (a."respondedAt" - a."offeredAt")) / 3600) FILTER (WHERE a."respondedAt" IS NOT NULL AND a.status <> 'DECLINED'))::float AS accepted_hours,
             (count(*) FILTER (WHERE a."completedAt" IS NOT NULL AND w."dueAt" IS NOT NULL))::int AS completed_with_due,
             (count(*) FILTER (WHERE a."completedAt" IS NOT NULL AND w."dueAt" IS NOT NULL AND a."completedAt" < ${dueDayEnd}))::int AS on_time
      FROM "Assignment" a JOIN "WorkOrder" w ON w.id = a."workOrderId" JOIN "Organisation" o ON o.id = a."organisationId"
      WHERE a."organisationId" = ${actor.organisationId}
        ${companyId ? Prisma.sql`AND a."contractorCompanyId" = ${companyId}` : Prisma.empty}
      GROUP BY a."contractorCompanyId"`,
  ]);
  const byCompany = new Map(performance.map((p) => [p.contractorCompanyId, p]));
  return companies.map((company) => {
    const p = byCompany.get(company.id);
    return {
      ...company,
      // Invited until one of its people has signed in; suspended when the organisation has
      // stopped sending it work.
      standing: (company.network[0]?.status === "SUSPENDED"
        ? "suspended"
        : company.people.some((person) => person.user.lastSignInAt)
          ? "active"
          : "invited") as "active" | "invited" | "suspended",
      lastSignInAt:
        company.people
          .map((person) => person.user.lastSignInAt)
          .filter((at): at is Date => at !== null)
          .sort((a, b) => b.getTime() - a.getTime())[0] ?? null,
      tasksOffered: p?.offered ?? 0,
      averageHoursToAccept: p?.accepted_hours ?? null,
      onTimeRate: p && p.completed_with_due > 0 ? p.on_time / p.completed_with_due : null,
      // The worst of its current accreditations: what the list shows and filters on.
      accreditationStanding: worstStanding(company.accreditations.map((a) => a.expiresAt)),
    };
  });
}

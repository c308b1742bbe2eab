import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { accreditationCompanyScope } from "@/lib/authz/scopes";
import { accreditationStanding, EXPIRING_SOON_DAYS } from "@/lib/contractors/accreditation-status";
import { db } from "@/lib/db";

const SHOWN = 5;

// What a contractor's Desk home warns about: its current accreditations (company-wide and
// each active person's) that have expired or expire within EXPIRING_SOON_DAYS, soonest
// first. Read through the (company, expiry) index: a company's history of renewed ones
// is not read.
export async function listAccreditationAlerts(actor: TDeskActor, now = new Date()) {
  const where = alertsWhere(actor, now);
  const [rows, total] = await Promise.all([
    db.accreditation.findMany({
      where,
      orderBy: { expiresAt: "asc" },
      take: SHOWN,
      select: {
        id: true,
        type: true,
        expiresAt: true,
        contractorCompany: { select: { name: true } },
        person: { select: { user: { select: { name: true } } } },
      },
    }),
    db.accreditation.count({ where }),
  ]);
  return {
    total,
    alerts: rows.map((row) => ({
      id: row.id,
      type: row.type,
      expiresAt: row.expiresAt,
      company: row.contractorCompany.name,
      person: row.person?.user.name ?? null,
      standing: accreditationStanding(row.expiresAt, now) as "expired" | "expiring",
    })),
  };
}

// Staff see the same for every company of their network: the number on their home.
export async function countAccreditationAlerts(actor: TStaffActor, now = new Date()) {
  return db.accreditation.count({ where: alertsWhere(actor, now) });
}

function alertsWhere(actor: TDeskActor | TStaffActor, now: Date) {
  return {
    contractorCompany: accreditationCompanyScope(actor, "company.read"),
    renewedById: null,
    expiresAt: { lte: new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000) },
    OR: [{ personId: null }, { person: { active: true } }],
  };
}

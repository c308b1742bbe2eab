import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { Prisma } from "@/generated/prisma/client";
import { networkCompanySqlScope } from "@/lib/authz/sql-scopes";
import { readTogether, type TRead } from "@/lib/database/read-together";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";
import { accreditationStanding, EXPIRING_SOON_DAYS } from "@/lib/contractors/accreditation-status";

const SHOWN = 5;

export type TAccreditationAlert = {
  id: string;
  type: string;
  expiresAt: Date;
  company: string;
  person: string | null;
  standing: "expired" | "expiring";
};

// An alert: a current accreditation (not yet renewed) of one of `companies`, company-wide
// or an active person's, expired or expiring within EXPIRING_SOON_DAYS.
function alertsSql(companies: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`${companies} AND x."renewedById" IS NULL
    AND x."expiresAt" <= ${new Date(now.getTime() + EXPIRING_SOON_DAYS * 86_400_000).toISOString()}::timestamp(3)
    AND (x."personId" IS NULL OR EXISTS (SELECT 1 FROM "ContractorPerson" p WHERE p.id = x."personId" AND p.active))`;
}

// What a contractor's Desk home warns about: its current accreditations (company-wide and
// each active person's) that have expired or expire within EXPIRING_SOON_DAYS, soonest
// first, as one read of its page (lib/database/read-together.ts). Read through the (company, expiry) index: a company's history of renewed ones
// is not read.
export function accreditationAlertsRead(
  actor: TDeskActor,
  now = new Date(),
): TRead<{ total: number; alerts: TAccreditationAlert[] }> {
  const companyIds = deskCompaniesAllowed(actor, "company.read");
  const where = alertsSql(
    companyIds.length ? Prisma.sql`x."contractorCompanyId" IN (${Prisma.join(companyIds)})` : Prisma.sql`FALSE`,
    now,
  );
  return {
    sql: Prisma.sql`SELECT json_build_object(
      'total', (SELECT count(*)::int FROM "Accreditation" x WHERE ${where}),
      'alerts', (SELECT COALESCE(json_agg(shown ORDER BY shown."expiresAt", shown.id), '[]') FROM (
        SELECT x.id, x.type, x."expiresAt", c.name AS company, u.name AS person
        FROM "Accreditation" x JOIN "ContractorCompany" c ON c.id = x."contractorCompanyId"
        LEFT JOIN "ContractorPerson" p ON p.id = x."personId" LEFT JOIN "User" u ON u.id = p."userId"
        WHERE ${where} ORDER BY x."expiresAt", x.id LIMIT ${SHOWN}) shown))`,
    read: (value) => {
      const { total, alerts } = value as {
        total: number;
        alerts: (Omit<TAccreditationAlert, "expiresAt" | "standing"> & { expiresAt: string })[];
      };
      return {
        total,
        alerts: alerts.map((row) => {
          const expiresAt = new Date(`${row.expiresAt}Z`);
          return {
            ...row,
            expiresAt,
            standing: accreditationStanding(expiresAt, now) as TAccreditationAlert["standing"],
          };
        }),
      };
    },
  };
}

export async function listAccreditationAlerts(actor: TDeskActor, now = new Date()) {
  const [alerts] = await readTogether([accreditationAlertsRead(actor, now)]);
  return alerts;
}

// Staff see the same for every company of their network, as a number on their home, up to
// `cap`.
export function accreditationAlertsCountRead(actor: TStaffActor, cap: number, now = new Date()): TRead<number> {
  return {
    sql: Prisma.sql`SELECT count(*)::int FROM (SELECT 1 FROM "Accreditation" x
      WHERE ${alertsSql(networkCompanySqlScope(actor, Prisma.sql`x."contractorCompanyId"`), now)}
      LIMIT ${cap + 1}) alerts`,
    read: (count) => count as number,
  };
}

import "server-only";
import { Prisma, type ContractorRole, type StaffRole } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { TPortalView } from "@/lib/portal/views";

// Who is acting, resolved from the session once per request. Each audience has its own
// shape; lib/authz turns an actor into permissions and query scopes.
export type TStaffActor = {
  kind: "staff";
  userId: string;
  name: string;
  email: string;
  organisationId: string;
  organisationName: string;
  // The organisation's IANA zone: its days (list filters, reports) are days there.
  organisationTimeZone: string;
  // ISO 4217: every amount on the organisation's work is in it.
  organisationCurrency: string;
  role: StaffRole;
};

export type TDeskCompany = { companyId: string; companyName: string; personId: string; role: ContractorRole };

export type TDeskActor = { kind: "desk"; userId: string; name: string; email: string; companies: TDeskCompany[] };

export type TTechActor = {
  kind: "tech";
  userId: string;
  name: string;
  email: string;
  personIds: string[];
  roles: ContractorRole[];
};

// A customer's portal link: one work order, in one view (lib/portal/views.ts).
export type TLinkActor = {
  kind: "link";
  tokenId: string;
  organisationId: string;
  workOrderId: string;
  email: string;
  view: TPortalView;
};

// A tenant through their request link: one request, nothing else.
export type TTenantActor = {
  kind: "tenant";
  tokenId: string;
  organisationId: string;
  tenantRequestId: string;
  email: string;
};

export type TActor = TStaffActor | TDeskActor | TTechActor | TLinkActor | TTenantActor;

// An active person, and when a session is named, only while that session is live
// (lib/auth/user-sessions.ts): a page's sign-in check and its actor are one statement, one
// round trip, before the page's own reads start. Timestamps without a zone hold UTC.
function activeUser(userId: string, sessionId: string | undefined): Prisma.Sql {
  const live = sessionId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "UserSession" s WHERE s.id = ${sessionId} AND s."userId" = u.id
        AND s."endedAt" IS NULL AND s."expiresAt" > ${new Date().toISOString()}::timestamp(3))`
    : Prisma.empty;
  return Prisma.sql`u.id = ${userId} AND u."deactivatedAt" IS NULL ${live}`;
}

export async function loadStaffActor(userId: string, sessionId?: string): Promise<TStaffActor | null> {
  const [row] = await db.$queryRaw<Omit<TStaffActor, "kind">[]>`
    SELECT u.id AS "userId", u.name, u.email, m."organisationId", o.name AS "organisationName",
           o.timezone AS "organisationTimeZone", o.currency AS "organisationCurrency", m.role::text AS role
    FROM "User" u
    JOIN LATERAL (SELECT m."organisationId", m.role FROM "Membership" m WHERE m."userId" = u.id
                  ORDER BY m."createdAt", m.id LIMIT 1) m ON true
    JOIN "Organisation" o ON o.id = m."organisationId"
    WHERE ${activeUser(userId, sessionId)}`;
  return row ? { kind: "staff", ...row } : null;
}

export async function loadDeskActor(userId: string, sessionId?: string): Promise<TDeskActor | null> {
  const [row] = await db.$queryRaw<Omit<TDeskActor, "kind">[]>`
    SELECT u.id AS "userId", u.name, u.email,
           json_agg(json_build_object('companyId', p."contractorCompanyId", 'companyName', c.name, 'personId', p.id, 'role', p.role)
                    ORDER BY p."createdAt", p.id) AS companies
    FROM "User" u
    JOIN "ContractorPerson" p ON p."userId" = u.id AND p.active AND p.role IN ('ADMIN', 'OFFICE')
    JOIN "ContractorCompany" c ON c.id = p."contractorCompanyId"
    WHERE ${activeUser(userId, sessionId)}
    GROUP BY u.id`;
  return row ? { kind: "desk", ...row } : null;
}

export async function loadTechActor(userId: string, sessionId?: string): Promise<TTechActor | null> {
  const [row] = await db.$queryRaw<(Omit<TTechActor, "kind" | "roles"> & { roles: ContractorRole[] })[]>`
    SELECT u.id AS "userId", u.name, u.email,
           array_agg(p.id ORDER BY p."createdAt", p.id) AS "personIds",
           array_agg(DISTINCT p.role::text) AS roles
    FROM "User" u
    JOIN "ContractorPerson" p ON p."userId" = u.id AND p.active
    WHERE ${activeUser(userId, sessionId)}
    GROUP BY u.id`;
  return row ? { kind: "tech", ...row } : null;
}

import "server-only";
import type { ContractorRole, StaffRole } from "@/generated/prisma/client";
import { db } from "@/lib/db";

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

export type TLinkActor = { kind: "link"; tokenId: string; organisationId: string; workOrderId: string; email: string };

export type TActor = TStaffActor | TDeskActor | TTechActor | TLinkActor;

export async function loadStaffActor(userId: string): Promise<TStaffActor | null> {
  const user = await db.user.findFirst({
    where: { id: userId, deactivatedAt: null },
    include: { memberships: { include: { organisation: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const membership = user?.memberships[0];
  if (!user || !membership) return null;
  return {
    kind: "staff",
    userId: user.id,
    name: user.name,
    email: user.email,
    organisationId: membership.organisationId,
    organisationName: membership.organisation.name,
    organisationTimeZone: membership.organisation.timezone,
    organisationCurrency: membership.organisation.currency,
    role: membership.role,
  };
}

export async function loadDeskActor(userId: string): Promise<TDeskActor | null> {
  const user = await db.user.findFirst({
    where: { id: userId, deactivatedAt: null },
    include: {
      contractorPersons: {
        where: { active: true, role: { in: ["ADMIN", "OFFICE"] } },
        include: { contractorCompany: { select: { name: true } } },
      },
    },
  });
  if (!user || user.contractorPersons.length === 0) return null;
  return {
    kind: "desk",
    userId: user.id,
    name: user.name,
    email: user.email,
    companies: user.contractorPersons.map((p) => ({
      companyId: p.contractorCompanyId,
      companyName: p.contractorCompany.name,
      personId: p.id,
      role: p.role,
    })),
  };
}

export async function loadTechActor(userId: string): Promise<TTechActor | null> {
  const user = await db.user.findFirst({
    where: { id: userId, deactivatedAt: null },
    include: { contractorPersons: { where: { active: true }, select: { id: true, role: true } } },
  });
  if (!user || user.contractorPersons.length === 0) return null;
  return {
    kind: "tech",
    userId: user.id,
    name: user.name,
    email: user.email,
    personIds: user.contractorPersons.map((p) => p.id),
    roles: [...new Set(user.contractorPersons.map((p) => p.role))],
  };
}

import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { contractorCompanyScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { networkPerformance } from "./network-performance";
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

// The organisation's contractor network: people, accreditations with expiry, and how
// each company performs for this organisation (time to accept, share finished on time).
// companyId: one company of the network (its page), or every one.
export async function listNetwork(actor: TStaffActor, companyId?: string) {
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
    networkPerformance(actor.organisationId, companyId ? [companyId] : null),
  ]);
  return companies.map((company) => {
    const p = performance.get(company.id);
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
      averageHoursToAccept: p?.averageHoursToAccept ?? null,
      onTimeRate: p?.onTimeRate ?? null,
      // The worst of its current accreditations: what the list shows and filters on.
      accreditationStanding: worstStanding(company.accreditations.map((a) => a.expiresAt)),
    };
  });
}

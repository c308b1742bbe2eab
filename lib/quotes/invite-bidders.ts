import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { contractorCompanyScope } from "@/lib/authz/scopes";
import { passComplianceGate } from "@/lib/compliance/pass-compliance-gate";
import type { TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { invalidInput } from "@/lib/errors";
import { recordEvent } from "@/lib/timeline/record-event";
import { formatMoment } from "@/lib/time/zones";
import { issueQuoteLink } from "./issue-quote-link";
import { scheduleQuoteReminder } from "./remind-bidder";
import type { TSupplierInput } from "./schemas";

// What of a request's work order its invitations need (the trade for the gate, the title
// and town for the email, the site's clock for the deadline), read the same way everywhere.
export const WORK_ORDER_FOR_INVITES = {
  id: true,
  number: true,
  title: true,
  categoryId: true,
  site: { select: { city: true, timezone: true } },
} as const;

export type TQuoteRequestForInvites = {
  id: string;
  deadline: Date;
  workOrder: {
    id: string;
    number: number;
    title: string;
    categoryId: string | null;
    site: { city: string; timezone: string | null };
  };
};

// The invitations of a request, written in the caller's transaction: network companies
// that pass the compliance gate for the work order's trade (or that a manager lets through
// with a reason), and outside suppliers by email; a supplier's address that belongs to a
// contractor person invites that person's company instead. Someone already invited is
// left as is, so adding the same invitee twice invites once. Returns the new invitations.
export async function addInvitations(
  tx: TTx,
  actor: TStaffActor,
  request: TQuoteRequestForInvites,
  invitees: { contractorCompanyIds: string[]; suppliers: TSupplierInput[]; overrideReason: string | null },
  now: Date,
): Promise<{ id: string; email: string; name: string }[]> {
  const companies = await tx.contractorCompany.findMany({
    where: { ...contractorCompanyScope(actor), id: { in: invitees.contractorCompanyIds } },
    select: { id: true, name: true, email: true },
  });
  if (companies.length !== invitees.contractorCompanyIds.length)
    throw invalidInput("Please correct the highlighted fields.", {
      contractorCompanyIds: ["Choose contractors from your network"],
    });
  const suppliers: TSupplierInput[] = [];
  for (const supplier of invitees.suppliers) {
    // Already on Fieldgate as a contractor's person: that company answers, from its Desk.
    const person = await tx.contractorPerson.findFirst({
      where: { active: true, role: { in: ["ADMIN", "OFFICE"] }, user: { email: supplier.email, deactivatedAt: null } },
      select: { contractorCompany: { select: { id: true, name: true, email: true } } },
      orderBy: { createdAt: "asc" },
    });
    if (person) {
      if (!companies.some((c) => c.id === person.contractorCompany.id)) companies.push(person.contractorCompany);
    } else if (!suppliers.some((s) => s.email === supplier.email)) suppliers.push(supplier);
  }

  const already = await tx.quoteInvitation.findMany({
    where: { quoteRequestId: request.id },
    select: { contractorCompanyId: true, email: true },
  });
  const created: { id: string; email: string; name: string }[] = [];
  for (const company of companies) {
    if (already.some((a) => a.contractorCompanyId === company.id)) continue;
    const override = await passComplianceGate(
      tx,
      actor,
      { categoryId: request.workOrder.categoryId, company, overrideReason: invitees.overrideReason },
      now,
      "contractorCompanyIds",
    );
    const invitation = await tx.quoteInvitation.create({
      data: {
        organisationId: actor.organisationId,
        quoteRequestId: request.id,
        contractorCompanyId: company.id,
        email: company.email.toLowerCase(),
        complianceOverride: override ?? undefined,
      },
    });
    created.push({ id: invitation.id, email: invitation.email, name: company.name });
  }
  for (const supplier of suppliers) {
    if (already.some((a) => !a.contractorCompanyId && a.email === supplier.email)) continue;
    const invitation = await tx.quoteInvitation.create({
      data: {
        organisationId: actor.organisationId,
        quoteRequestId: request.id,
        supplierName: supplier.name,
        supplierCompany: supplier.company || null,
        email: supplier.email,
      },
    });
    created.push({ id: invitation.id, email: invitation.email, name: supplier.company || supplier.name });
  }
  return created;
}

// One email per invitation with its own link (a new one: any earlier link of the
// invitation is revoked), valid for reading until 14 days after the deadline.
export async function sendInvitationLink(
  tx: TTx,
  actor: TStaffActor,
  request: TQuoteRequestForInvites,
  invitation: { id: string; email: string; name: string },
  now: Date,
) {
  await tx.accessToken.updateMany({
    where: { purpose: "QUOTE", scope: { path: ["invitationId"], equals: invitation.id }, revokedAt: null },
    data: { revokedAt: now },
  });
  const url = await issueQuoteLink(tx, actor.organisationId, invitation, request.deadline);
  await scheduleQuoteReminder(tx, invitation.id, request.deadline, now);
  const zone = request.workOrder.site.timezone ?? actor.organisationTimeZone;
  await enqueueEmail(tx, {
    to: invitation.email,
    organisationId: actor.organisationId,
    template: "quote-invitation",
    data: {
      clientName: actor.organisationName,
      title: request.workOrder.title,
      place: request.workOrder.site.city,
      deadline: formatMoment(request.deadline, zone, null),
      url,
      greeting: `Hello ${invitation.name}`,
    },
  });
  await recordEvent(tx, {
    organisationId: actor.organisationId,
    workOrderId: request.workOrder.id,
    actor: { userId: actor.userId, label: actor.name },
    type: "quote.invited",
    data: { bidder: invitation.name },
  });
}

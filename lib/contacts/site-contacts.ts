import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { siteScope, workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { TAddSiteContactInput, TSetWorkOrderCustomerInput } from "./schemas";

// A site's people outside the organisation, by role.
export async function listSiteContacts(actor: TStaffActor, siteId: string) {
  return db.siteContact.findMany({
    where: { siteId, site: siteScope(actor) },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      role: true,
      contact: { select: { id: true, name: true, email: true, mobile: true, company: true } },
    },
  });
}

// Adds a person to a site in a role. One contact per address in the organisation: adding
// someone known by their email updates their details and links them; adding them twice in
// the same role changes nothing.
export async function addSiteContact(actor: TStaffActor, input: TAddSiteContactInput) {
  const site = await db.site.findFirst({ where: { ...siteScope(actor), id: input.siteId }, select: { id: true } });
  if (!site) throw notFound("Site");
  return db.$transaction(async (tx) => {
    const details = { name: input.name, mobile: input.mobile, company: input.company };
    const contact = await tx.contact.upsert({
      where: { organisationId_email: { organisationId: actor.organisationId, email: input.email } },
      create: { organisationId: actor.organisationId, email: input.email, ...details },
      update: details,
    });
    await tx.siteContact.upsert({
      where: { siteId_role_contactId: { siteId: site.id, role: input.role, contactId: contact.id } },
      create: { siteId: site.id, contactId: contact.id, role: input.role },
      update: {},
    });
    // Open work at the site without a customer gets this one.
    if (input.role === "CUSTOMER")
      await tx.workOrder.updateMany({
        where: { siteId: site.id, customerContactId: null, status: { notIn: ["COMPLETED", "CANCELLED"] } },
        data: { customerContactId: contact.id },
      });
    return contact;
  });
}

export async function removeSiteContact(actor: TStaffActor, siteContactId: string) {
  const { count } = await db.siteContact.deleteMany({ where: { id: siteContactId, site: siteScope(actor) } });
  return { removed: count > 0 };
}

// Names the work order's customer (or none); links can still go to any address.
export async function setWorkOrderCustomer(actor: TStaffActor, input: TSetWorkOrderCustomerInput) {
  if (input.contactId) {
    const contact = await db.contact.findFirst({
      where: { id: input.contactId, organisationId: actor.organisationId },
      select: { id: true },
    });
    if (!contact) throw notFound("Contact");
  }
  const { count } = await db.workOrder.updateMany({
    where: { ...workOrderScope(actor), id: input.workOrderId },
    data: { customerContactId: input.contactId },
  });
  if (count === 0) throw notFound("Work order");
}

// Whom a work order's customer can be: the organisation's contacts, the site's first.
export async function listCustomerChoices(actor: TStaffActor, siteId: string) {
  const contacts = await db.contact.findMany({
    where: { organisationId: actor.organisationId },
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true, email: true, company: true, sites: { where: { siteId }, select: { id: true } } },
  });
  return contacts
    .map(({ sites, ...contact }) => ({ ...contact, atSite: sites.length > 0 }))
    .sort((a, b) => Number(b.atSite) - Number(a.atSite));
}

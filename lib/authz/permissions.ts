import "server-only";
import type { ContractorRole, StaffRole } from "@/generated/prisma/client";
import type { TDeskActor, TDeskCompany, TLinkActor, TStaffActor, TTechActor } from "@/lib/auth/actor";
import { forbidden, notFound } from "@/lib/errors";
import type { TPortalView } from "@/lib/portal/views";

// The permission table: which role may do what. Nothing else in the code decides roles.
const STAFF_PERMISSIONS = {
  "workOrder.read": ["ADMIN", "MANAGER", "COORDINATOR"],
  "workOrder.write": ["ADMIN", "MANAGER", "COORDINATOR"],
  "workOrder.assign": ["ADMIN", "MANAGER", "COORDINATOR"],
  // Giving work to a contractor without the documents its trade requires, with a reason.
  "compliance.override": ["ADMIN", "MANAGER"],
  // Coordinators draft an estimate; approving it commits money (the not-to-exceed amount).
  "estimate.write": ["ADMIN", "MANAGER", "COORDINATOR"],
  "estimate.approve": ["ADMIN", "MANAGER"],
  // Proposing and agreeing the terms work is billed at.
  "rates.negotiate": ["ADMIN", "MANAGER"],
  // Contractors' invoices: coordinators follow them; approving, disputing, rejecting and
  // marking paid commit money. Admins set the tolerances and auto-approval.
  "invoice.read": ["ADMIN", "MANAGER", "COORDINATOR"],
  "invoice.decide": ["ADMIN", "MANAGER"],
  "invoice.settings": ["ADMIN"],
  "site.read": ["ADMIN", "MANAGER", "COORDINATOR"],
  "site.write": ["ADMIN", "MANAGER", "COORDINATOR"],
  "contractor.read": ["ADMIN", "MANAGER", "COORDINATOR"],
  "contractor.invite": ["ADMIN", "MANAGER"],
  "portal.send": ["ADMIN", "MANAGER"],
  // Comments on estimate lines: every staff member replies, only managers delete.
  "estimate.comment": ["ADMIN", "MANAGER", "COORDINATOR"],
  "estimate.comment.delete": ["ADMIN", "MANAGER"],
  // The organisation's invoice to its customer: issuing and correcting commit money.
  "customerInvoice.issue": ["ADMIN", "MANAGER"],
  // Requests for quote: coordinators ask; awarding commits money, as does opening sealed
  // answers before their deadline.
  "quote.send": ["ADMIN", "MANAGER", "COORDINATOR"],
  "quote.award": ["ADMIN", "MANAGER"],
  "quote.openEarly": ["ADMIN", "MANAGER"],
  "mailbox.read": ["ADMIN"],
  // Tenants' requests: staff match them to sites and follow them; managers set the forms'
  // emergency questions, the emergency number and the reminder hour.
  "tenantRequest.triage": ["ADMIN", "MANAGER", "COORDINATOR"],
  "tenantRequest.settings": ["ADMIN", "MANAGER"],
  // The organisation's details, time zone, currency, tax rate, hours and holidays.
  "organisation.settings": ["ADMIN"],
} as const satisfies Record<string, readonly StaffRole[]>;

const DESK_PERMISSIONS = {
  "task.read": ["ADMIN", "OFFICE"],
  "task.respond": ["ADMIN", "OFFICE"],
  // Scheduling visits and assigning technicians, one task or many at once.
  "task.plan": ["ADMIN", "OFFICE"],
  // Time and costs on a task, in the Desk (technicians record their own time in the app).
  "time.record": ["ADMIN", "OFFICE"],
  // The company's rate cards: the office reads them, an admin agrees them.
  "rates.read": ["ADMIN", "OFFICE"],
  "rates.negotiate": ["ADMIN"],
  // The company's invoices to its clients, and asking a client for a higher not-to-exceed.
  "invoice.read": ["ADMIN", "OFFICE"],
  "invoice.write": ["ADMIN", "OFFICE"],
  // Office people see the company's profile and accreditations; only admins change them.
  "company.read": ["ADMIN", "OFFICE"],
  "company.manage": ["ADMIN"],
  // Answering a client's request for quote.
  "quote.answer": ["ADMIN", "OFFICE"],
  // Replying to a customer's comment on an estimate line, proposing estimate lines.
  "estimate.comment": ["ADMIN", "OFFICE"],
  "estimate.propose": ["ADMIN", "OFFICE"],
} as const satisfies Record<string, readonly ContractorRole[]>;

// A technician works on the tasks assigned to them (lib/authz/scopes decides which); every
// active contractor person can be assigned, so every one may.
const TECH_PERMISSIONS = {
  "task.work": ["ADMIN", "OFFICE", "TECHNICIAN"],
  // Agreeing the visit with a tenant on the phone, and booking it from the app (online).
  "visit.book": ["ADMIN", "OFFICE", "TECHNICIAN"],
} as const satisfies Record<string, readonly ContractorRole[]>;

// A customer's link may do what its view is for, and nothing else.
const LINK_PERMISSIONS = {
  "estimate.read": ["work_authorization", "estimate"],
  // Prices (at customer prices) show in the estimate view alone.
  "estimate.prices": ["estimate"],
  "estimate.decide": ["work_authorization", "estimate"],
  "estimate.comment": ["work_authorization", "estimate"],
  "estimate.sign": ["estimate"],
  "progress.read": ["progress"],
  "customerInvoice.read": ["invoice"],
} as const satisfies Record<string, readonly TPortalView[]>;

export type TStaffPermission = keyof typeof STAFF_PERMISSIONS;
export type TLinkPermission = keyof typeof LINK_PERMISSIONS;
export type TDeskPermission = keyof typeof DESK_PERMISSIONS;
export type TTechPermission = keyof typeof TECH_PERMISSIONS;

export function staffCan(actor: TStaffActor, permission: TStaffPermission): boolean {
  return (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(actor.role);
}

export function assertStaffCan(actor: TStaffActor, permission: TStaffPermission): void {
  if (!staffCan(actor, permission)) throw forbidden();
}

// Who holds a permission, for telling the people who can act on something that it waits.
export const staffRolesWith = (permission: TStaffPermission) => STAFF_PERMISSIONS[permission] as readonly StaffRole[];
export const deskRolesWith = (permission: TDeskPermission) => DESK_PERMISSIONS[permission] as readonly ContractorRole[];

// Desk permissions depend on the person's role in the company that owns the record.
export function deskCompaniesAllowed(actor: TDeskActor, permission: TDeskPermission): string[] {
  const roles = DESK_PERMISSIONS[permission] as readonly ContractorRole[];
  return actor.companies.filter((c) => roles.includes(c.role)).map((c) => c.companyId);
}

// The companies themselves, for pages that show one section per company.
export function deskCompaniesWith(actor: TDeskActor, permission: TDeskPermission): TDeskCompany[] {
  const allowed = deskCompaniesAllowed(actor, permission);
  return actor.companies.filter((c) => allowed.includes(c.companyId));
}

export function deskCan(actor: TDeskActor, permission: TDeskPermission, companyId?: string): boolean {
  const allowed = deskCompaniesAllowed(actor, permission);
  return companyId ? allowed.includes(companyId) : allowed.length > 0;
}

export function assertDeskCan(actor: TDeskActor, permission: TDeskPermission, companyId?: string): void {
  if (!deskCan(actor, permission, companyId)) throw forbidden();
}

export function linkCan(actor: TLinkActor, permission: TLinkPermission): boolean {
  return (LINK_PERMISSIONS[permission] as readonly TPortalView[]).includes(actor.view);
}

// Out of the link's view reads as not found: a link reveals no more than its view.
export function assertLinkCan(actor: TLinkActor, permission: TLinkPermission): void {
  if (!linkCan(actor, permission)) throw notFound("Page");
}

export function techCan(actor: TTechActor, permission: TTechPermission): boolean {
  const roles = TECH_PERMISSIONS[permission] as readonly ContractorRole[];
  return actor.roles.some((role) => roles.includes(role));
}

export function assertTechCan(actor: TTechActor, permission: TTechPermission): void {
  if (!techCan(actor, permission)) throw forbidden();
}

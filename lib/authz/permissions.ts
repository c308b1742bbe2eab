import type { ContractorRole, StaffRole } from "@/generated/prisma/client";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";

// The permission table: which role may do what. Nothing else in the code decides roles.
const STAFF_PERMISSIONS = {
  "workOrder.read": ["ADMIN", "MANAGER", "COORDINATOR"],
  "workOrder.write": ["ADMIN", "MANAGER", "COORDINATOR"],
  "workOrder.assign": ["ADMIN", "MANAGER", "COORDINATOR"],
  "site.read": ["ADMIN", "MANAGER", "COORDINATOR"],
  "site.write": ["ADMIN", "MANAGER", "COORDINATOR"],
  "contractor.read": ["ADMIN", "MANAGER", "COORDINATOR"],
  "contractor.invite": ["ADMIN", "MANAGER"],
  "portal.send": ["ADMIN", "MANAGER"],
  "mailbox.read": ["ADMIN"],
} as const satisfies Record<string, readonly StaffRole[]>;

const DESK_PERMISSIONS = {
  "task.read": ["ADMIN", "OFFICE"],
  "task.respond": ["ADMIN", "OFFICE"],
  "task.assignTechnician": ["ADMIN", "OFFICE"],
  // Office people see the company's profile and accreditations; only admins change them.
  "company.read": ["ADMIN", "OFFICE"],
  "company.manage": ["ADMIN"],
} as const satisfies Record<string, readonly ContractorRole[]>;

export type TStaffPermission = keyof typeof STAFF_PERMISSIONS;
export type TDeskPermission = keyof typeof DESK_PERMISSIONS;

export function staffCan(actor: TStaffActor, permission: TStaffPermission): boolean {
  return (STAFF_PERMISSIONS[permission] as readonly StaffRole[]).includes(actor.role);
}

export function assertStaffCan(actor: TStaffActor, permission: TStaffPermission): void {
  if (!staffCan(actor, permission)) throw forbidden();
}

// Desk permissions depend on the person's role in the company that owns the record.
export function deskCompaniesAllowed(actor: TDeskActor, permission: TDeskPermission): string[] {
  const roles = DESK_PERMISSIONS[permission] as readonly ContractorRole[];
  return actor.companies.filter((c) => roles.includes(c.role)).map((c) => c.companyId);
}

export function assertDeskCan(actor: TDeskActor, permission: TDeskPermission, companyId?: string): void {
  const allowed = deskCompaniesAllowed(actor, permission);
  if (companyId ? !allowed.includes(companyId) : allowed.length === 0) throw forbidden();
}

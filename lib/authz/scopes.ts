import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TActor, TDeskActor, TLinkActor, TStaffActor, TTechActor, TTenantActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed, type TDeskPermission } from "./permissions";
import { now } from "@/lib/time/now";

// Where-builders: every query on tenant data takes its `where` from here, so the scope is
// part of the query (never load by id and check afterwards). Out of scope reads as
// not found.

export function workOrderScope(actor: TStaffActor | Extract<TActor, { kind: "link" }>): Prisma.WorkOrderWhereInput {
  if (actor.kind === "link") return { id: actor.workOrderId, organisationId: actor.organisationId };
  return { organisationId: actor.organisationId };
}

// Staff see their organisation's estimates; a contractor office sees the approved lines of
// work it holds or held (what its invoice is checked against), never the drafts.
export function estimateLineScope(actor: TStaffActor | TDeskActor): Prisma.EstimateLineWhereInput {
  if (actor.kind === "staff") return { organisationId: actor.organisationId };
  return {
    approvedAt: { not: null },
    workOrder: { assignments: { some: deskAssignmentScope(actor, "task.read") } },
  };
}

// Comments on estimate lines: staff of the organisation, the office of a contractor that
// holds or held the work, and a customer's link on its one work order.
export function lineCommentScope(actor: TStaffActor | TDeskActor | TLinkActor): Prisma.EstimateLineCommentWhereInput {
  if (actor.kind === "staff") return { organisationId: actor.organisationId };
  if (actor.kind === "link") return { organisationId: actor.organisationId, workOrderId: actor.workOrderId };
  return { workOrder: { assignments: { some: deskAssignmentScope(actor, "task.read") } } };
}

// Rate cards between the parties: a client's staff see theirs with every contractor, a
// contractor's office its own with every client, no one another's.
export function rateCardScope(actor: TStaffActor | TDeskActor): Prisma.RateCardWhereInput {
  if (actor.kind === "staff") return { organisationId: actor.organisationId };
  return { contractorCompanyId: { in: deskCompaniesAllowed(actor, "rates.read") } };
}

// Invoices: a client's staff see those sent to their organisation (never drafts still
// being written), a contractor's office its own company's, no one another's.
export function invoiceScope(
  actor: TStaffActor | TDeskActor,
  deskPermission: TDeskPermission = "invoice.read",
): Prisma.InvoiceWhereInput {
  if (actor.kind === "staff") return { organisationId: actor.organisationId, status: { not: "DRAFT" } };
  return { contractorCompanyId: { in: deskCompaniesAllowed(actor, deskPermission) } };
}

// Requests for a higher not-to-exceed: the client's staff and the asking company's office.
export function nteIncreaseScope(actor: TStaffActor | TDeskActor): Prisma.NteIncreaseRequestWhereInput {
  if (actor.kind === "staff") return { organisationId: actor.organisationId };
  return { contractorCompanyId: { in: deskCompaniesAllowed(actor, "invoice.read") } };
}

// Evidence packs are made for one reader: staff read their organisation's own packs, a
// contractor's office its company's packs (each holds only what that reader may see).
export function evidencePackScope(actor: TStaffActor | TDeskActor): Prisma.EvidencePackWhereInput {
  if (actor.kind === "staff") return { organisationId: actor.organisationId, contractorCompanyId: null };
  return { contractorCompanyId: { in: deskCompaniesAllowed(actor, "task.read") } };
}

export function siteScope(actor: TStaffActor): Prisma.SiteWhereInput {
  return { organisationId: actor.organisationId };
}

export function assetScope(actor: TStaffActor): Prisma.AssetWhereInput {
  return { organisationId: actor.organisationId };
}

export function contractorCompanyScope(actor: TStaffActor): Prisma.ContractorCompanyWhereInput {
  return { network: { some: { organisationId: actor.organisationId } } };
}

export function assignmentScope(
  actor: TActor,
  deskPermission: TDeskPermission = "task.read",
): Prisma.AssignmentWhereInput {
  switch (actor.kind) {
    case "staff":
      return { organisationId: actor.organisationId };
    case "desk":
      return deskAssignmentScope(actor, deskPermission);
    case "tech":
      return techAssignmentScope(actor);
    case "link":
      return { organisationId: actor.organisationId, workOrderId: actor.workOrderId };
    case "tenant":
      return { organisationId: actor.organisationId, workOrder: { tenantRequest: { id: actor.tenantRequestId } } };
  }
}

function deskAssignmentScope(actor: TDeskActor, permission: TDeskPermission): Prisma.AssignmentWhereInput {
  return { contractorCompanyId: { in: deskCompaniesAllowed(actor, permission) } };
}

function techAssignmentScope(actor: TTechActor): Prisma.AssignmentWhereInput {
  return {
    technicians: { some: { personId: { in: actor.personIds } } },
    status: { notIn: ["CANCELLED", "DECLINED", "OFFERED"] },
  };
}

// Tasks a technician's device may send work for: every task they are or were assigned
// to, whatever its status now, so work done before a task was withdrawn or before they
// were taken off it still reaches the office (lib/sync decides what it may change).
export function techWorkScope(actor: TTechActor): Prisma.AssignmentWhereInput {
  return {
    OR: [
      { technicians: { some: { personId: { in: actor.personIds } } } },
      { technicianRemovals: { some: { personId: { in: actor.personIds } } } },
    ],
  };
}

// People a desk user may assign as technicians: active people of their own company.
export function assignablePeopleScope(actor: TDeskActor, companyId: string): Prisma.ContractorPersonWhereInput {
  return {
    contractorCompanyId: { in: deskCompaniesAllowed(actor, "task.plan").filter((id) => id === companyId) },
    active: true,
  };
}

// Contractor companies whose accreditations and certificates an actor may read: the
// company's own active people, and staff of every organisation with the company in its
// network. Desk users reach only companies where their role has `deskPermission`.
export function accreditationCompanyScope(
  actor: TActor,
  deskPermission: TDeskPermission = "company.read",
): Prisma.ContractorCompanyWhereInput {
  switch (actor.kind) {
    case "staff":
      return contractorCompanyScope(actor);
    case "desk":
      return { id: { in: deskCompaniesAllowed(actor, deskPermission) } };
    case "tech":
      return { people: { some: { id: { in: actor.personIds }, active: true } } };
    case "link":
    case "tenant":
      return { id: { in: [] } };
  }
}

// A tenant's link reaches its own request alone.
export function tenantRequestScope(actor: TTenantActor | TStaffActor): Prisma.TenantRequestWhereInput {
  if (actor.kind === "tenant") return { id: actor.tenantRequestId, organisationId: actor.organisationId };
  return { organisationId: actor.organisationId };
}

// Which files an actor may see: staff every file of their organisation except a
// contractor's document on an invoice still in draft (it reaches the client when the
// invoice is submitted); contractors the client's documents of work orders given to them
// and their own task's files; technicians only what their work needs. Accreditation
// certificates belong to a company: its own people and staff of organisations with it in
// their network see them.
export function attachmentScope(actor: TActor): Prisma.AttachmentWhereInput {
  if (actor.kind === "tenant") return { tenantRequestId: actor.tenantRequestId };
  const certificates: Prisma.AttachmentWhereInput = {
    kind: "ACCREDITATION",
    contractorCompany: accreditationCompanyScope(actor),
  };
  if (actor.kind === "staff")
    return {
      OR: [
        {
          organisationId: actor.organisationId,
          OR: [{ invoiceId: null }, { invoice: { status: { not: "DRAFT" } } }],
          // A bidder's quote document: not while it is a draft, nor while its answer is sealed.
          NOT: {
            kind: "QUOTE",
            quoteRevision: {
              is: {
                OR: [
                  { submittedAt: null },
                  {
                    invitation: {
                      quoteRequest: { sealed: true, openedEarlyAt: null, status: "OPEN", deadline: { gt: now() } },
                    },
                  },
                ],
              },
            },
          },
        },
        certificates,
      ],
    };
  const tasks = assignmentScope(actor, "task.read");
  // The client's documents and the tenant's photos of work orders given to them.
  const clientDocuments: Prisma.AttachmentWhereInput = {
    OR: [{ kind: "CLIENT_DOCUMENT" }, { kind: "PHOTO", tenantRequestId: { not: null } }],
    workOrder: { assignments: { some: tasks } },
  };
  // A technician: the client's documents and the photos of their tasks, and their own
  // certificates; never the office's invoices, receipts or reports.
  if (actor.kind === "tech")
    return {
      OR: [
        clientDocuments,
        { kind: "PHOTO", assignment: tasks },
        { kind: "ACCREDITATION", accreditation: { person: { id: { in: actor.personIds }, active: true } } },
      ],
    };
  return { OR: [{ assignment: tasks }, clientDocuments, certificates] };
}

// The people of the companies where the actor holds `permission` (admins manage people).
export function companyPeopleScope(
  actor: TDeskActor,
  permission: TDeskPermission = "company.manage",
): Prisma.ContractorPersonWhereInput {
  return { contractorCompanyId: { in: deskCompaniesAllowed(actor, permission) } };
}

// Someone whose every role is in this one company: no client organisation's membership and
// no other company's role. Only such a person's account (their password) is the company
// admin's to reset.
export function onlyInCompanyUserScope(companyId: string): Prisma.UserWhereInput {
  return { memberships: { none: {} }, contractorPersons: { every: { contractorCompanyId: companyId } } };
}

// A person's own saved list filters, in their organisation.
export function savedFilterScope(actor: TStaffActor): Prisma.SavedFilterWhereInput {
  return { organisationId: actor.organisationId, userId: actor.userId };
}

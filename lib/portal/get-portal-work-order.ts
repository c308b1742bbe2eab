import "server-only";
import type { AssignmentStatus, WorkOrderStatus } from "@/generated/prisma/client";
import type { TLinkActor } from "@/lib/auth/actor";
import { workOrderSqlScope } from "@/lib/authz/sql-scopes";
import { db, type TTx } from "@/lib/db";
import { notFound } from "@/lib/errors";

type THeadingRow = {
  id: string;
  number: number;
  title: string;
  description: string;
  status: WorkOrderStatus;
  dueAt: Date | null;
  createdAt: Date;
  organisationName: string;
  organisationTimeZone: string;
  currency: string;
  customerMarkupPercent: string;
  estimateTerms: string;
  requireCustomerApproval: boolean;
  siteName: string;
  siteCity: string;
  siteTimeZone: string | null;
  taskStatus: AssignmentStatus | null;
  scheduledAt: Date | null;
  plannedAt: Date | null;
  contractorName: string | null;
  senderName: string | null;
  senderEmail: string | null;
};

// What every view of a customer's link shows at its head, and the organisation's terms for
// customers: the one work order, its status and latest task, the person who sent the link
// (the customer's contact); never internal notes, prices or other records. One statement:
// the portal's pages are read on every opening.
export async function getPortalWorkOrder(actor: TLinkActor, client: TTx | typeof db = db) {
  const [row] = await client.$queryRaw<THeadingRow[]>`
    SELECT w.id, w.number, w.title, w.description, w.status::text AS status, w."dueAt", w."createdAt",
           o.name AS "organisationName", o.timezone AS "organisationTimeZone", o.currency,
           o."customerMarkupPercent"::text AS "customerMarkupPercent", o."estimateTerms", o."requireCustomerApproval",
           s.name AS "siteName", s.city AS "siteCity", s.timezone AS "siteTimeZone",
           a.status::text AS "taskStatus", a."scheduledAt", a."plannedAt", c.name AS "contractorName",
           u.name AS "senderName", u.email AS "senderEmail"
    FROM "WorkOrder" w
    JOIN "Organisation" o ON o.id = w."organisationId"
    JOIN "Site" s ON s.id = w."siteId"
    LEFT JOIN LATERAL (SELECT a.status, a."scheduledAt", a."plannedAt", a."contractorCompanyId" FROM "Assignment" a
                       WHERE a."workOrderId" = w.id ORDER BY a."offeredAt" DESC LIMIT 1) a ON true
    LEFT JOIN "ContractorCompany" c ON c.id = a."contractorCompanyId"
    LEFT JOIN "AccessToken" t ON t.id = ${actor.tokenId} AND t."workOrderId" = w.id
    LEFT JOIN "User" u ON u.id = t."createdById"
    WHERE ${workOrderSqlScope(actor)}`;
  if (!row) throw notFound("Work order");
  return {
    workOrder: {
      id: row.id,
      number: row.number,
      title: row.title,
      description: row.description,
      status: row.status,
      dueAt: row.dueAt,
      createdAt: row.createdAt,
      organisation: { name: row.organisationName, timezone: row.organisationTimeZone },
      site: { name: row.siteName, city: row.siteCity, timezone: row.siteTimeZone },
    },
    // The organisation's terms for customers: for the estimate's reads, never shown as such.
    customerTerms: {
      currency: row.currency,
      customerMarkupPercent: row.customerMarkupPercent,
      estimateTerms: row.estimateTerms,
      requireCustomerApproval: row.requireCustomerApproval,
    },
    assignment: row.taskStatus
      ? {
          status: row.taskStatus,
          scheduledAt: row.scheduledAt,
          plannedAt: row.plannedAt,
          contractorCompany: { name: row.contractorName ?? "" },
        }
      : null,
    contact: row.senderEmail ? { name: row.senderName ?? row.senderEmail, email: row.senderEmail } : null,
  };
}
export type TPortalHeading = Awaited<ReturnType<typeof getPortalWorkOrder>>;

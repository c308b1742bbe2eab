import "server-only";
import {
  Prisma,
  type Asset,
  type Assignment,
  type AssignmentTechnician,
  type Category,
  type ContractorPerson,
  type ServiceTask,
  type Site,
  type WorkOrder,
} from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { deskAssignmentSqlScope } from "@/lib/authz/sql-scopes";
import { decideCompliance, type THeldDocument } from "@/lib/compliance/decide-compliance";
import { fromJsonRow } from "@/lib/database/json-rows";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";

// internalNotes are the client's own: never shown to the contractor (the query drops them).
// The not-to-exceed amount comes as text: a JSON number would be read as a float.
type TTaskWorkOrder = Omit<WorkOrder, "internalNotes" | "notToExceed"> & { notToExceed: string | null };
type TTaskTechnician = AssignmentTechnician & { person: ContractorPerson & { user: { name: string; email: string } } };

const workOrderFromJson = fromJsonRow<TTaskWorkOrder>()([
  "dueAt",
  "slaDueAt",
  "archivedAt",
  "awaitingReplySince",
  "offerWaitingSince",
  "nteIncreasePendingSince",
  "createdAt",
  "updatedAt",
]);
const siteFromJson = fromJsonRow<Site>()(["createdAt"]);
const assetFromJson = fromJsonRow<Asset>()(["createdAt"]);
const technicianFromJson = fromJsonRow<AssignmentTechnician>()(["assignedAt"]);
const personFromJson = fromJsonRow<ContractorPerson>()(["createdAt", "acceptedAt"]);
const serviceTaskFromJson = fromJsonRow<ServiceTask>()(["completedAt", "updatedAt"]);
const accreditationFromJson = fromJsonRow<THeldDocument>()(["expiresAt"]);

type TTaskSqlRow = Assignment & {
  organisationName: string;
  organisationTimeZone: string;
  organisationCurrency: string;
  companyName: string;
  workOrderJson: unknown;
  siteJson: unknown;
  categoryJson: (Category & { requiredDocuments: string[] }) | null;
  assetJson: unknown;
  technicianJson: { link: unknown; person: unknown; user: { name: string; email: string } }[];
  serviceTaskJson: unknown[];
  peopleJson: { id: string; name: string; accreditations: unknown[] }[];
};

// The Desk task page in one statement: the task with its work order, site, trade, asset,
// technicians and checklist, and the company's technicians with their accreditations
// (to flag who lacks what the trade requires).
export async function getDeskTask(actor: TDeskActor, assignmentId: string) {
  if (!isId(assignmentId)) throw notFound("Task");
  const query = deskTaskQuery(actor, assignmentId);
  return query.read(await db.$queryRaw<TTaskSqlRow[]>(query.sql));
}

// The statement and its reader, apart so the lists benchmark can run this very statement.
export function deskTaskQuery(actor: TDeskActor, assignmentId: string) {
  const sql = Prisma.sql`
    SELECT a.*, o.name AS "organisationName", o.timezone AS "organisationTimeZone", o.currency AS "organisationCurrency", cc.name AS "companyName",
           to_jsonb(w) - 'internalNotes' || jsonb_build_object('notToExceed', w."notToExceed"::text) AS "workOrderJson", to_jsonb(s) AS "siteJson", to_jsonb(c) || jsonb_build_object('requiredDocuments', (
             SELECT COALESCE(jsonb_agg(d.name ORDER BY d.name), '[]') FROM "DocumentRequirement" r
             JOIN "DocumentType" d ON d.id = r."documentTypeId" WHERE r."categoryId" = c.id)) AS "categoryJson", to_jsonb(asset) AS "assetJson",
           (SELECT COALESCE(jsonb_agg(jsonb_build_object('link', to_jsonb(t), 'person', to_jsonb(p), 'user', jsonb_build_object('name', u.name, 'email', u.email))
                                      ORDER BY t."assignedAt", t."personId"), '[]')
            FROM "AssignmentTechnician" t JOIN "ContractorPerson" p ON p.id = t."personId" JOIN "User" u ON u.id = p."userId"
            WHERE t."assignmentId" = a.id) AS "technicianJson",
           (SELECT COALESCE(jsonb_agg(to_jsonb(st) ORDER BY st.position, st.id), '[]') FROM "ServiceTask" st WHERE st."workOrderId" = a."workOrderId" AND (st."assignmentId" IS NULL OR st."assignmentId" = a.id)) AS "serviceTaskJson",
           (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', p.id, 'name', u.name, 'accreditations',
                      (SELECT COALESCE(jsonb_agg(jsonb_build_object('type', acc.type, 'expiresAt', acc."expiresAt")), '[]') FROM "Accreditation" acc WHERE acc."personId" = p.id))
                    ORDER BY u.name, p.id), '[]')
            FROM "ContractorPerson" p JOIN "User" u ON u.id = p."userId"
            WHERE p."contractorCompanyId" = a."contractorCompanyId" AND p.active AND p.role = 'TECHNICIAN') AS "peopleJson"
    FROM "Assignment" a
    JOIN "Organisation" o ON o.id = a."organisationId"
    JOIN "ContractorCompany" cc ON cc.id = a."contractorCompanyId"
    JOIN "WorkOrder" w ON w.id = a."workOrderId"
    JOIN "Site" s ON s.id = w."siteId"
    LEFT JOIN "Category" c ON c.id = w."categoryId"
    LEFT JOIN "Asset" asset ON asset.id = w."assetId"
    WHERE ${deskAssignmentSqlScope(actor, "task.read")} AND a.id = ${assignmentId}`;
  return { sql, read: readTask };
}

function readTask([found]: TTaskSqlRow[]) {
  if (!found) throw notFound("Task");
  const {
    organisationName,
    organisationTimeZone,
    organisationCurrency,
    companyName,
    workOrderJson,
    siteJson,
    categoryJson,
    assetJson,
    technicianJson,
    serviceTaskJson,
    peopleJson,
    ...task
  } = found;
  const workOrder = {
    ...workOrderFromJson(workOrderJson),
    site: siteFromJson(siteJson),
    category: categoryJson,
    asset: assetJson === null ? null : assetFromJson(assetJson),
  };
  const technicians: TTaskTechnician[] = technicianJson.map((t) => ({
    ...technicianFromJson(t.link),
    person: { ...personFromJson(t.person), user: t.user },
  }));
  const required = categoryJson?.requiredDocuments ?? [];
  const availableTechnicians = peopleJson.map((p) => ({
    id: p.id,
    name: p.name,
    problems: decideCompliance(required, p.accreditations.map(accreditationFromJson), new Date()).problems,
  }));
  return {
    ...task,
    organisation: { name: organisationName, currency: organisationCurrency, timezone: organisationTimeZone },
    contractorCompany: { id: task.contractorCompanyId, name: companyName },
    // The zone the task's times are entered and shown in: its site's, else its client's.
    timeZone: workOrder.site.timezone ?? organisationTimeZone,
    workOrder,
    technicians,
    serviceTasks: serviceTaskJson.map(serviceTaskFromJson),
    availableTechnicians,
  };
}

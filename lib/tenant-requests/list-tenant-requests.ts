import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { assertStaffCan } from "@/lib/authz/permissions";
import { tenantRequestScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { requestReference } from "./reference";

const PAGE = 100;

// The newest tenant requests, those waiting to be matched to a site first when asked:
// one page, read through the (organisation, state, created) index.
export async function listTenantRequests(actor: TStaffActor, only: "unmatched" | "all") {
  assertStaffCan(actor, "tenantRequest.triage");
  const rows = await db.tenantRequest.findMany({
    where: { ...tenantRequestScope(actor), ...(only === "unmatched" ? { state: "UNMATCHED" } : {}) },
    orderBy: { createdAt: "desc" },
    take: PAGE,
    select: {
      id: true,
      state: true,
      emergency: true,
      typedAddress: true,
      unit: true,
      description: true,
      createdAt: true,
      contact: { select: { name: true, email: true } },
      site: { select: { name: true } },
      category: { select: { name: true } },
      workOrder: { select: { id: true, number: true } },
    },
  });
  return rows.map((r) => ({ ...r, reference: requestReference(r.id) }));
}

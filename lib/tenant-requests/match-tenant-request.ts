import "server-only";
import type { z } from "zod";
import type { TStaffActor } from "@/lib/auth/actor";
import { assertStaffCan } from "@/lib/authz/permissions";
import { siteScope, tenantRequestScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { now as presentMoment } from "@/lib/time/now";
import type { ZMatchTenantRequestSchema } from "./schemas";
import { openWorkOrder } from "./submit-tenant-request";

// Staff match a request from the organisation's form to one of its sites: its work order
// is made then, on that site. A request already matched is not matched again.
export async function matchTenantRequest(
  actor: TStaffActor,
  input: z.infer<typeof ZMatchTenantRequestSchema>,
  now = presentMoment(),
) {
  assertStaffCan(actor, "tenantRequest.triage");
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "TenantRequest" WHERE id = ${input.tenantRequestId} FOR UPDATE`;
    const request = locked
      ? await tx.tenantRequest.findFirst({ where: { ...tenantRequestScope(actor), id: locked.id } })
      : null;
    if (!request) throw notFound("Request");
    if (request.state !== "UNMATCHED")
      throw new AppError("INVALID_TRANSITION", "This request is already matched or was cancelled.");
    const site = await tx.site.findFirst({ where: { ...siteScope(actor), id: input.siteId }, select: { id: true } });
    if (!site) throw invalidInput("Please correct the highlighted fields.", { siteId: ["Choose one of your sites"] });
    await tx.tenantRequest.update({ where: { id: request.id }, data: { siteId: site.id } });
    const workOrderId = await openWorkOrder(tx, request.id, now);
    return { workOrderId: workOrderId! };
  });
}

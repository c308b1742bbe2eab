import "server-only";
import type { z } from "zod";
import type { TTenantActor } from "@/lib/auth/actor";
import { tenantRequestScope } from "@/lib/authz/scopes";
import { contractorOfficeEmails } from "@/lib/contractors/office-recipients";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { formatTimeWindow } from "@/lib/time/zones";
import type { ZChangeAvailabilitySchema } from "./schemas";
import { lockLiveTask } from "./live-task";
import { insideWindows, windowInstants } from "./window-instants";

// The tenant's new times replace the current ones (kept as history). The contractor's
// office is told at once; a booked visit outside the new times waits for the tenant's
// confirmation again (the contractor books another time, or the tenant confirms it).
export async function changeAvailability(
  actor: TTenantActor,
  input: z.infer<typeof ZChangeAvailabilitySchema>,
  now = presentMoment(),
) {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "TenantRequest" WHERE id = ${actor.tenantRequestId} AND "organisationId" = ${actor.organisationId} FOR UPDATE`;
    const request = locked
      ? await tx.tenantRequest.findFirst({
          where: tenantRequestScope(actor),
          include: { contact: { select: { name: true } }, organisation: { select: { name: true } }, workOrder: true },
        })
      : null;
    if (!request) throw notFound("Request");
    if (request.state === "CANCELLED") throw new AppError("INVALID_TRANSITION", "This request was cancelled.");
    const windows = windowInstants(input.windows, request.timezone, now);
    await tx.availabilityWindow.updateMany({
      where: { tenantRequestId: request.id, supersededAt: null },
      data: { supersededAt: now },
    });
    await tx.availabilityWindow.createMany({ data: windows.map((w) => ({ ...w, tenantRequestId: request.id })) });
    await tx.tenantRequest.update({ where: { id: request.id }, data: { availabilityChangedAt: now } });
    const texts = windows.map((w) => formatTimeWindow(w.startsAt, w.endsAt, request.timezone));
    if (!request.workOrderId) return { bookedOutside: false };
    await recordEvent(tx, {
      organisationId: request.organisationId,
      workOrderId: request.workOrderId,
      actor: { userId: null, label: `${request.contact.name} (tenant)` },
      type: "tenant.availability_changed",
      data: { windows: texts },
    });
    const { task, visit } = await lockLiveTask(tx, request.id);
    if (!task || task.status === "OFFERED") return { bookedOutside: false };
    const outside = visit && visit.startsAt > now && !insideWindows(visit, windows) ? visit : null;
    if (outside) await tx.visit.update({ where: { id: outside.id }, data: { tenantConfirmed: false } });
    for (const to of await contractorOfficeEmails(tx, task.contractorCompanyId))
      await enqueueEmail(tx, {
        to,
        organisationId: request.organisationId,
        template: "tenant-availability-changed",
        data: {
          clientName: request.organisation.name,
          title: `#${request.workOrder!.number} ${request.workOrder!.title}`,
          windows: texts,
          bookedOutside: outside ? formatTimeWindow(outside.startsAt, outside.endsAt, outside.timezone) : null,
          url: `${env.APP_URL}/desk/tasks/${task.id}`,
        },
      });
    return { bookedOutside: Boolean(outside) };
  });
}

import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import { assertLinkCan } from "@/lib/authz/permissions";
import { assignmentScope, workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { countedLinesWhere } from "@/lib/estimates/counted-lines";
import { toDecimal } from "@/lib/money/decimal";
import { getPortalWorkOrder } from "./get-portal-work-order";

// Progress as a customer reads it: the estimated hours (the counted lines in hours, unit
// HUR) against the labour time recorded on the work, in total and per line where a time
// entry names its line, with the task's status and next visit. Never a price or a rate.
export async function getPortalProgress(actor: TLinkActor) {
  assertLinkCan(actor, "progress.read");
  const base = await getPortalWorkOrder(actor);
  const organisation = await db.organisation.findFirst({
    where: { id: actor.organisationId, workOrders: { some: workOrderScope(actor) } },
    select: { requireCustomerApproval: true },
  });
  if (!organisation) throw notFound("Work order");
  const [lines, entries] = await Promise.all([
    db.estimateLine.findMany({
      where: {
        workOrderId: actor.workOrderId,
        organisationId: actor.organisationId,
        ...countedLinesWhere(organisation),
      },
      orderBy: { position: "asc" },
      select: { id: true, lineKey: true, description: true, quantity: true, unitCode: true },
    }),
    db.timeEntry.findMany({
      where: { assignment: assignmentScope(actor) },
      select: { minutes: true, estimateLine: { select: { lineKey: true } } },
    }),
  ]);
  const hourLines = lines.filter((line) => line.unitCode === "HUR");
  const recordedFor = (lineKey: string) =>
    entries.filter((entry) => entry.estimateLine?.lineKey === lineKey).reduce((sum, entry) => sum + entry.minutes, 0);
  const perLine = hourLines.map((line) => ({
    id: line.id,
    description: line.description,
    estimatedMinutes: toDecimal(line.quantity).times(60).round().toNumber(),
    recordedMinutes: recordedFor(line.lineKey),
  }));
  const estimatedMinutes = perLine.reduce((sum, line) => sum + line.estimatedMinutes, 0);
  const recordedMinutes = entries.reduce((sum, entry) => sum + entry.minutes, 0);
  const unassignedMinutes =
    recordedMinutes -
    entries
      .filter((entry) => hourLines.some((l) => l.lineKey === entry.estimateLine?.lineKey))
      .reduce((sum, entry) => sum + entry.minutes, 0);
  return { ...base, hours: { estimatedMinutes, recordedMinutes, perLine, unassignedMinutes } };
}
export type TPortalProgress = Awaited<ReturnType<typeof getPortalProgress>>;

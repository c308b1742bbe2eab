import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import { assertLinkCan } from "@/lib/authz/permissions";
import { assignmentScope, workOrderScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isCounted } from "@/lib/estimates/counted-lines";
import { toDecimal } from "@/lib/money/decimal";

// Progress as a customer reads it: the estimated hours (the counted lines in hours, unit
// HUR) against the labour time recorded on the work, in total and per line where a time
// entry names its line, with the task's status and next visit. Never a price or a rate.
export async function getPortalProgress(actor: TLinkActor) {
  assertLinkCan(actor, "progress.read");
  const [organisation, lines, entries] = await Promise.all([
    db.organisation.findFirst({
      where: { id: actor.organisationId, workOrders: { some: workOrderScope(actor) } },
      select: { requireCustomerApproval: true },
    }),
    db.estimateLine.findMany({
      where: { workOrderId: actor.workOrderId, organisationId: actor.organisationId, unitCode: "HUR" },
      orderBy: { position: "asc" },
      select: {
        id: true,
        lineKey: true,
        description: true,
        quantity: true,
        approvedAt: true,
        supersededAt: true,
        decision: true,
      },
    }),
    db.timeEntry.findMany({
      where: { assignment: assignmentScope(actor) },
      select: { minutes: true, estimateLine: { select: { lineKey: true } } },
    }),
  ]);
  if (!organisation) throw notFound("Work order");
  const hourLines = lines.filter((line) => isCounted(line, organisation));
  const minutesOn = (keys: string[]) =>
    entries
      .filter((entry) => entry.estimateLine && keys.includes(entry.estimateLine.lineKey))
      .reduce((sum, entry) => sum + entry.minutes, 0);
  const perLine = hourLines.map((line) => ({
    id: line.id,
    description: line.description,
    estimatedMinutes: toDecimal(line.quantity).times(60).round().toNumber(),
    recordedMinutes: minutesOn([line.lineKey]),
  }));
  const recordedMinutes = entries.reduce((sum, entry) => sum + entry.minutes, 0);
  return {
    hours: {
      estimatedMinutes: perLine.reduce((sum, line) => sum + line.estimatedMinutes, 0),
      recordedMinutes,
      perLine,
      unassignedMinutes: recordedMinutes - minutesOn(hourLines.map((line) => line.lineKey)),
    },
  };
}
export type TPortalProgress = Awaited<ReturnType<typeof getPortalProgress>>;

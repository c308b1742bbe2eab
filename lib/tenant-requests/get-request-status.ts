import "server-only";
import type { TTenantActor } from "@/lib/auth/actor";
import { tenantRequestScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { formatTimeWindow } from "@/lib/time/zones";
import { requestReference } from "./reference";

export type TRequestStatus = {
  reference: string;
  organisationName: string;
  emergencyPhone: string | null;
  emergency: boolean;
  stage: string;
  explanation: string;
  cancelled: boolean;
  closed: boolean;
  description: string;
  place: string;
  zone: string;
  windows: { text: string; startsAt: string; endsAt: string }[];
  contractorName: string | null;
  visit: { id: string; when: string; status: "PROPOSED" | "BOOKED"; needsConfirmation: boolean } | null;
};

const DONE = ["PERFORMED", "COMPLETED", "REVIEWED", "INVOICED"];

// Where the tenant's request stands, in their words: who will come and when, and what
// the tenant may do about it. The contractor is named once it has accepted the work.
export async function getRequestStatus(actor: TTenantActor): Promise<TRequestStatus> {
  const request = await db.tenantRequest.findFirst({
    where: tenantRequestScope(actor),
    select: {
      id: true,
      state: true,
      emergency: true,
      description: true,
      unit: true,
      typedAddress: true,
      timezone: true,
      organisation: { select: { name: true, emergencyPhone: true } },
      site: { select: { name: true, addressLine1: true, city: true, postcode: true } },
      windows: {
        where: { supersededAt: null },
        orderBy: { startsAt: "asc" },
        select: { startsAt: true, endsAt: true },
      },
      workOrder: {
        select: {
          status: true,
          assignments: {
            where: { status: { notIn: ["DECLINED", "CANCELLED"] } },
            orderBy: { createdAt: "desc" },
            take: 1,
            select: {
              status: true,
              contractorCompany: { select: { name: true } },
              visits: {
                where: { status: { in: ["BOOKED", "PROPOSED"] } },
                orderBy: { createdAt: "desc" },
                take: 1,
                select: { id: true, startsAt: true, endsAt: true, status: true, tenantConfirmed: true, timezone: true },
              },
            },
          },
        },
      },
    },
  });
  if (!request) throw notFound("Request");
  const zone = request.timezone;
  const task = request.workOrder?.assignments[0] ?? null;
  const accepted = task && task.status !== "OFFERED";
  const live = task?.visits[0] ?? null;
  const visit = live
    ? {
        id: live.id,
        when: formatTimeWindow(live.startsAt, live.endsAt, live.timezone),
        status: live.status as "PROPOSED" | "BOOKED",
        needsConfirmation: live.status === "PROPOSED" || !live.tenantConfirmed,
      }
    : null;
  const cancelled = request.state === "CANCELLED" || request.workOrder?.status === "CANCELLED";
  const closed = cancelled || Boolean(task && DONE.includes(task.status));
  const [stage, explanation] = cancelled
    ? ["Cancelled", "This request is closed. Send a new one if you still need the work done."]
    : task && DONE.includes(task.status)
      ? ["Work done", `${task.contractorCompany.name} has finished the work.`]
      : task?.status === "IN_PROGRESS"
        ? ["Work under way", `${task.contractorCompany.name} is on site.`]
        : visit?.status === "BOOKED" && !visit.needsConfirmation
          ? ["Visit booked", `${task!.contractorCompany.name} will visit ${visit.when}.`]
          : visit
            ? [
                "Please confirm the visit",
                `${task!.contractorCompany.name} proposes ${visit.when}. Confirm it, or give other times.`,
              ]
            : accepted
              ? ["Contractor found", `${task!.contractorCompany.name} will book a visit within the times you gave.`]
              : request.state === "UNMATCHED"
                ? ["Received", `${request.organisation.name} is reviewing your request.`]
                : ["Received", `${request.organisation.name} is finding a contractor.`];
  const site = request.site;
  return {
    reference: requestReference(request.id),
    organisationName: request.organisation.name,
    emergencyPhone: request.organisation.emergencyPhone,
    emergency: request.emergency,
    stage,
    explanation,
    cancelled,
    closed,
    description: request.description,
    place: [
      site ? `${site.name}, ${site.addressLine1}, ${site.city} ${site.postcode}` : request.typedAddress,
      request.unit,
    ]
      .filter(Boolean)
      .join(", "),
    zone,
    windows: request.windows.map((w) => ({
      text: formatTimeWindow(w.startsAt, w.endsAt, zone),
      startsAt: w.startsAt.toISOString(),
      endsAt: w.endsAt.toISOString(),
    })),
    contractorName: accepted ? task!.contractorCompany.name : null,
    visit,
  };
}

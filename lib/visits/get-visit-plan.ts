import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { requestReference } from "@/lib/tenant-requests/reference";
import { formatMoment, formatTimeWindow } from "@/lib/time/zones";

export type TVisitPlan = {
  tenant: {
    name: string;
    reference: string;
    windows: string[];
    changedAt: string | null;
    permissionToEnter: boolean;
    accessNotes: string | null;
  } | null;
  visits: {
    id: string;
    when: string;
    status: "PROPOSED" | "BOOKED" | "CANCELLED";
    awaitingTenant: boolean;
    sequence: number;
    reminders: {
      kind: string;
      channel: string;
      recipient: string;
      role: string;
      due: string;
      state: string;
      note: string | null;
    }[];
  }[];
};

// A task's visits as its office (or the client's staff) follow them: the tenant's times
// when a tenant asked for the work, each visit with where it stands, and its reminders
// (each person and channel, when due, and whether it went).
export async function getVisitPlan(actor: TDeskActor | TStaffActor, assignmentId: string): Promise<TVisitPlan | null> {
  const task = await db.assignment.findFirst({
    where: { ...assignmentScope(actor, "task.read"), id: assignmentId },
    select: {
      organisation: { select: { timezone: true } },
      workOrder: {
        select: {
          site: { select: { timezone: true } },
          tenantRequest: {
            select: {
              id: true,
              state: true,
              timezone: true,
              permissionToEnter: true,
              accessNotes: true,
              availabilityChangedAt: true,
              contact: { select: { name: true } },
              windows: {
                where: { supersededAt: null },
                orderBy: { startsAt: "asc" },
                select: { startsAt: true, endsAt: true },
              },
            },
          },
        },
      },
      visits: {
        orderBy: { createdAt: "desc" },
        take: 10,
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          timezone: true,
          status: true,
          tenantConfirmed: true,
          sequence: true,
          reminders: {
            orderBy: [{ dueAt: "asc" }, { recipientRole: "asc" }, { channel: "asc" }],
            take: 60,
            select: {
              kind: true,
              channel: true,
              recipient: true,
              recipientName: true,
              recipientRole: true,
              dueAt: true,
              state: true,
              note: true,
              visitSequence: true,
            },
          },
        },
      },
    },
  });
  if (!task) return null;
  const zone = task.workOrder.site.timezone ?? task.organisation.timezone;
  const request = task.workOrder.tenantRequest;
  return {
    tenant: request
      ? {
          name: request.contact.name,
          reference: requestReference(request.id),
          windows: request.windows.map((w) => formatTimeWindow(w.startsAt, w.endsAt, request.timezone)),
          changedAt: request.availabilityChangedAt ? formatMoment(request.availabilityChangedAt, zone) : null,
          permissionToEnter: request.permissionToEnter,
          accessNotes: request.accessNotes,
        }
      : null,
    visits: task.visits.map((v) => ({
      id: v.id,
      when: formatTimeWindow(v.startsAt, v.endsAt, v.timezone),
      status: v.status,
      awaitingTenant: v.status === "PROPOSED" || (v.status === "BOOKED" && !v.tenantConfirmed),
      sequence: v.sequence,
      reminders: v.reminders.map((r) => ({
        kind: r.kind === "DAY_BEFORE" ? "Day before" : "Morning of",
        channel: r.channel === "EMAIL" ? "Email" : "Text",
        recipient: `${r.recipientName} (${r.recipientRole.toLowerCase()})`,
        role: r.recipientRole,
        due: formatMoment(r.dueAt, v.timezone),
        state: r.state,
        note: r.note,
      })),
    })),
  };
}

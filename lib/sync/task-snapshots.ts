import "server-only";
import type { TTechActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { chooseDeviceTasks } from "./choose-device-tasks";
import type { TDeviceTasks, TTenantSnapshot } from "./contract";
import { MONEY_EVENT_TYPES } from "@/lib/timeline/money-event-types";
import { describeForTechnician } from "./task-history";

const iso = (date: Date | null) => (date ? date.toISOString() : null);
// The latest messages of a task's thread a phone keeps.
const MESSAGES_ON_PHONE = 20;

// Everything a technician's device keeps for offline work: the tasks assigned to them
// (as many as the phone may hold, most urgent first: choose-device-tasks.ts) with their
// service tasks, defects, the client's documents (metadata; the device fetches the bytes)
// and a short history.
export async function listTaskSnapshots(
  actor: TTechActor,
  options: { limit?: number; now?: Date } = {},
): Promise<TDeviceTasks> {
  const choice = await chooseDeviceTasks(actor, options.limit ?? env.TECH_DEVICE_TASKS, options.now ?? new Date());
  const found = await db.assignment.findMany({
    where: { ...assignmentScope(actor), id: { in: choice.ids } },
    include: {
      organisation: { select: { name: true, timezone: true } },
      contractorCompany: { select: { techniciansSeeMessages: true } },
      messages: {
        orderBy: { createdAt: "desc" },
        take: MESSAGES_ON_PHONE,
        select: {
          id: true,
          body: true,
          createdAt: true,
          organisationId: true,
          author: { select: { name: true, memberships: { select: { organisationId: true } } } },
        },
      },
      workOrder: {
        include: {
          site: true,
          asset: { select: { name: true, serialNumber: true } },
          serviceTasks: { orderBy: { position: "asc" } },
          tenantRequest: {
            select: {
              state: true,
              unit: true,
              permissionToEnter: true,
              accessNotes: true,
              contact: { select: { name: true, mobile: true } },
              windows: {
                where: { supersededAt: null },
                orderBy: { startsAt: "asc" },
                select: { startsAt: true, endsAt: true },
              },
            },
          },
          // The client's documents, and the photos a tenant sent with their request.
          attachments: {
            where: { OR: [{ kind: "CLIENT_DOCUMENT" }, { kind: "PHOTO", tenantRequestId: { not: null } }] },
            orderBy: { createdAt: "asc" },
            select: { id: true, filename: true, contentType: true, sizeBytes: true, tenantRequestId: true },
          },
        },
      },
      defects: { orderBy: { createdAt: "asc" } },
      visits: {
        where: { status: { in: ["BOOKED", "PROPOSED"] } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { startsAt: true, endsAt: true, status: true, tenantConfirmed: true },
      },
      timeEntries: {
        where: { personId: { in: actor.personIds } },
        orderBy: [{ startedAt: "asc" }, { createdAt: "asc" }],
        select: { id: true, startedAt: true, minutes: true, labourType: true, note: true },
      },
      timeline: {
        where: { type: { notIn: MONEY_EVENT_TYPES } },
        orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
        take: 20,
      },
    },
  });
  const position = new Map(choice.ids.map((id, i) => [id, i]));
  const tasks = found.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const photoCounts = await countPhotos(tasks.map((t) => t.id));
  return {
    openTasksLeftOut: choice.openLeftOut,
    tasks: tasks.map((task) => {
      const { workOrder } = task;
      const site = workOrder.site;
      const seesMessages = task.contractorCompany.techniciansSeeMessages;
      return {
        id: task.id,
        status: task.status,
        version: task.version,
        clientName: task.organisation.name,
        number: workOrder.number,
        title: workOrder.title,
        description: workOrder.description,
        priority: workOrder.priority,
        dueAt: iso(workOrder.dueAt),
        plannedAt: iso(task.plannedAt),
        scheduledAt: iso(task.scheduledAt),
        checkedInAt: iso(task.checkedInAt),
        performedAt: iso(task.performedAt),
        revisitReason: task.revisitReason,
        performedNotes: task.performedNotes,
        site: {
          name: site.name,
          address: [site.addressLine1, site.addressLine2, site.city, site.postcode].filter(Boolean).join(", "),
          accessDetails: site.accessDetails,
          contactName: site.contactName,
          contactPhone: site.contactPhone,
          timeZone: site.timezone ?? task.organisation.timezone,
        },
        asset: workOrder.asset,
        serviceTasks: workOrder.serviceTasks
          .filter((s) => s.assignmentId === null || s.assignmentId === task.id)
          .map((s) => ({
            id: s.id,
            position: s.position,
            title: s.title,
            kind: s.kind,
            unit: s.unit,
            minValue: s.minValue,
            maxValue: s.maxValue,
            photoRequired: s.photoRequired,
            result: s.result,
            reading: s.reading,
            answer: s.answer,
            photoCount: photoCounts.get(`${task.id}:${s.id}`) ?? 0,
          })),
        defects: task.defects.map((d) => ({
          id: d.id,
          severity: d.severity,
          description: d.description,
          createdAt: d.createdAt.toISOString(),
          photoCount: photoCounts.get(`${task.id}:${d.id}`) ?? 0,
        })),
        documents: workOrder.attachments.map(({ tenantRequestId, ...doc }) => ({
          ...doc,
          fromTenant: tenantRequestId !== null,
        })),
        timeEntries: task.timeEntries.map((entry) => ({ ...entry, startedAt: iso(entry.startedAt) })),
        history: task.timeline.map((event) => ({
          at: event.occurredAt.toISOString(),
          text: `${event.actorLabel} ${describeForTechnician(event, { seesMessages })}`,
        })),
        messages: seesMessages
          ? task.messages
              .map((message) => ({
                id: message.id,
                at: message.createdAt.toISOString(),
                author: message.author.name,
                fromClient: message.author.memberships.some((m) => m.organisationId === message.organisationId),
                body: message.body,
              }))
              .reverse()
          : [],
        tenant: tenantOf(workOrder.tenantRequest),
        visit: task.visits[0]
          ? {
              startsAt: task.visits[0].startsAt.toISOString(),
              endsAt: task.visits[0].endsAt.toISOString(),
              awaitingTenant: task.visits[0].status === "PROPOSED" || !task.visits[0].tenantConfirmed,
            }
          : null,
      };
    }),
  };
}

type TTenantRequestRow = {
  state: string;
  unit: string | null;
  permissionToEnter: boolean;
  accessNotes: string | null;
  contact: { name: string; mobile: string | null };
  windows: { startsAt: Date; endsAt: Date }[];
};

// A cancelled request leaves nothing to arrange with the tenant.
function tenantOf(request: TTenantRequestRow | null): TTenantSnapshot | null {
  if (!request || request.state !== "OPEN") return null;
  return {
    name: request.contact.name,
    mobile: request.contact.mobile,
    unit: request.unit,
    permissionToEnter: request.permissionToEnter,
    accessNotes: request.accessNotes,
    windows: request.windows.map((w) => ({ startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })),
  };
}

async function countPhotos(taskIds: string[]): Promise<Map<string, number>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db.attachment.groupBy({
    by: ["assignmentId", "serviceTaskId", "defectId"],
    where: { assignmentId: { in: taskIds }, kind: "PHOTO" },
    _count: { _all: true },
  });
  const counts = new Map<string, number>();
  for (const row of rows) {
    const target = row.serviceTaskId ?? row.defectId;
    if (target) counts.set(`${row.assignmentId}:${target}`, row._count._all);
  }
  return counts;
}

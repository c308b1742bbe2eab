import "server-only";
import type { TDeskActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";

// The Desk dashboard: every task offered to the person's companies, across clients.
export async function listDeskTasks(actor: TDeskActor, options: { take?: number } = {}) {
  return db.assignment.findMany({
    where: assignmentScope(actor, "task.read"),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 200,
    select: {
      id: true,
      status: true,
      offeredAt: true,
      plannedAt: true,
      scheduledAt: true,
      organisation: { select: { name: true } },
      contractorCompany: { select: { name: true } },
      workOrder: { select: { number: true, title: true, priority: true, dueAt: true, site: { select: { name: true, city: true } } } },
      technicians: { select: { person: { select: { user: { select: { name: true } } } } } },
    },
  });
}

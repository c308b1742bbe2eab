import "server-only";
import type { TTechActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isId } from "@/lib/ids";

const TECH_TASK_SELECT = {
  id: true,
  status: true,
  plannedAt: true,
  scheduledAt: true,
  organisation: { select: { name: true } },
  workOrder: {
    select: {
      number: true,
      title: true,
      description: true,
      priority: true,
      dueAt: true,
      site: {
        select: {
          name: true,
          addressLine1: true,
          addressLine2: true,
          city: true,
          postcode: true,
          accessDetails: true,
          contactName: true,
          contactPhone: true,
        },
      },
    },
  },
} as const;

export async function getTechnicianTask(actor: TTechActor, assignmentId: string) {
  if (!isId(assignmentId)) throw notFound("Task");
  const task = await db.assignment.findFirst({
    where: { ...assignmentScope(actor), id: assignmentId },
    select: TECH_TASK_SELECT,
  });
  if (!task) throw notFound("Task");
  return task;
}

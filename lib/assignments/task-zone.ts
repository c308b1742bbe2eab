import "server-only";
import type { TTx } from "@/lib/db";
import { db } from "@/lib/db";
import type { TLocalDateTime } from "@/lib/time/calendar";
import { instantIn, type TOccurrence } from "@/lib/time/local-time";

// A task's times belong to its site: the site's time zone, else its organisation's.
export async function taskTimeZone(assignmentId: string, client: TTx | typeof db = db): Promise<string> {
  const task = await client.assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: {
      organisation: { select: { timezone: true } },
      workOrder: { select: { site: { select: { timezone: true } } } },
    },
  });
  return task.workOrder.site.timezone ?? task.organisation.timezone;
}

// An exact instant (from code) stays as it is; a wall clock from a form is read in the zone.
export function taskInstant(
  value: Date | TLocalDateTime,
  zone: string,
  occurrence: TOccurrence | undefined,
  field: string,
): Date {
  return value instanceof Date ? value : instantIn(value, zone, occurrence, field);
}

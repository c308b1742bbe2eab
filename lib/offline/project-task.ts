import { canTransition, transition, type TTaskEvent } from "@/lib/assignments/status-machine";
import type { TMutation, TTaskSnapshot } from "@/lib/sync/contract";

// What the technician sees: the server's snapshot with their own changes laid on top,
// so every action shows at once, online or not. Also used to fold an accepted change
// into the stored snapshot until the next download replaces it.
export function projectTask<T extends TTaskSnapshot>(snapshot: T, mutations: TMutation[]): T {
  return mutations.reduce<T>((task, mutation) => applyLocally(task, mutation), snapshot);
}

function applyLocally<T extends TTaskSnapshot>(task: T, mutation: TMutation): T {
  switch (mutation.type) {
    case "check_in":
      return { ...task, status: movedBy(task, "checkIn"), checkedInAt: task.checkedInAt ?? mutation.deviceAt };
    case "locate_check_in":
      return task;
    case "record_result":
      return {
        ...task,
        serviceTasks: task.serviceTasks.map((s) =>
          s.id === mutation.serviceTaskId ? { ...s, ...withoutUndefined(mutation.changes) } : s,
        ),
      };
    case "report_defect":
      if (task.defects.some((d) => d.id === mutation.defectId)) return task;
      return {
        ...task,
        defects: [
          ...task.defects,
          {
            id: mutation.defectId,
            severity: mutation.severity,
            description: mutation.description,
            createdAt: mutation.deviceAt,
            photoCount: 0,
          },
        ],
      };
    case "request_revisit":
      return canTransition(task.status, "requestRevisit", "tech")
        ? { ...task, status: movedBy(task, "requestRevisit"), revisitReason: mutation.reason }
        : task;
    case "record_time":
      // A phone may hold a task stored before time was recorded on it.
      if ((task.timeEntries ?? []).some((entry) => entry.id === mutation.timeEntryId)) return task;
      return {
        ...task,
        timeEntries: [
          ...(task.timeEntries ?? []),
          {
            id: mutation.timeEntryId,
            startedAt: mutation.startedAt,
            minutes: mutation.minutes,
            labourType: mutation.labourType,
            note: mutation.note || null,
          },
        ],
      };
    case "perform":
      return canTransition(task.status, "perform", "tech")
        ? {
            ...task,
            status: movedBy(task, "perform"),
            performedAt: mutation.deviceAt,
            performedNotes: mutation.notes || null,
          }
        : task;
  }
}

// The server's own state machine: the phone shows the move the server will make.
const movedBy = (task: TTaskSnapshot, event: TTaskEvent) =>
  canTransition(task.status, event, "tech") ? transition(task.status, event, "tech") : task.status;

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

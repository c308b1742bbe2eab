import type { OfflineDatabase } from "@/lib/offline/database";
import { db } from "@/lib/db";
import type { TMutation, TMutationResult } from "@/lib/sync/contract";

// What one schedule must leave behind once the network is healthy and the app has gone
// quiet. Each broken promise becomes one line of the failure report.
export type TEnqueued = { mutation: TMutation; mayBeRejected: boolean; mustBeRejected: boolean; signatures: number };

// otherMutations: changes a colleague's phone made on the same tasks.
export async function checkSchedule({
  deviceId,
  taskIds,
  enqueued,
  local,
  otherMutations,
}: {
  deviceId: string;
  taskIds: string[];
  enqueued: TEnqueued[];
  local: OfflineDatabase;
  otherMutations: Set<string>;
}): Promise<string[]> {
  const failures: string[] = [];
  const [rows, events, serviceTasks, checkIns, locatedCheckIns, defects, signatures, timeEntries, outbox] =
    await Promise.all([
      db.syncMutation.findMany({ where: { deviceId } }),
      db.timelineEvent.findMany({
        where: { assignmentId: { in: taskIds } },
        select: { type: true, data: true, workOrderId: true },
      }),
      db.serviceTask.findMany({ where: { workOrder: { assignments: { some: { id: { in: taskIds } } } } } }),
      db.checkIn.count({ where: { assignmentId: { in: taskIds } } }),
      db.checkIn.count({ where: { assignmentId: { in: taskIds }, latitude: { not: null } } }),
      db.defect.count({ where: { assignmentId: { in: taskIds } } }),
      db.signature.count({ where: { assignmentId: { in: taskIds } } }),
      db.timeEntry.findMany({ where: { assignmentId: { in: taskIds } }, select: { id: true } }),
      local.outbox.toArray(),
    ]);
  const rowOf = new Map(rows.map((row) => [row.mutationId, row]));
  const eventsOf = new Map<string, string[]>();
  for (const event of events) {
    const mutationId = (event.data as { mutationId?: unknown } | null)?.mutationId;
    if (typeof mutationId === "string") eventsOf.set(mutationId, [...(eventsOf.get(mutationId) ?? []), event.type]);
  }
  const known = new Set(enqueued.map((e) => e.mutation.mutationId));
  const name = (m: TMutation) => `${m.type} seq ${m.seq} of task ${m.taskId} (${m.mutationId})`;
  const applied = { check_in: 0, report_defect: 0, signatures: 0, located: 0, record_time: new Set<string>() };
  const appliedIds = new Set(
    enqueued
      .filter((e) => (rowOf.get(e.mutation.mutationId)?.result as TMutationResult | undefined)?.outcome === "applied")
      .map((e) => e.mutation.mutationId),
  );

  // Zero lost: every mutation recorded exactly once (the primary key allows no more),
  // as what it is, with a final answer.
  for (const { mutation, mayBeRejected, mustBeRejected, signatures: signed } of enqueued) {
    const row = rowOf.get(mutation.mutationId);
    if (!row) {
      failures.push(`lost: ${name(mutation)} has no SyncMutation row`);
      continue;
    }
    if (row.assignmentId !== mutation.taskId || row.seq !== mutation.seq || row.type !== mutation.type)
      failures.push(`${name(mutation)} recorded as ${row.type} seq ${row.seq} of task ${row.assignmentId}`);
    const result = row.result as TMutationResult;
    if (result.mutationId !== mutation.mutationId)
      failures.push(`${name(mutation)} recorded with the answer of ${result.mutationId}`);
    if (!["applied", "conflict", "rejected"].includes(result.outcome))
      failures.push(`${name(mutation)} recorded with outcome ${result.outcome}`);
    if (result.outcome === "rejected" && !mayBeRejected && !mustBeRejected)
      failures.push(`${name(mutation)} was refused, which it should never be: ${result.message}`);
    if (mustBeRejected && result.outcome !== "rejected")
      failures.push(`${name(mutation)} carries the unusable time ${mutation.deviceAt} but was ${result.outcome}`);
    if (mustBeRejected && result.outcome === "rejected" && !/date/i.test(result.message))
      failures.push(`${name(mutation)} was refused without saying why its time is unusable: ${result.message}`);

    // Zero duplicated: an applied or kept-for-the-office change leaves one timeline
    // event naming it; a refused one leaves none.
    const recorded = eventsOf.get(mutation.mutationId) ?? [];
    const expected = result.outcome === "rejected" ? 0 : 1;
    if (recorded.length !== expected)
      failures.push(
        `${name(mutation)} (${result.outcome}) has ${recorded.length} timeline events naming it, expected ${expected}: ${recorded.join(", ") || "none"}`,
      );
    if (result.outcome === "applied" && (mutation.type === "check_in" || mutation.type === "report_defect"))
      applied[mutation.type]++;
    if (result.outcome === "applied" && mutation.type === "perform") applied.signatures += signed;
    if (result.outcome === "applied" && mutation.type === "record_time") applied.record_time.add(mutation.timeEntryId);
    // A position reaches the check-in it belongs to, whether found at the tap or later.
    if (result.outcome === "applied" && mutation.type === "check_in" && mutation.location) applied.located++;
    if (result.outcome === "applied" && mutation.type === "locate_check_in" && appliedIds.has(mutation.checkInId))
      applied.located++;

    // The device agrees with the server: applied changes left the outbox, the others stay
    // with the server's answer for the technician to see.
    const entry = outbox.find((e) => e.mutationId === mutation.mutationId);
    if (result.outcome === "applied" && entry)
      failures.push(`${name(mutation)} was applied but is still in the outbox as ${entry.state}`);
    if (result.outcome !== "applied" && (entry?.state !== result.outcome || entry.result?.outcome !== result.outcome)) {
      failures.push(
        `${name(mutation)} is ${result.outcome} on the server but ${entry ? entry.state : "gone"} on the device`,
      );
    }
  }
  for (const row of rows)
    if (!known.has(row.mutationId)) failures.push(`SyncMutation ${row.mutationId} was never made by this device`);
  for (const mutationId of eventsOf.keys())
    if (!known.has(mutationId) && !otherMutations.has(mutationId))
      failures.push(`a timeline event names ${mutationId}, which this device never made`);
  if (checkIns !== applied.check_in)
    failures.push(`${checkIns} CheckIn rows for ${applied.check_in} applied check-ins`);
  if (locatedCheckIns !== applied.located)
    failures.push(
      `${locatedCheckIns} located CheckIn rows for ${applied.located} positions sent for applied check-ins`,
    );
  if (defects !== applied.report_defect)
    failures.push(`${defects} Defect rows for ${applied.report_defect} applied defect reports`);
  // Each applied time entry is one row, with the device's id; no other row exists.
  const entryIds = new Set(timeEntries.map((entry) => entry.id));
  if (timeEntries.length !== applied.record_time.size || [...applied.record_time].some((id) => !entryIds.has(id)))
    failures.push(
      `${timeEntries.length} TimeEntry rows for ${applied.record_time.size} applied time entries, ${[...applied.record_time].filter((id) => entryIds.has(id)).length} of them under the device's id`,
    );
  if (signatures !== applied.signatures)
    failures.push(`${signatures} Signature rows for ${applied.signatures} signatures on applied performs`);

  failures.push(...valuesOnRecord(events, serviceTasks, enqueued, rowOf));

  // Per-task order: seq 1..n with no gaps, applied in that order.
  for (const taskId of taskIds) {
    const made = enqueued.filter((e) => e.mutation.taskId === taskId).length;
    const ofTask = rows.filter((row) => row.assignmentId === taskId).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    const seqs = ofTask.map((row) => row.seq);
    if (seqs.length !== made || seqs.some((seq, i) => seq !== i + 1))
      failures.push(`task ${taskId}: recorded seqs [${seqs.join(",")}] for ${made} mutations`);
    for (let i = 1; i < ofTask.length; i++) {
      if (ofTask[i].appliedAt < ofTask[i - 1].appliedAt) {
        failures.push(
          `task ${taskId}: seq ${ofTask[i].seq} applied at ${ofTask[i].appliedAt.toISOString()}, before seq ${ofTask[i - 1].seq} at ${ofTask[i - 1].appliedAt.toISOString()}`,
        );
      }
    }
  }
  const pending = outbox.filter((e) => e.state === "pending");
  if (pending.length)
    failures.push(
      `the outbox still holds ${pending.length} pending: ${pending.map((e) => name(e.mutation)).join("; ")}`,
    );
  return failures;
}

type TEvent = { type: string; data: unknown; workOrderId: string };
type TRecorded = {
  mutationId: string;
  serviceTask: string;
  values: Record<string, unknown>;
  replaced?: Record<string, unknown>;
  notApplied?: Record<string, unknown>;
};

// With two technicians on a task, no value is ever lost off the record: every value a
// result wrote is either the one the server holds now or named as replaced by a later
// one (order aside, as multisets), and every value of this phone that a conflict kept
// out is on the timeline.
function valuesOnRecord(
  events: TEvent[],
  serviceTasks: { workOrderId: string; title: string; result: unknown; reading: unknown; answer: unknown }[],
  enqueued: TEnqueued[],
  rowOf: Map<string, { result: unknown }>,
): string[] {
  const failures: string[] = [];
  const recorded = events
    .filter((e) => e.type === "technician.result_recorded")
    .map((e) => ({ ...(e.data as TRecorded), workOrderId: e.workOrderId }));
  const key = (value: unknown) => JSON.stringify(value);
  for (const serviceTask of serviceTasks) {
    for (const field of ["result", "reading", "answer"] as const) {
      const ofField = recorded.filter(
        (r) => r.workOrderId === serviceTask.workOrderId && r.serviceTask === serviceTask.title && field in r.values,
      );
      const written = ofField
        .map((r) => r.values[field])
        .filter((v) => v !== null)
        .map(key);
      const replaced = ofField
        .map((r) => r.replaced?.[field])
        .filter((v) => v !== null && v !== undefined)
        .map(key);
      const current = serviceTask[field];
      const expected = [...written];
      if (current !== null) {
        const at = expected.indexOf(key(current));
        if (at === -1)
          failures.push(`${serviceTask.title} ${field} holds ${key(current)}, which no recorded change wrote`);
        else expected.splice(at, 1);
      }
      if (expected.sort().join() !== replaced.sort().join())
        failures.push(
          `${serviceTask.title} ${field}: values written [${written.join(", ")}], now ${key(current)}, but recorded as replaced [${replaced.join(", ")}]`,
        );
    }
  }
  for (const { mutation } of enqueued) {
    if (mutation.type !== "record_result") continue;
    const result = rowOf.get(mutation.mutationId)?.result as TMutationResult | undefined;
    if (result?.outcome !== "conflict" || !result.conflicts) continue;
    const event = recorded.find((r) => r.mutationId === mutation.mutationId);
    for (const conflict of result.conflicts) {
      if (key(event?.notApplied?.[conflict.field]) !== key(conflict.yours))
        failures.push(
          `${mutation.mutationId}: the phone's ${conflict.field} ${key(conflict.yours)} kept out by a conflict is not on the timeline`,
        );
    }
  }
  return failures;
}

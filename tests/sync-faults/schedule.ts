import {
  MAX_MUTATIONS_PER_REQUEST,
  type TDefectSeverity,
  type TLabourType,
  type TServiceTaskFields,
} from "@/lib/sync/contract";
import { createRandom, type TRandom } from "./random";

// A schedule is everything the seed decides before anything runs: the tasks, what the
// technician does on them, when the app syncs or is closed, and how hard the network
// misbehaves. Printed on failure; `--seed <n> --runs 1` plays the same schedule again.

export type TStartStatus = "ACCEPTED" | "SCHEDULED" | "IN_PROGRESS";

// The service tasks every schedule's work orders get (prisma/factories createServiceTasks):
// a pass/fail check, a reading, a text answer. Only the reading takes a reading; a
// reading sent for the others is refused, a legitimate "rejected".
export const SERVICE_TASK_KINDS = ["CHECK", "READING", "TEXT"] as const;

export type TAction =
  // located: found at the tap, found later (sent as its own change), or never.
  | { type: "check_in"; task: number; located: "at_tap" | "later" | "never" }
  | { type: "record_result"; task: number; serviceTask: number; changes: TServiceTaskFields; base: TServiceTaskFields }
  // defect: which of the schedule's defects; its id is made up when the schedule runs, so
  // playing a seed again never meets the ids of the first run.
  | { type: "report_defect"; task: number; defect: number; severity: TDefectSeverity; description: string }
  | { type: "request_revisit"; task: number; reason: string }
  | { type: "perform"; task: number; notes: string; clientSigned: boolean }
  // Time the technician spent, ending a minute before it is recorded.
  | { type: "record_time"; task: number; minutes: number; labourType: TLabourType };

export type TStep =
  // thenSync: what the app does after saving the action: nothing (offline), start a sync
  // without waiting for it, or wait for the sync. badClock: the phone's clock (or the
  // stored change) says a time the server cannot use, so the change must be refused alone
  // and the task's later changes still apply.
  | { kind: "act"; action: TAction; thenSync: "none" | "background" | "await"; badClock?: string }
  | { kind: "sync" }
  | { kind: "close_app" }
  | { kind: "office_cancels"; task: number }
  // A second technician on the task records a value from their own phone, online, over
  // whatever the server holds: the first phone's base values go stale, as on a real job.
  | { kind: "colleague_records"; task: number; serviceTask: number; changes: TServiceTaskFields };

// Chance, per request while the network misbehaves, of each fault.
export type TFaultRates = {
  dropBefore: number;
  dropAfter: number;
  duplicate: number;
  reorder: number;
  replayLater: number;
};

export type TSchedule = { seed: number; tasks: TStartStatus[]; faults: TFaultRates; steps: TStep[] };

const RATES = [0, 0.1, 0.25, 0.5] as const;
const SEVERITIES: TDefectSeverity[] = ["LOW", "MEDIUM", "HIGH", "CRITICAL"];
const RESULTS = ["PASS", "FAIL", "NOT_APPLICABLE", null] as const;
// Year 0, a negative year, a five-digit year, 31 February.
export const BAD_CLOCKS = [
  "0000-01-01T00:00:00.000Z",
  "-000001-06-01T00:00:00.000Z",
  "+020266-01-01T00:00:00.000Z",
  "2026-02-31T10:00:00.000Z",
] as const;

export function planSchedule(seed: number): TSchedule {
  const random = createRandom(seed);
  const tasks = Array.from({ length: random.int(1, 3) }, () =>
    random.pick<TStartStatus>(["SCHEDULED", "SCHEDULED", "ACCEPTED", "IN_PROGRESS"]),
  );
  const faults: TFaultRates = {
    dropBefore: random.pick(RATES),
    dropAfter: random.pick(RATES),
    duplicate: random.pick(RATES),
    reorder: random.pick(RATES),
    replayLater: random.pick(RATES),
  };
  const closeAppRate = random.pick([0, 0.05, 0.15]);
  // What the device believes each field holds, so base values are what it last saw.
  const seen = new Map<string, unknown>();
  const defects = { count: 0 };
  const steps: TStep[] = [];
  // Now and then a long day offline: more changes than one request carries.
  const offlineDay = random.chance(0.01);
  const actions = offlineDay
    ? random.int(MAX_MUTATIONS_PER_REQUEST + 1, MAX_MUTATIONS_PER_REQUEST + 30)
    : random.int(1, 12);
  for (let i = 0; i < actions; i++) {
    const action = planAction(random, tasks.length, seen, defects);
    const thenSync = offlineDay ? "none" : random.pick(["none", "none", "background", "background", "await"] as const);
    steps.push({
      kind: "act",
      action,
      thenSync,
      ...(random.chance(0.05) ? { badClock: random.pick(BAD_CLOCKS) } : {}),
    });
    if (offlineDay) continue;
    if (random.chance(0.1)) steps.push({ kind: "sync" });
    if (random.chance(closeAppRate)) steps.push({ kind: "close_app" });
  }
  if (offlineDay) steps.push(random.chance(closeAppRate) ? { kind: "close_app" } : { kind: "sync" });
  if (random.chance(0.1))
    steps.splice(random.int(0, steps.length), 0, { kind: "office_cancels", task: random.int(0, tasks.length - 1) });
  const colleagueChanges = random.chance(0.3) ? random.int(1, 3) : 0;
  for (let i = 0; i < colleagueChanges; i++) {
    const serviceTask = random.int(0, SERVICE_TASK_KINDS.length - 1);
    const kind = SERVICE_TASK_KINDS[serviceTask];
    const changes: TServiceTaskFields =
      kind === "READING"
        ? { reading: random.int(80, 120) / 10 }
        : kind === "TEXT"
          ? { answer: random.pick(["Colleague: all sound", "Colleague: TRV replaced"]) }
          : { result: random.pick(["PASS", "FAIL"] as const) };
    steps.splice(random.int(0, steps.length), 0, {
      kind: "colleague_records",
      task: random.int(0, tasks.length - 1),
      serviceTask,
      changes,
    });
  }
  return { seed, tasks, faults, steps };
}

function planAction(
  random: TRandom,
  taskCount: number,
  seen: Map<string, unknown>,
  defects: { count: number },
): TAction {
  const task = random.int(0, taskCount - 1);
  const roll = random.next();
  if (roll < 0.2) return { type: "check_in", task, located: random.pick(["at_tap", "later", "never"] as const) };
  if (roll < 0.55) {
    const serviceTask = random.int(0, SERVICE_TASK_KINDS.length - 1);
    const kind = SERVICE_TASK_KINDS[serviceTask];
    const changes: TServiceTaskFields = {};
    if (kind === "READING" || random.chance(0.1))
      changes.reading = random.chance(0.1) ? null : random.int(80, 120) / 10;
    if (kind !== "READING" || random.chance(0.3)) changes.result = random.pick(RESULTS);
    if (kind === "TEXT" && random.chance(0.7))
      changes.answer = random.pick(["Corroded joints", "Lagged", "All sound", null]);
    const base: TServiceTaskFields = {};
    for (const field of Object.keys(changes) as (keyof TServiceTaskFields)[]) {
      const key = `${task}:${serviceTask}:${field}`;
      // Now and then the device starts from a value that is no longer true.
      const stale: readonly unknown[] =
        field === "reading" ? [9.5, 10.5, null] : field === "answer" ? ["Lagged", null] : RESULTS;
      const believed = random.chance(0.15) ? random.pick(stale) : (seen.get(key) ?? null);
      Object.assign(base, { [field]: believed });
      seen.set(key, changes[field]);
    }
    return { type: "record_result", task, serviceTask, changes, base };
  }
  if (roll < 0.72) {
    // A defect id reused from an earlier report is refused by the server: legitimate.
    const defect = defects.count && random.chance(0.1) ? random.int(0, defects.count - 1) : defects.count++;
    return {
      type: "report_defect",
      task,
      defect,
      severity: random.pick(SEVERITIES),
      description: random.pick(["Loose cover", "Flue terminal cracked", "No earth bond"]),
    };
  }
  if (roll < 0.8)
    return {
      type: "record_time",
      task,
      minutes: random.int(1, 24 * 60),
      labourType: random.pick(["NORMAL", "OVERTIME", "CALLOUT", "TRAVEL"] as const),
    };
  if (roll < 0.88)
    return { type: "request_revisit", task, reason: random.pick(["Part on order", "No access", "Tenant away"]) };
  return {
    type: "perform",
    task,
    notes: random.pick(["Serviced", "", "Replaced seal"]),
    clientSigned: random.chance(0.5),
  };
}

// Which of a schedule's actions the server may refuse outright; any other refusal is a
// failure. A defect id reported twice is refused the second time it arrives, and across
// tasks either report may arrive first. (Changes with a bad clock must be refused.)
export function refusable(schedule: TSchedule): Set<TAction> {
  const actions = schedule.steps.flatMap((step) => (step.kind === "act" && !step.badClock ? [step.action] : []));
  const reports = new Map<number, number>();
  for (const action of actions)
    if (action.type === "report_defect") reports.set(action.defect, (reports.get(action.defect) ?? 0) + 1);
  return new Set(
    actions.filter((action) => {
      if (action.type === "record_result")
        return action.changes.reading !== undefined && SERVICE_TASK_KINDS[action.serviceTask] !== "READING";
      return action.type === "report_defect" && reports.get(action.defect)! > 1;
    }),
  );
}

export function describeSchedule(schedule: TSchedule): string {
  const lines = [
    `seed ${schedule.seed}: tasks ${schedule.tasks.map((status, i) => `#${i} ${status}`).join(", ")}`,
    `faults: ${Object.entries(schedule.faults)
      .map(([name, rate]) => `${name} ${rate}`)
      .join(", ")}`,
  ];
  schedule.steps.forEach((step, i) => lines.push(`  ${String(i + 1).padStart(2)}. ${describeStep(step)}`));
  return lines.join("\n");
}

function describeStep(step: TStep): string {
  switch (step.kind) {
    case "act": {
      const { type, task, ...rest } = step.action;
      return `task #${task} ${type} ${JSON.stringify(rest)}${step.badClock ? ` at the bad time ${step.badClock}` : ""}${step.thenSync === "none" ? "" : `, then sync (${step.thenSync})`}`;
    }
    case "sync":
      return "sync and wait";
    case "close_app":
      return "close the app during the next request, then reopen it";
    case "office_cancels":
      return `the office cancels task #${step.task}`;
    case "colleague_records":
      return `a colleague records service task ${step.serviceTask} of task #${step.task}: ${JSON.stringify(step.changes)}`;
  }
}

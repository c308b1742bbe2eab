import { randomUUID } from "node:crypto";
import Dexie from "dexie";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { loadStaffActor, loadTechActor, type TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { deviceIdOf, OfflineDatabase } from "@/lib/offline/database";
import { enqueueMutation, type TMutationBody } from "@/lib/offline/enqueue";
import { createSyncEngine, type TSyncReport } from "@/lib/offline/sync-engine";
import type { TMutationResult } from "@/lib/sync/contract";
import {
  createAssignment,
  createContractorCompany,
  createContractorPerson,
  createOrganisation,
  createServiceTasks,
  createSite,
  createStaffUser,
  createWorkOrder,
} from "@/prisma/factories";
import { applyMutation } from "@/lib/sync/apply-mutation";
import { inProcessTransport } from "@/tests/in-process-transport";
import { SIGNATURE_SVG } from "@/tests/sample-files";
import { checkSchedule, type TEnqueued } from "./check-schedule";
import { createFaultyNetwork, type TFaultCounts } from "./faulty-network";
import { createRandom } from "./random";
import { refusable, type TAction, type TSchedule } from "./schedule";

const SVG = SIGNATURE_SVG;
const QUIET_LIMIT_MS = 30_000;

// One client organisation, contractor company and site shared by every schedule of a run;
// each schedule gets its own technician, work orders and tasks, so schedules running side
// by side never touch each other's rows and a technician's task list stays small.
export async function createSharedWorld() {
  const organisation = await createOrganisation(db);
  const admin = await createStaffUser(db, organisation.id, "ADMIN");
  const company = await createContractorCompany(db, [organisation.id]);
  const site = await createSite(db, organisation.id);
  const staff = (await loadStaffActor(admin.id)) as TStaffActor;
  return { organisation, company, site, staff };
}
export type TSharedWorld = Awaited<ReturnType<typeof createSharedWorld>>;

export type TScheduleRun = {
  schedule: TSchedule;
  failures: string[];
  faults: TFaultCounts;
  serverErrors: Map<string, number>;
  trace: string[];
  outcomes: Record<TMutationResult["outcome"], number>;
  mutations: number;
  quietMs: number;
};

export async function runSchedule(world: TSharedWorld, schedule: TSchedule): Promise<TScheduleRun> {
  const technician = await createContractorPerson(db, world.company.id, "TECHNICIAN");
  const colleague = await createContractorPerson(db, world.company.id, "TECHNICIAN");
  const tasks: { id: string; serviceTasks: { id: string; position: number }[] }[] = [];
  for (const status of schedule.tasks) {
    const workOrder = await createWorkOrder(db, { organisationId: world.organisation.id, siteId: world.site.id });
    const serviceTasks = await createServiceTasks(db, workOrder);
    const assignment = await createAssignment(db, {
      workOrderId: workOrder.id,
      contractorCompanyId: world.company.id,
      status,
      technicianIds: [technician.person.id, colleague.person.id],
    });
    tasks.push({ id: assignment.id, serviceTasks: serviceTasks.sort((a, b) => a.position - b.position) });
  }
  const actor = (await loadTechActor(technician.user.id))!;
  const colleagueActor = (await loadTechActor(colleague.user.id))!;
  const colleagueDevice = randomUUID();
  const colleagueSeqs = new Map<string, number>();
  const colleagueMutations = new Set<string>();
  const network = createFaultyNetwork({
    server: inProcessTransport(actor),
    random: createRunRandom(schedule),
    rates: schedule.faults,
  });

  // The app as the technician's phone runs it; closing it abandons this instance and a
  // new one opens the same IndexedDB database, as a restarted app would.
  const databaseName = `sync-faults-${schedule.seed}-${randomUUID()}`;
  const openApp = () => {
    const local = new OfflineDatabase(databaseName);
    return { local, engine: createSyncEngine({ db: local, transport: network.connect() }) };
  };
  let app = openApp();
  const failures: string[] = [];
  const enqueued: TEnqueued[] = [];
  const defectIds = new Map<number, string>();
  const mayBeRefused = refusable(schedule);

  const LOCATION = { latitude: 53.8, longitude: -1.55, accuracyM: 12 };
  const bodyOf = (action: TAction): TMutationBody => {
    switch (action.type) {
      case "check_in":
        return action.located === "at_tap" ? { type: "check_in", location: LOCATION } : { type: "check_in" };
      case "record_result":
        return {
          type: "record_result",
          serviceTaskId: tasks[action.task].serviceTasks[action.serviceTask].id,
          changes: action.changes,
          base: action.base,
        };
      case "report_defect":
        if (!defectIds.has(action.defect)) defectIds.set(action.defect, randomUUID());
        return {
          type: "report_defect",
          defectId: defectIds.get(action.defect)!,
          severity: action.severity,
          description: action.description,
        };
      case "request_revisit":
        return { type: "request_revisit", reason: action.reason };
      case "record_time":
        return {
          type: "record_time",
          timeEntryId: randomUUID(),
          startedAt: new Date(Date.now() - (action.minutes + 1) * 60_000).toISOString(),
          minutes: action.minutes,
          labourType: action.labourType,
        };
      case "perform":
        return {
          type: "perform",
          notes: action.notes,
          technicianSignature: { name: technician.user.name, svg: SVG },
          ...(action.clientSigned ? { clientSignature: { name: "Site manager", svg: SVG } } : {}),
        };
    }
  };

  for (const step of schedule.steps) {
    if (step.kind === "act") {
      const entry = await enqueueMutation(app.local, tasks[step.action.task].id, bodyOf(step.action), step.badClock);
      enqueued.push({
        mutation: entry.mutation,
        mayBeRejected: mayBeRefused.has(step.action),
        mustBeRejected: step.badClock !== undefined,
        signatures: step.action.type === "perform" ? (step.action.clientSigned ? 2 : 1) : 0,
      });
      if (step.action.type === "check_in" && step.action.located === "later") {
        const located = await enqueueMutation(app.local, entry.taskId, {
          type: "locate_check_in",
          checkInId: entry.mutationId,
          location: LOCATION,
        });
        enqueued.push({ mutation: located.mutation, mayBeRejected: false, mustBeRejected: false, signatures: 0 });
      }
      if (step.thenSync === "background") void app.engine.syncNow();
      if (step.thenSync === "await") await app.engine.syncNow();
    } else if (step.kind === "sync") {
      await app.engine.syncNow();
    } else if (step.kind === "close_app") {
      const closed = network.closeAppDuringNextRequest().then(() => "closed" as const);
      const ended = await Promise.race([closed, app.engine.syncNow().then(() => "finished" as const)]);
      if (ended === "closed") {
        app.local.close();
        app = openApp();
      } else {
        network.cancelClose();
      }
    } else if (step.kind === "colleague_records") {
      const taskId = tasks[step.task].id;
      const serviceTaskId = tasks[step.task].serviceTasks[step.serviceTask].id;
      const current = await db.serviceTask.findUniqueOrThrow({ where: { id: serviceTaskId } });
      const base = Object.fromEntries(
        Object.keys(step.changes).map((field) => [field, current[field as keyof typeof step.changes] ?? null]),
      );
      const seq = (colleagueSeqs.get(taskId) ?? 0) + 1;
      colleagueSeqs.set(taskId, seq);
      const mutationId = randomUUID();
      colleagueMutations.add(mutationId);
      const result = await applyMutation(colleagueActor, colleagueDevice, {
        mutationId,
        taskId,
        seq,
        deviceAt: new Date().toISOString(),
        type: "record_result",
        serviceTaskId,
        changes: step.changes,
        base,
      });
      if (result.outcome === "retry" || result.outcome === "rejected")
        failures.push(
          `the colleague's change ${JSON.stringify(step.changes)} was ${result.outcome}: ${result.message}`,
        );
    } else {
      // The office takes the task away meanwhile; losing a race with the technician's
      // sync is the office's problem to retry, not this test's.
      await cancelAssignment(world.staff, { assignmentId: tasks[step.task].id, reason: "Tenant fixed it" }).catch(
        () => undefined,
      );
    }
  }

  // From here the network is healthy: the app syncs until it has nothing left to send.
  network.stopFaults();
  const quietFrom = Date.now();
  for (;;) {
    const report: TSyncReport = await app.engine.syncNow();
    const pending = await app.local.outbox.where("state").equals("pending").count();
    if (report.ok && pending === 0) break;
    if (Date.now() - quietFrom > QUIET_LIMIT_MS) {
      failures.push(
        `the outbox still held ${pending} pending mutations ${QUIET_LIMIT_MS / 1000} s after the network became healthy (last sync: ${report.error ?? "ok"})`,
      );
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const quietMs = Date.now() - quietFrom;
  await network.settled();

  const deviceId = await deviceIdOf(app.local);
  failures.push(
    ...(await checkSchedule({
      deviceId,
      taskIds: tasks.map((t) => t.id),
      enqueued,
      local: app.local,
      otherMutations: colleagueMutations,
    })),
  );
  const outcomes = { applied: 0, conflict: 0, rejected: 0, retry: 0 };
  for (const row of await db.syncMutation.findMany({ where: { deviceId }, select: { result: true } }))
    outcomes[(row.result as TMutationResult).outcome]++;
  app.local.close();
  await Dexie.delete(databaseName);
  return {
    schedule,
    failures,
    faults: network.counts,
    serverErrors: network.serverErrors,
    trace: network.trace,
    outcomes,
    mutations: enqueued.length,
    quietMs,
  };
}

// The faults drawn while running come from their own stream of the schedule's seed.
const createRunRandom = (schedule: TSchedule) => createRandom(schedule.seed).fork(1);

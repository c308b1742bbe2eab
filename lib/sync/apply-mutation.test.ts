import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadStaffActor, loadTechActor } from "@/lib/auth/actor";
import { cancelAssignment } from "@/lib/assignments/cancel-assignment";
import { db } from "@/lib/db";
import { createAssignment, createContractorPerson, createServiceTasks, createWorld } from "@/prisma/factories";
import { applyMutation } from "./apply-mutation";
import { applySyncBatch } from "./apply-batch";
import type { TMutation } from "./contract";
import { SIGNATURE_SVG } from "@/tests/sample-files";

const SVG = SIGNATURE_SVG;

async function setUp(status: "ACCEPTED" | "SCHEDULED" | "IN_PROGRESS" = "SCHEDULED") {
  const world = await createWorld(db);
  const task = await createAssignment(db, {
    workOrderId: world.workOrder.id,
    contractorCompanyId: world.company.id,
    status,
    technicianIds: [world.technician.person.id],
  });
  const serviceTasks = await createServiceTasks(db, world.workOrder);
  const tech = (await loadTechActor(world.technician.user.id))!;
  const deviceId = randomUUID();
  const seqs = new Map<string, number>();
  const nextSeq = (taskId: string) => seqs.set(taskId, (seqs.get(taskId) ?? 0) + 1).get(taskId)!;
  const next = <M extends Omit<TMutation, "mutationId" | "taskId" | "seq" | "deviceAt">>(m: M, taskId = task.id) =>
    ({
      mutationId: randomUUID(),
      taskId,
      seq: nextSeq(taskId),
      deviceAt: new Date().toISOString(),
      ...m,
    }) as unknown as TMutation;
  return { world, task, serviceTasks, tech, deviceId, next };
}

const eventsFor = (mutationId: string) =>
  db.timelineEvent.count({ where: { data: { path: ["mutationId"], equals: mutationId } } });

describe("applying a technician's offline changes", () => {
  it("runs the whole on-site flow: check in, results, defect, performed with both signatures", async () => {
    const { task, serviceTasks, tech, deviceId, next } = await setUp();
    const mutations = [
      next({ type: "check_in", location: { latitude: 53.8, longitude: -1.55, accuracyM: 12 } }),
      next({
        type: "record_result",
        serviceTaskId: serviceTasks[0].id,
        changes: { result: "PASS" },
        base: { result: null },
      }),
      next({
        type: "record_result",
        serviceTaskId: serviceTasks[1].id,
        changes: { reading: 12.5 },
        base: { reading: null },
      }),
      next({ type: "report_defect", defectId: randomUUID(), severity: "HIGH", description: "Flue terminal cracked" }),
      next({
        type: "perform",
        notes: "Serviced; flue needs replacing",
        technicianSignature: { name: "Tom", svg: SVG },
        clientSignature: { name: "Site manager", svg: SVG },
      }),
    ];
    const { results } = await applySyncBatch(tech, { deviceId, mutations });
    expect(results.map((r) => r.outcome)).toEqual(["applied", "applied", "applied", "applied", "applied"]);
    const after = await db.assignment.findUniqueOrThrow({
      where: { id: task.id },
      include: { checkIns: true, defects: true, signatures: true },
    });
    expect(after.status).toBe("PERFORMED");
    expect(after.performedNotes).toBe("Serviced; flue needs replacing");
    expect(after.checkIns).toHaveLength(1);
    expect(after.checkIns[0]).toMatchObject({ latitude: 53.8, accuracyM: 12 });
    expect(after.defects.map((d) => d.description)).toEqual(["Flue terminal cracked"]);
    expect(after.signatures.map((s) => s.signerRole).sort()).toEqual(["ON_SITE_CLIENT", "TECHNICIAN"]);
    expect((await db.serviceTask.findUniqueOrThrow({ where: { id: serviceTasks[1].id } })).reading).toBe(12.5);
    expect((await db.workOrder.findUniqueOrThrow({ where: { id: task.workOrderId } })).status).toBe("IN_PROGRESS");
  });

  it("dates work done offline by the tap on the phone, keeps its arrival apart, and never dates it in the future", async () => {
    const { task, serviceTasks, tech, deviceId, next } = await setUp();
    // The visit happened three hours before the phone found a network.
    const visit = Date.now() - 3 * 3600_000;
    const at = (minutes: number) => new Date(visit + minutes * 60_000).toISOString();
    const tapped = <M extends TMutation>(mutation: M, deviceAt: string): M => ({ ...mutation, deviceAt });
    const defectId = randomUUID();
    const mutations = [
      tapped(next({ type: "check_in" }), at(0)),
      tapped(
        next({ type: "record_result", serviceTaskId: serviceTasks[0].id, changes: { result: "PASS" }, base: {} }),
        at(10),
      ),
      tapped(next({ type: "report_defect", defectId, severity: "LOW", description: "Loose cover" }), at(20)),
      tapped(next({ type: "perform", notes: "Done", technicianSignature: { name: "Tom", svg: SVG } }), at(45)),
    ];
    const before = Date.now();
    const { results } = await applySyncBatch(tech, { deviceId, mutations });
    expect(results.map((r) => r.outcome)).toEqual(["applied", "applied", "applied", "applied"]);
    const after = await db.assignment.findUniqueOrThrow({
      where: { id: task.id },
      include: { defects: true, signatures: true },
    });
    expect(after.checkedInAt?.toISOString()).toBe(at(0));
    expect(after.performedAt?.toISOString()).toBe(at(45));
    expect(after.signatures[0].signedAt.toISOString()).toBe(at(45));
    expect(
      (await db.serviceTask.findUniqueOrThrow({ where: { id: serviceTasks[0].id } })).completedAt?.toISOString(),
    ).toBe(at(10));
    expect(after.defects[0].createdAt.toISOString()).toBe(at(20));
    expect(after.defects[0].syncedAt.getTime()).toBeGreaterThanOrEqual(before);
    const events = await db.timelineEvent.findMany({
      where: { assignmentId: task.id },
      orderBy: { occurredAt: "asc" },
      select: { type: true, occurredAt: true, createdAt: true },
    });
    expect(events.map((e) => [e.type, e.occurredAt.toISOString()])).toEqual([
      ["assignment.status_changed", at(0)],
      ["technician.checked_in", at(0)],
      ["technician.result_recorded", at(10)],
      ["technician.defect_reported", at(20)],
      ["assignment.status_changed", at(45)],
    ]);
    for (const event of events) expect(event.createdAt.getTime()).toBeGreaterThanOrEqual(before);

    // A phone whose clock runs an hour fast: its work is dated when it arrived, not later.
    const fast = await setUp("IN_PROGRESS");
    const ahead = new Date(Date.now() + 3600_000).toISOString();
    await applySyncBatch(fast.tech, {
      deviceId: fast.deviceId,
      mutations: [
        tapped(fast.next({ type: "perform", notes: "", technicianSignature: { name: "Tom", svg: SVG } }), ahead),
      ],
    });
    const performed = await db.assignment.findUniqueOrThrow({ where: { id: fast.task.id } });
    expect(performed.performedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(performed.performedAt!.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("records a typed signature as typed, and refuses a signature that is empty or only a dot", async () => {
    const { task, tech, deviceId, next } = await setUp("IN_PROGRESS");
    const dot =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><circle r="1.5" cx="150" cy="50" fill="#101828"></circle></svg>';
    const refused = [];
    for (const svg of [dot, "", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"></svg>'])
      refused.push(
        await applyMutation(
          tech,
          deviceId,
          next({ type: "perform", notes: "", technicianSignature: { name: "Tom", svg } }),
        ),
      );
    expect(refused.map((r) => r.outcome)).toEqual(["rejected", "rejected", "rejected"]);
    expect(refused.map((r) => ("message" in r ? r.message : ""))).toEqual([
      "This change is malformed and cannot be applied: That is too small to be a signature: sign across the box.",
      "This change is malformed and cannot be applied: Sign in the box with your finger.",
      "This change is malformed and cannot be applied: Sign in the box with your finger.",
    ]);
    expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("IN_PROGRESS");

    const typed = next({
      type: "perform",
      notes: "",
      technicianSignature: { name: "Tom Tech", typed: true },
      clientSignature: { name: "Sam Porter", typed: true },
    });
    expect((await applyMutation(tech, deviceId, typed)).outcome).toBe("applied");
    const signatures = await db.signature.findMany({
      where: { assignmentId: task.id },
      orderBy: { signerRole: "asc" },
      select: { signerRole: true, signerName: true, method: true, imageSvg: true },
    });
    expect(signatures).toEqual([
      { signerRole: "TECHNICIAN", signerName: "Tom Tech", method: "TYPED", imageSvg: null },
      { signerRole: "ON_SITE_CLIENT", signerName: "Sam Porter", method: "TYPED", imageSvg: null },
    ]);
    const drawingWithTyped = next({
      type: "perform",
      notes: "",
      technicianSignature: { name: "Tom", typed: true, svg: SVG },
    });
    expect((await applyMutation(tech, deviceId, drawingWithTyped)).outcome).toBe("rejected");
  });

  it("applies a mutation once however often it is delivered, returning the first answer", async () => {
    const { task, tech, deviceId, next } = await setUp();
    const checkIn = next({ type: "check_in" });
    const answers = await Promise.all(Array.from({ length: 10 }, () => applyMutation(tech, deviceId, checkIn)));
    const settled = answers.filter((a) => a.outcome !== "retry");
    expect(settled.length).toBeGreaterThan(0);
    for (const answer of settled) expect(answer).toEqual({ mutationId: checkIn.mutationId, outcome: "applied" });
    expect(await applyMutation(tech, deviceId, checkIn)).toEqual({
      mutationId: checkIn.mutationId,
      outcome: "applied",
    });
    expect(await db.checkIn.count({ where: { assignmentId: task.id } })).toBe(1);
    expect(await eventsFor(checkIn.mutationId)).toBe(1);
    expect(await db.syncMutation.count({ where: { deviceId } })).toBe(1);
  });

  it("keeps one task's mutations in order: a later one waits until the earlier one arrives", async () => {
    const { task, tech, deviceId, next } = await setUp();
    const first = next({ type: "check_in" });
    const second = next({ type: "request_revisit", reason: "Part on order" });
    expect((await applyMutation(tech, deviceId, second)).outcome).toBe("retry");
    expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("SCHEDULED");
    expect((await applyMutation(tech, deviceId, first)).outcome).toBe("applied");
    expect((await applyMutation(tech, deviceId, second)).outcome).toBe("applied");
    expect(await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: "REVISIT",
      revisitReason: "Part on order",
    });
  });

  it("merges different fields and reports the same field changed elsewhere with both values", async () => {
    const { serviceTasks, tech, deviceId, next } = await setUp("IN_PROGRESS");
    const text = serviceTasks[2];
    await db.serviceTask.update({ where: { id: text.id }, data: { answer: "Office: pipework lagged in 2024" } });
    const reading = serviceTasks[1];
    await db.serviceTask.update({ where: { id: reading.id }, data: { result: "PASS" } });
    const merged = await applyMutation(
      tech,
      deviceId,
      next({ type: "record_result", serviceTaskId: reading.id, changes: { reading: 10.1 }, base: { reading: null } }),
    );
    expect(merged.outcome).toBe("applied");
    expect(await db.serviceTask.findUniqueOrThrow({ where: { id: reading.id } })).toMatchObject({
      result: "PASS",
      reading: 10.1,
    });

    const clash = await applyMutation(
      tech,
      deviceId,
      next({
        type: "record_result",
        serviceTaskId: text.id,
        changes: { answer: "Corroded joints" },
        base: { answer: null },
      }),
    );
    expect(clash).toMatchObject({
      outcome: "conflict",
      conflicts: [{ field: "answer", yours: "Corroded joints", theirs: "Office: pipework lagged in 2024" }],
    });
    expect((await db.serviceTask.findUniqueOrThrow({ where: { id: text.id } })).answer).toBe(
      "Office: pipework lagged in 2024",
    );
  });

  it("two technicians on one task: every value chosen against is on the timeline, as written", async () => {
    const { world, task, serviceTasks, tech, deviceId, next } = await setUp("IN_PROGRESS");
    const colleague = await createContractorPerson(db, world.company.id, "TECHNICIAN", { name: "Cleo Colleague" });
    await db.assignmentTechnician.create({ data: { assignmentId: task.id, personId: colleague.person.id } });
    const other = (await loadTechActor(colleague.user.id))!;
    const text = serviceTasks[2];
    const otherDevice = randomUUID();
    let otherSeq = 0;
    const fromOther = (changes: { answer: string | null }, base: { answer: string | null }) =>
      applyMutation(other, otherDevice, {
        mutationId: randomUUID(),
        taskId: task.id,
        seq: ++otherSeq,
        deviceAt: new Date().toISOString(),
        type: "record_result",
        serviceTaskId: text.id,
        changes,
        base,
      });

    expect((await fromOther({ answer: "Joints OK, UK spec" }, { answer: null })).outcome).toBe("applied");
    // The first phone, offline meanwhile, wrote its own answer over what it last saw.
    const clash = next({
      type: "record_result",
      serviceTaskId: text.id,
      changes: { answer: "Corroded joints at TRV" },
      base: { answer: null },
    });
    expect((await applyMutation(tech, deviceId, clash)).outcome).toBe("conflict");
    // "Keep theirs" sends nothing more; the value stays on the record for the office.
    const clashEvent = await db.timelineEvent.findFirstOrThrow({
      where: { data: { path: ["mutationId"], equals: clash.mutationId } },
    });
    expect(clashEvent.data).toMatchObject({ values: {}, notApplied: { answer: "Corroded joints at TRV" } });
    // "Keep mine" on the first phone replaces the colleague's value, which stays on record too.
    const keepMine = next({
      type: "record_result",
      serviceTaskId: text.id,
      changes: { answer: "Corroded joints at TRV" },
      base: { answer: "Joints OK, UK spec" },
    });
    expect((await applyMutation(tech, deviceId, keepMine)).outcome).toBe("applied");
    const keptEvent = await db.timelineEvent.findFirstOrThrow({
      where: { data: { path: ["mutationId"], equals: keepMine.mutationId } },
    });
    expect(keptEvent.data).toMatchObject({
      values: { answer: "Corroded joints at TRV" },
      replaced: { answer: "Joints OK, UK spec" },
    });

    const { ActivityFeed } = await import("@/components/activity/activity-feed");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const events = await db.timelineEvent.findMany({ where: { assignmentId: task.id }, orderBy: { createdAt: "asc" } });
    const html = renderToStaticMarkup(
      ActivityFeed({ events, messages: [], clock: { zone: "Europe/London", readerZone: null } }),
    );
    expect(html).toContain("not applied, as someone else had changed it: answer Corroded joints at TRV");
    expect(html).toContain("answer Corroded joints at TRV (was Joints OK, UK spec)");
  });

  it("names each refused change in its message, and keeps a refused check-in's location for the office", async () => {
    const { world, task, serviceTasks, tech, deviceId, next } = await setUp();
    const staff = (await loadStaffActor(world.admin.id))!;
    await cancelAssignment(staff, { assignmentId: task.id, reason: "Tenant fixed it" });
    const results = [];
    for (const mutation of [
      next({ type: "check_in", location: { latitude: 51.5, longitude: -0.12, accuracyM: 20 } }),
      next({
        type: "record_result",
        serviceTaskId: serviceTasks[1].id,
        changes: { reading: 10.4 },
        base: { reading: null },
      }),
      next({ type: "request_revisit", reason: "Part on order" }),
    ]) {
      results.push(await applyMutation(tech, deviceId, mutation));
    }
    const messages = results.map((r) => ("message" in r ? r.message : ""));
    expect(new Set(messages).size).toBe(3);
    expect(messages[0]).toMatch(
      /^Checked in on site at 51\.50000, -0\.12000: not applied, because the task is withdrawn now/,
    );
    expect(messages[1]).toContain("reading 10.4");
    expect(messages[2]).toContain("Revisit required: Part on order");
    const kept = await db.timelineEvent.findFirstOrThrow({
      where: { assignmentId: task.id, type: "technician.unsynced_work", data: { path: ["kind"], equals: "check_in" } },
    });
    expect(kept.data).toMatchObject({ location: { latitude: 51.5, longitude: -0.12, accuracyM: 20 } });
  });

  it("keeps work done on a task withdrawn meanwhile for the office, without changing the task", async () => {
    const { world, task, tech, deviceId, next } = await setUp();
    const staff = (await loadStaffActor(world.admin.id))!;
    await cancelAssignment(staff, { assignmentId: task.id, reason: "Tenant fixed it" });
    const checkIn = next({ type: "check_in" });
    const result = await applyMutation(tech, deviceId, checkIn);
    expect(result).toMatchObject({
      outcome: "conflict",
      message: expect.stringContaining("the task is withdrawn now"),
    });
    expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("CANCELLED");
    const kept = await db.timelineEvent.findFirstOrThrow({
      where: { assignmentId: task.id, type: "technician.unsynced_work" },
    });
    expect(kept.data).toMatchObject({ mutationId: checkIn.mutationId, summary: "checked in on site" });
  });

  it("refuses a task that is not the technician's, even with a crafted payload, and records the refusal once", async () => {
    const mine = await setUp();
    const theirs = await setUp();
    const crafted = mine.next({ type: "check_in" }, theirs.task.id);
    const answer = await applyMutation(mine.tech, mine.deviceId, crafted);
    expect(answer).toMatchObject({ outcome: "rejected", message: "This task is not assigned to you." });
    expect(await db.checkIn.count({ where: { assignmentId: theirs.task.id } })).toBe(0);
    expect((await db.assignment.findUniqueOrThrow({ where: { id: theirs.task.id } })).status).toBe("SCHEDULED");

    // A service task of another work order, through my own task.
    const foreign = await applyMutation(
      mine.tech,
      mine.deviceId,
      mine.next({
        type: "record_result",
        serviceTaskId: theirs.serviceTasks[0].id,
        changes: { result: "FAIL" },
        base: { result: null },
      }),
    );
    expect(foreign.outcome).toBe("rejected");
    expect((await db.serviceTask.findUniqueOrThrow({ where: { id: theirs.serviceTasks[0].id } })).result).toBeNull();

    // Another technician of the same company cannot replay my device's mutation.
    const colleague = await createContractorPerson(db, mine.world.company.id, "TECHNICIAN");
    const colleagueActor = (await loadTechActor(colleague.user.id))!;
    const myCheckIn = mine.next({ type: "check_in" });
    await applyMutation(mine.tech, mine.deviceId, myCheckIn);
    expect((await applyMutation(colleagueActor, mine.deviceId, myCheckIn)).outcome).toBe("rejected");
  });

  it("rejects malformed mutations with a reason and lets the task's later mutations through", async () => {
    const { task, tech, deviceId, next } = await setUp();
    const bad = {
      ...next({
        type: "perform",
        notes: "",
        technicianSignature: { name: "Tom", svg: '<svg onload="alert(1)"></svg>' },
      }),
    };
    const answer = await applyMutation(tech, deviceId, bad);
    expect(answer).toMatchObject({ outcome: "rejected", message: expect.stringContaining("malformed") });
    expect((await applyMutation(tech, deviceId, next({ type: "check_in" }))).outcome).toBe("applied");
    expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("IN_PROGRESS");
    expect((await applyMutation(tech, deviceId, { nonsense: true })).outcome).toBe("rejected");
    await expect(applySyncBatch(tech, { deviceId: "not-a-uuid", mutations: [] })).rejects.toThrow(
      "Malformed sync request",
    );
  });

  it("refuses a change with a time the database cannot hold alone, with its reason, and applies the task's later changes in order", async () => {
    const { task, serviceTasks, tech, deviceId, next } = await setUp();
    const other = await createAssignment(db, {
      workOrderId: (await createWorld(db)).workOrder.id,
      contractorCompanyId: task.contractorCompanyId,
      status: "SCHEDULED",
      technicianIds: [],
    });
    await db.assignmentTechnician.create({ data: { assignmentId: other.id, personId: tech.personIds[0] } });
    const mutations = [
      { ...next({ type: "check_in" }), deviceAt: "0000-01-01T00:00:00.000Z" },
      {
        ...next({
          type: "record_result",
          serviceTaskId: serviceTasks[0].id,
          changes: { result: "PASS" },
          base: { result: null },
        }),
        deviceAt: "2026-02-31T10:00:00.000Z",
      },
      next({
        type: "record_result",
        serviceTaskId: serviceTasks[0].id,
        changes: { result: "FAIL" },
        base: { result: null },
      }),
      {
        ...next({ type: "report_defect", defectId: randomUUID(), severity: "LOW", description: "Loose cover" }),
        deviceAt: "+020266-01-01T00:00:00.000Z",
      },
      next({ type: "check_in" }),
      next({ type: "request_revisit", reason: "Part on order" }),
      next({ type: "check_in" }, other.id),
    ];
    const { results } = await applySyncBatch(tech, { deviceId, mutations });
    expect(results.map((r) => r.outcome)).toEqual([
      "rejected",
      "rejected",
      "applied",
      "rejected",
      "applied",
      "applied",
      "applied",
    ]);
    for (const refused of [results[0], results[1], results[3]])
      expect(refused).toMatchObject({
        message: expect.stringContaining("Expected a real date and time between 1900 and 2999"),
      });
    expect(await db.checkIn.count({ where: { assignmentId: task.id } })).toBe(1);
    expect(await db.defect.count({ where: { assignmentId: task.id } })).toBe(0);
    expect((await db.serviceTask.findUniqueOrThrow({ where: { id: serviceTasks[0].id } })).result).toBe("FAIL");
    expect((await db.assignment.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("REVISIT");
    expect(await db.checkIn.count({ where: { assignmentId: other.id } })).toBe(1);
    // Sent again, every answer is the first one.
    expect((await applySyncBatch(tech, { deviceId, mutations })).results).toEqual(results);
  });
});

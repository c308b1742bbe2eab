import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { TTechActor } from "@/lib/auth/actor";
import { techWorkScope } from "@/lib/authz/scopes";
import { db, type TTx } from "@/lib/db";
import { AppError, toAppError } from "@/lib/errors";
import type { TMutationResult } from "./contract";
import { checkIn } from "./handlers/check-in";
import { locateCheckIn } from "./handlers/locate-check-in";
import { perform } from "./handlers/perform";
import { recordResult } from "./handlers/record-result";
import { recordTime } from "./handlers/record-time";
import { reportDefect } from "./handlers/report-defect";
import { requestRevisit } from "./handlers/request-revisit";
import type { THandlerContext, THandlerOutcome } from "./handlers/types";
import { tappedAt } from "./tapped-at";
import { ZMutationHeaderSchema, ZMutationSchema, type TValidMutation } from "./schemas";

type THeader = { mutationId: string; taskId: string; seq: number; type: string };

const handlers: { [M in TValidMutation["type"]]: (context: THandlerContext<M>) => Promise<THandlerOutcome> } = {
  check_in: checkIn,
  locate_check_in: locateCheckIn,
  record_result: recordResult,
  report_defect: reportDefect,
  request_revisit: requestRevisit,
  perform,
  record_time: recordTime,
};

// Applies one mutation from a technician's device exactly once. The (device, mutation)
// row is written in the same transaction as the mutation's effects, so a retry or a
// duplicate delivery finds it and gets the original answer back; seq keeps one device's
// mutations of one task in the order they were made.
export async function applyMutation(actor: TTechActor, deviceId: string, raw: unknown): Promise<TMutationResult> {
  const header = ZMutationHeaderSchema.safeParse(raw);
  if (!header.success) {
    const mutationId =
      typeof (raw as { mutationId?: unknown })?.mutationId === "string"
        ? String((raw as { mutationId: string }).mutationId).slice(0, 64)
        : "";
    return { mutationId, outcome: "rejected", message: "This change is malformed and cannot be applied." };
  }
  const parsed = ZMutationSchema.safeParse(raw);
  try {
    const mutation = parsed.success
      ? parsed.data
      : `This change is malformed and cannot be applied: ${parsed.error.issues[0]?.message ?? "invalid"}.`;
    return await db.$transaction((tx) => applyInTransaction(tx, actor, deviceId, header.data, mutation));
  } catch (error) {
    const appError = toAppError(error);
    // Lost a race with the office (guarded update) or a concurrent duplicate: try again.
    if (appError.code === "CONFLICT" || isRetryableDatabaseError(error))
      return { mutationId: header.data.mutationId, outcome: "retry", message: appError.message };
    // Something failed on our side: this change waits to be sent again; the others in the
    // request still apply (a bad change must never hold up a whole batch).
    if (appError.code === "INTERNAL") {
      console.error(error);
      return { mutationId: header.data.mutationId, outcome: "retry", message: appError.message };
    }
    // The mutation can never apply: record the refusal so the device stops sending it
    // and the task's later mutations are not held up behind it.
    return db.$transaction((tx) =>
      recordOnly(tx, actor, deviceId, header.data, {
        mutationId: header.data.mutationId,
        outcome: "rejected",
        message: appError.message,
      }),
    );
  }
}

async function applyInTransaction(
  tx: TTx,
  actor: TTechActor,
  deviceId: string,
  header: THeader,
  mutation: TValidMutation | string,
): Promise<TMutationResult> {
  // One device's mutations of one task, and duplicates of one mutation, queue here.
  const settled = await deliveryCheck(tx, actor, deviceId, header);
  if (settled) return settled;
  if (typeof mutation === "string") throw new AppError("INVALID_INPUT", mutation);
  const task = await tx.assignment.findFirst({ where: { ...techWorkScope(actor), id: mutation.taskId } });
  if (!task) throw new AppError("NOT_FOUND", "This task is not assigned to you.");
  const handler = handlers[mutation.type] as (
    context: THandlerContext<TValidMutation["type"]>,
  ) => Promise<THandlerOutcome>;
  const outcome = await handler({ tx, actor, task, mutation, at: tappedAt(mutation.deviceAt, new Date()) });
  const result = { mutationId: mutation.mutationId, ...outcome } as TMutationResult;
  await insertRecord(tx, actor, deviceId, header, result);
  return result;
}

async function recordOnly(
  tx: TTx,
  actor: TTechActor,
  deviceId: string,
  header: THeader,
  result: TMutationResult,
): Promise<TMutationResult> {
  const settled = await deliveryCheck(tx, actor, deviceId, header);
  if (settled) return settled;
  await insertRecord(tx, actor, deviceId, header, result);
  return result;
}

// One device's mutations of one task, and copies of one mutation, queue on the task's row
// lock; then one read answers both questions: was this mutation applied already (return
// its first answer), and has every earlier one of the task arrived (else wait).
async function deliveryCheck(
  tx: TTx,
  actor: TTechActor,
  deviceId: string,
  header: THeader,
): Promise<TMutationResult | null> {
  await tx.$queryRaw`SELECT id FROM "Assignment" WHERE id = ${header.taskId} FOR UPDATE`;
  const [row] = await tx.$queryRaw<{ userId: string | null; result: TMutationResult | null; last: number | null }[]>`
    SELECT m."userId", m.result,
           (SELECT max(seq) FROM "SyncMutation" WHERE "deviceId" = ${deviceId} AND "assignmentId" = ${header.taskId}) AS last
    FROM (SELECT 1) AS one
    LEFT JOIN "SyncMutation" m ON m."deviceId" = ${deviceId} AND m."mutationId" = ${header.mutationId}`;
  if (row.userId !== null) {
    if (row.userId !== actor.userId)
      return {
        mutationId: header.mutationId,
        outcome: "rejected",
        message: "This change was sent by another person's device.",
      };
    return row.result;
  }
  if (header.seq <= (row.last ?? 0) + 1) return null;
  return {
    mutationId: header.mutationId,
    outcome: "retry",
    message: "Waiting for this task's earlier changes to arrive.",
  };
}

async function insertRecord(
  tx: TTx,
  actor: TTechActor,
  deviceId: string,
  header: THeader,
  result: TMutationResult,
): Promise<void> {
  await tx.syncMutation.create({
    data: {
      deviceId,
      mutationId: header.mutationId,
      userId: actor.userId,
      assignmentId: header.taskId,
      seq: header.seq,
      type: header.type,
      result: result as unknown as Prisma.InputJsonValue,
    },
  });
}

// A unique violation on (device, mutation) means a duplicate delivery won the race;
// serialization failures and deadlocks are also safe to retry.
function isRetryableDatabaseError(error: unknown): boolean {
  const code = (error as { code?: string })?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  return code === "P2002" || code === "40001" || code === "40P01" || code === "P2034";
}

import "server-only";
import type { TStaffActor } from "@/lib/auth/actor";
import { assertStaffCan } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { now as presentMoment } from "@/lib/time/now";
import { recordEvent } from "@/lib/timeline/record-event";
import { answersOpen } from "./quote-phase";

// A manager opens a sealed request's answers before its deadline, with a reason kept on the
// request and the timeline. Opening answers that are already open changes nothing.
export async function openAnswersEarly(
  actor: TStaffActor,
  input: { quoteRequestId: string; reason: string },
  now = presentMoment(),
) {
  assertStaffCan(actor, "quote.openEarly");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "QuoteRequest" WHERE id = ${input.quoteRequestId} AND "organisationId" = ${actor.organisationId} FOR UPDATE`;
    const request = await tx.quoteRequest.findFirst({
      where: { id: input.quoteRequestId, organisationId: actor.organisationId },
    });
    if (!request) throw notFound("Request for quote");
    if (answersOpen(request, now)) return;
    if (request.status !== "OPEN") throw new AppError("CONFLICT", "Only a sent request's answers can be opened.");
    await tx.quoteRequest.update({
      where: { id: request.id },
      data: { openedEarlyAt: now, openedEarlyById: actor.userId, openedEarlyReason: input.reason },
    });
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: request.workOrderId,
      actor: { userId: actor.userId, label: actor.name },
      type: "quote.opened_early",
      data: { reason: input.reason },
    });
  });
}

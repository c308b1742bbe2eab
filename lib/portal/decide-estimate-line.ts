import "server-only";
import type { TLinkActor } from "@/lib/auth/actor";
import { assertLinkCan } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { followCountedLines } from "@/lib/estimates/follow-counted-lines";
import { lockEstimateWorkOrder } from "@/lib/estimates/lock-estimate-work-order";
import { recordEvent } from "@/lib/timeline/record-event";
import { readCustomerEstimate } from "./get-portal-estimate";
import type { TDecideLineInput } from "./schemas";

// A customer approves, rejects or clears one line through their link (a post, never a
// page opening). The line must be a manager-approved current line of the link's own work
// order; a line covered by the customer's signature is settled. A comment given with the
// decision starts the line's conversation. Deciding what is decided already changes
// nothing. The money follows the counted lines.
export async function decideEstimateLine(actor: TLinkActor, input: TDecideLineInput) {
  assertLinkCan(actor, "estimate.decide");
  return db.$transaction(async (tx) => {
    await lockEstimateWorkOrder(tx, actor, actor.workOrderId);
    const estimate = await readCustomerEstimate(tx, actor);
    const line = estimate.lines.find((candidate) => candidate.id === input.lineId);
    if (!line) throw notFound("Estimate line");
    if (estimate.covered.has(line.id))
      throw new AppError(
        "CONFLICT",
        "This line is signed: its decision can no longer change. Contact the sender to change it.",
      );
    const sameDecision = line.decision === input.decision && (input.decision === "PENDING" || !input.comment);
    if (sameDecision) return { changed: false };
    const { notToExceed } = await followCountedLines(
      tx,
      {
        organisationId: actor.organisationId,
        workOrderId: actor.workOrderId,
        actor: { userId: null, label: actor.email },
        cause: "decision",
      },
      async () => {
        const cleared = input.decision === "PENDING";
        await tx.estimateLine.update({
          where: { id: line.id },
          data: {
            decision: input.decision,
            comment: cleared ? null : input.comment,
            decidedAt: cleared ? null : new Date(),
            decidedByTokenId: cleared ? null : actor.tokenId,
          },
        });
        if (input.comment && !cleared)
          await tx.estimateLineComment.create({
            data: {
              organisationId: actor.organisationId,
              workOrderId: actor.workOrderId,
              estimateLineId: line.id,
              author: "CUSTOMER",
              authorName: actor.email,
              tokenId: actor.tokenId,
              body: input.comment,
            },
          });
        await recordEvent(tx, {
          organisationId: actor.organisationId,
          workOrderId: actor.workOrderId,
          actor: { userId: null, label: actor.email },
          type: "estimate.customer_decided",
          data: {
            description: line.description,
            decision: cleared ? "CLEARED" : input.decision,
            ...(input.comment && !cleared ? { comment: input.comment.slice(0, 140) } : {}),
          },
        });
      },
    );
    return { changed: true, notToExceed };
  });
}

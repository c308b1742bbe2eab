import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { findTask } from "@/lib/assignments/find-task";
import { LIVE_STATUSES } from "@/lib/assignments/status-machine";
import { db } from "@/lib/db";
import { AppError, invalidInput, notFound } from "@/lib/errors";
import { checkAmountForCurrency } from "@/lib/money/check-amount-for-currency";
import { formatMoney } from "@/lib/money/format-money";
import { recordEvent } from "@/lib/timeline/record-event";
import { lockEstimateWorkOrder } from "./lock-estimate-work-order";
import type { TDecideProposalInput, TProposeEstimateLineInput } from "./schemas";

// The contractor proposes a line (or a change to one) from the Desk, on a task it holds
// that is still open; staff accept it into the estimate as a draft line (a change becomes
// a new version of the line) or refuse it with a reason.
export async function proposeEstimateLine(actor: TDeskActor, input: TProposeEstimateLineInput) {
  const task = await findTask(actor, input.assignmentId, "estimate.propose");
  if (!(LIVE_STATUSES as readonly string[]).includes(task.status))
    throw new AppError("CONFLICT", "Lines are proposed on a task under way.");
  const replaced = input.lineId
    ? await db.estimateLine.findFirst({
        where: { id: input.lineId, workOrderId: task.workOrderId, approvedAt: { not: null }, supersededAt: null },
        select: { lineKey: true },
      })
    : null;
  if (input.lineId && !replaced)
    throw invalidInput("Please correct the highlighted fields.", {
      lineId: ["Choose a line of the approved estimate"],
    });
  // In the client's currency: its decimals, whatever the form could know.
  const { currency } = await db.organisation.findUniqueOrThrow({
    where: { id: task.organisationId },
    select: { currency: true },
  });
  const price = checkAmountForCurrency("price", input.price, currency)!;
  return db.$transaction(async (tx) => {
    const proposal = await tx.estimateLineProposal.create({
      data: {
        organisationId: task.organisationId,
        workOrderId: task.workOrderId,
        assignmentId: task.id,
        contractorCompanyId: task.contractorCompanyId,
        description: input.description,
        hours: input.hours ?? "0",
        parts: input.parts,
        price,
        replacesLineKey: replaced?.lineKey ?? null,
        proposedById: actor.userId,
        proposedByName: actor.name,
      },
    });
    await recordEvent(tx, {
      organisationId: task.organisationId,
      workOrderId: task.workOrderId,
      assignmentId: task.id,
      actor: { userId: actor.userId, label: actor.name },
      type: "estimate.proposal_made",
      data: { description: input.description },
    });
    return proposal;
  });
}

// A work order's proposals, newest first; the Desk sees its own company's.
export async function listEstimateProposals(actor: TStaffActor | TDeskActor, workOrderId: string) {
  return db.estimateLineProposal.findMany({
    where:
      actor.kind === "staff"
        ? { organisationId: actor.organisationId, workOrderId }
        : { workOrderId, contractorCompanyId: { in: actor.companies.map((c) => c.companyId) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
}

// Accepting makes a draft line (hours and parts in its description, the price as one lump
// sum) that staff can still change before a manager approves it; a proposed change of a
// line becomes that line's new version. Deciding a proposal decided already changes nothing.
export async function decideEstimateProposal(actor: TStaffActor, input: TDecideProposalInput) {
  const found = await db.estimateLineProposal.findFirst({
    where: { id: input.proposalId, organisationId: actor.organisationId },
    select: { workOrderId: true },
  });
  if (!found) throw notFound("Proposal");
  return db.$transaction(async (tx) => {
    const workOrder = await lockEstimateWorkOrder(tx, actor, found.workOrderId);
    const proposal = await tx.estimateLineProposal.findUniqueOrThrow({ where: { id: input.proposalId } });
    if (proposal.status !== "PROPOSED") return { changed: false };
    let estimateLineId: string | null = null;
    if (input.decision === "ACCEPTED") {
      const organisation = await tx.organisation.findUniqueOrThrow({
        where: { id: actor.organisationId },
        select: { defaultTaxPercent: true },
      });
      const details = [
        proposal.hours.greaterThan(0) ? `${proposal.hours.toString()} h` : null,
        proposal.parts ? `parts: ${proposal.parts}` : null,
      ].filter(Boolean);
      const values = {
        description: details.length ? `${proposal.description} (${details.join("; ")})` : proposal.description,
        quantity: "1",
        unitCode: "LS",
        unitPrice: proposal.price,
        taxPercent: organisation.defaultTaxPercent,
        createdById: actor.userId,
      };
      const current = proposal.replacesLineKey
        ? await tx.estimateLine.findFirst({
            where: { workOrderId: workOrder.id, lineKey: proposal.replacesLineKey },
            orderBy: { version: "desc" },
          })
        : null;
      if (current && !current.approvedAt) {
        await tx.estimateLine.update({ where: { id: current.id }, data: values });
        estimateLineId = current.id;
      } else {
        const last = await tx.estimateLine.aggregate({
          where: { workOrderId: workOrder.id },
          _max: { position: true },
        });
        const line = await tx.estimateLine.create({
          data: {
            organisationId: actor.organisationId,
            workOrderId: workOrder.id,
            position: current?.position ?? (last._max.position ?? -1) + 1,
            ...(current ? { lineKey: current.lineKey, version: current.version + 1 } : {}),
            ...values,
          },
        });
        estimateLineId = line.id;
      }
    }
    await tx.estimateLineProposal.update({
      where: { id: proposal.id },
      data: {
        status: input.decision,
        reason: input.reason,
        decidedById: actor.userId,
        decidedAt: new Date(),
        estimateLineId,
      },
    });
    await recordEvent(tx, {
      organisationId: actor.organisationId,
      workOrderId: workOrder.id,
      assignmentId: proposal.assignmentId,
      actor: { userId: actor.userId, label: actor.name },
      type: "estimate.proposal_decided",
      data: {
        description: proposal.description,
        status: input.decision,
        price: formatMoney(proposal.price, actor.organisationCurrency),
        ...(input.reason ? { reason: input.reason } : {}),
      },
    });
    return { changed: true, estimateLineId };
  });
}

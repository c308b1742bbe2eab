import "server-only";
import { LIVE_STATUSES } from "@/lib/assignments/status-machine";
import { quantityWithUnit } from "@/lib/billing/unit-codes";
import { contractorOfficeEmails } from "@/lib/contractors/office-recipients";
import type { TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money/format-money";
import { moneyString } from "@/lib/money/money-string";
import { sumLines } from "@/lib/money/sum-lines";
import { recordEvent } from "@/lib/timeline/record-event";
import { isCounted, readCountRule } from "./counted-lines";

export type TCountedChangeContext = {
  organisationId: string;
  workOrderId: string;
  // Who made the change, as the timeline names them (a manager, or the customer by link).
  actor: { userId: string | null; label: string };
  // "approval": a manager approved lines; "decision": the customer decided; "change": a
  // new version replaced a line.
  cause: "approval" | "decision" | "change";
};

// Runs a change to an estimate (in the caller's transaction, with the work order locked)
// and makes the money follow the counted lines: when the set of counted lines changes,
// the not-to-exceed becomes their net, the timeline says so and the contractor holding
// the task is emailed the new amount and scope, once per change.
export async function followCountedLines<T>(tx: TTx, context: TCountedChangeContext, change: () => Promise<T>) {
  const rule = await readCountRule(tx, context.organisationId);
  const countedIds = async () => {
    const lines = await tx.estimateLine.findMany({
      where: { workOrderId: context.workOrderId },
      orderBy: { position: "asc" },
    });
    return { lines: lines.filter((line) => isCounted(line, rule)), all: lines };
  };
  const before = (await countedIds()).lines.map((line) => line.id).join(",");
  const result = await change();
  const after = await countedIds();
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: context.organisationId },
    select: { name: true, currency: true },
  });
  const currency = organisation.currency;
  const notToExceed = moneyString(sumLines(after.lines, currency).net, currency);
  const changed = after.lines.map((line) => line.id).join(",") !== before;
  if (!changed) return { result, notToExceed, changed };

  const workOrder = await tx.workOrder.update({
    where: { id: context.workOrderId },
    data: { notToExceed },
    select: { id: true, number: true, title: true },
  });
  await recordEvent(tx, {
    organisationId: context.organisationId,
    workOrderId: workOrder.id,
    actor: context.actor,
    type: context.cause === "approval" ? "estimate.approved" : "estimate.counted_changed",
    data: { lines: after.lines.map((line) => line.description), notToExceed, currency },
  });
  const live = await tx.assignment.findFirst({
    where: { workOrderId: workOrder.id, status: { in: LIVE_STATUSES } },
    select: { id: true, contractorCompanyId: true },
  });
  if (live) {
    const lines = after.lines.map(
      (line) =>
        `${line.description}: ${quantityWithUnit(line.quantity, line.unitCode)} × ${formatMoney(line.unitPrice, currency)}`,
    );
    for (const to of await contractorOfficeEmails(tx, live.contractorCompanyId)) {
      await enqueueEmail(tx, {
        to,
        organisationId: context.organisationId,
        template: context.cause === "approval" ? "estimate-approved" : "estimate-scope-changed",
        data: {
          clientName: organisation.name,
          workOrderNumber: workOrder.number,
          title: workOrder.title,
          lines,
          notToExceed: formatMoney(notToExceed, currency),
          url: `${env.APP_URL}/desk/tasks/${live.id}`,
        },
      });
    }
  }
  return { result, notToExceed, changed };
}

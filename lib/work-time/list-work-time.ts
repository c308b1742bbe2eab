import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { assignmentScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { priceLine } from "@/lib/money/price-line";
import { sumLines } from "@/lib/money/sum-lines";
import { LABOUR_TYPES } from "./labour-types";

// A task's recorded time and costs, as the client's staff and the contractor's office see
// them (never the technician app: costs carry prices). Costs are at cost price, before
// any markup, in the client's currency.
export async function listWorkTime(actor: TStaffActor | TDeskActor, assignmentId: string) {
  const task = await db.assignment.findFirst({
    where: { ...assignmentScope(actor, "task.read"), id: assignmentId },
    select: {
      organisation: { select: { currency: true } },
      timeEntries: {
        include: { person: { include: { user: { select: { name: true } } } } },
        orderBy: [{ startedAt: "asc" }, { createdAt: "asc" }],
      },
      costEntries: {
        include: { receipts: { select: { id: true, filename: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!task) return null;
  const currency = task.organisation.currency;
  const costs = task.costEntries.map((cost) => ({
    ...cost,
    amount: priceLine({ quantity: cost.quantity, unitPrice: cost.unitCost, taxPercent: 0 }, currency).net,
  }));
  const minutesByType = LABOUR_TYPES.map((labourType) => ({
    labourType,
    minutes: task.timeEntries.filter((e) => e.labourType === labourType).reduce((sum, e) => sum + e.minutes, 0),
  })).filter((t) => t.minutes > 0);
  return {
    currency,
    time: task.timeEntries.map((entry) => ({ ...entry, personName: entry.person.user.name })),
    minutesByType,
    totalMinutes: task.timeEntries.reduce((sum, e) => sum + e.minutes, 0),
    costs,
    costTotal: sumLines(
      task.costEntries.map((c) => ({ quantity: c.quantity, unitPrice: c.unitCost, taxPercent: 0 })),
      currency,
    ).net,
  };
}

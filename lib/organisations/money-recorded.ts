import "server-only";
import { db, type TTx } from "@/lib/db";

// Where an organisation first holds an amount in its currency, or null when it holds
// none: until then the currency may change, after it every amount would change meaning.
// Each look is one row at most, through the table's organisation index.
export async function moneyRecorded(organisationId: string, tx: TTx = db): Promise<string | null> {
  const where = { organisationId };
  const [estimate, invoice, rateCard, cost, nte, workOrder] = await Promise.all([
    tx.estimateLine.findFirst({ where, select: { id: true } }),
    tx.invoice.findFirst({ where, select: { id: true } }),
    tx.rateCard.findFirst({ where, select: { id: true } }),
    tx.costEntry.findFirst({ where, select: { id: true } }),
    tx.nteIncreaseRequest.findFirst({ where, select: { id: true } }),
    tx.workOrder.findFirst({ where: { organisationId, notToExceed: { not: null } }, select: { id: true } }),
  ]);
  if (invoice) return "invoices";
  if (estimate) return "estimates";
  if (rateCard) return "rate cards";
  if (cost) return "costs";
  if (nte || workOrder) return "not-to-exceed amounts";
  return null;
}

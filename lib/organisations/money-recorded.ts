import "server-only";
import { db, type TTx } from "@/lib/db";

// Where an organisation first holds an amount in its currency, or null when it holds
// none: until then the currency may change, after it every amount would change meaning.
// One row at most per look, through each table's organisation index, stopping at the
// first found; the work orders' own not-to-exceed (no index on it) is looked at last.
export async function moneyRecorded(organisationId: string, tx: TTx = db): Promise<string | null> {
  const where = { organisationId };
  const select = { id: true } as const;
  const looks: [string, () => Promise<unknown>][] = [
    ["invoices", () => tx.invoice.findFirst({ where, select })],
    ["estimates", () => tx.estimateLine.findFirst({ where, select })],
    ["rate cards", () => tx.rateCard.findFirst({ where, select })],
    ["costs", () => tx.costEntry.findFirst({ where, select })],
    ["not-to-exceed amounts", () => tx.nteIncreaseRequest.findFirst({ where, select })],
    [
      "not-to-exceed amounts",
      () => tx.workOrder.findFirst({ where: { ...where, notToExceed: { not: null } }, select }),
    ],
  ];
  for (const [what, look] of looks) if (await look()) return what;
  return null;
}

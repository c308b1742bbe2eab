import "server-only";
import type { TTx } from "@/lib/db";

// The company's next generated invoice number, "INV-00042": sequential per contractor
// company, taken with one UPDATE ... RETURNING so two completions at once never share one.
// A number the office typed by hand is skipped over, not reused.
export async function nextInvoiceNumber(tx: TTx, contractorCompanyId: string): Promise<string> {
  for (;;) {
    const { lastInvoiceNumber } = await tx.contractorCompany.update({
      where: { id: contractorCompanyId },
      data: { lastInvoiceNumber: { increment: 1 } },
      select: { lastInvoiceNumber: true },
    });
    const number = `INV-${String(lastInvoiceNumber).padStart(5, "0")}`;
    const taken = await tx.invoice.findFirst({ where: { contractorCompanyId, number }, select: { id: true } });
    if (!taken) return number;
  }
}

import "server-only";
import type { Invoice } from "@/generated/prisma/client";
import { contractorOfficeEmails } from "@/lib/contractors/office-recipients";
import type { TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money/format-money";

// Tells the contractor's office what the client decided on an invoice, with the reasons.
export async function emailInvoiceDecision(
  tx: TTx,
  invoice: Pick<Invoice, "id" | "organisationId" | "contractorCompanyId" | "number" | "gross" | "currency">,
  clientName: string,
  decision: "approved" | "disputed" | "rejected",
  reasons: string[],
) {
  for (const to of await contractorOfficeEmails(tx, invoice.contractorCompanyId))
    await enqueueEmail(tx, {
      to,
      organisationId: invoice.organisationId,
      template: "invoice-decided",
      data: {
        clientName,
        number: invoice.number,
        decision,
        total: formatMoney(invoice.gross, invoice.currency),
        reasons,
        url: `${env.APP_URL}/desk/invoices/${invoice.id}`,
      },
    });
}

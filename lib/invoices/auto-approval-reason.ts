import { toDecimal, type TDecimalInput } from "@/lib/money/decimal";

// What an auto-approval says about itself, so anyone reading it later knows why no person
// approved the invoice.
export function autoApprovalReason(
  tolerances: {
    invoicePriceTolerancePercent: TDecimalInput;
    invoiceQuantityTolerancePercent: TDecimalInput;
    invoiceOnSiteToleranceMinutes: number;
  },
  documentName: string,
): string {
  return (
    "Approved automatically: no difference outside the tolerances " +
    `(price ${toDecimal(tolerances.invoicePriceTolerancePercent).toString()} %, ` +
    `quantity ${toDecimal(tolerances.invoiceQuantityTolerancePercent).toString()} %, ` +
    `${tolerances.invoiceOnSiteToleranceMinutes} min over the time on site), ` +
    `the contractor's invoice document attached (${documentName}) and the estimate approved.`
  );
}

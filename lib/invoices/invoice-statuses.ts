import type { InvoiceStatus } from "@/generated/prisma/client";

export const INVOICE_STATUSES: InvoiceStatus[] = ["DRAFT", "SUBMITTED", "DISPUTED", "APPROVED", "PAID", "REJECTED"];

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  DISPUTED: "Disputed",
  APPROVED: "Approved",
  PAID: "Paid",
  REJECTED: "Rejected",
};

import type { InvoiceStatus } from "@/generated/prisma/client";

export const INVOICE_STATUSES: InvoiceStatus[] = ["DRAFT", "SUBMITTED", "DISPUTED", "APPROVED", "PAID", "REJECTED"];

import "server-only";
import { stringify } from "csv-stringify/sync";
import type { TStaffActor } from "@/lib/auth/actor";
import { invoiceScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { moneyString } from "@/lib/money/money-string";
import { exportCalendarDay, exportDay, exportInstant } from "@/lib/time/export-instant";

const BATCH = 500;

// Calendar days (issue date, paid on) as stored; the approval, an instant, as the
// organisation's day and as ISO 8601 with its offset.
const header = (zone: string) => [
  "Invoice number",
  "Contractor",
  "Work order",
  "Title",
  "Purchase order",
  "Issue date",
  `Approved on (${zone})`,
  "Approved at (ISO 8601)",
  "Approved by",
  "Net",
  "Tax",
  "Gross",
  "Currency",
  "Status",
  "Paid on",
  "Payment reference",
];

// Approved (and paid) invoices for the accounting system, one row each, streamed in
// batches; amounts as lib/money's canonical strings in each invoice's currency.
export function exportApprovedInvoicesCsv(actor: TStaffActor): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const zone = actor.organisationTimeZone;
  let after: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${stringify([header(zone)])}`));
        return;
      }
      const rows = await db.invoice.findMany({
        where: { ...invoiceScope(actor), status: { in: ["APPROVED", "PAID"] } },
        orderBy: { id: "asc" },
        take: BATCH,
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
        include: {
          contractorCompany: { select: { name: true } },
          assignment: { select: { workOrder: { select: { number: true, title: true, purchaseOrder: true } } } },
        },
      });
      if (rows.length === 0) return controller.close();
      after = rows[rows.length - 1].id;
      const deciders = await db.user.findMany({
        where: { id: { in: rows.map((r) => r.decidedById).filter((id): id is string => id !== null) } },
        select: { id: true, name: true },
      });
      const nameOf = new Map(deciders.map((u) => [u.id, u.name]));
      controller.enqueue(
        encoder.encode(
          stringify(
            rows.map((invoice) => [
              invoice.number,
              invoice.contractorCompany.name,
              invoice.assignment.workOrder.number,
              invoice.assignment.workOrder.title,
              invoice.assignment.workOrder.purchaseOrder ?? "",
              exportCalendarDay(invoice.issueDate),
              exportDay(invoice.decidedAt, zone),
              exportInstant(invoice.decidedAt, zone),
              invoice.autoApproved ? "Auto-approval" : (nameOf.get(invoice.decidedById ?? "") ?? ""),
              moneyString(invoice.net, invoice.currency),
              moneyString(invoice.tax, invoice.currency),
              moneyString(invoice.gross, invoice.currency),
              invoice.currency,
              invoice.status === "PAID" ? "Paid" : "Approved",
              exportCalendarDay(invoice.paidAt),
              invoice.paymentReference ?? "",
            ]),
          ),
        ),
      );
      if (rows.length < BATCH) controller.close();
    },
  });
}

import "server-only";
import type { InvoiceStatus } from "@/generated/prisma/client";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { invoiceScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { totalByCurrency } from "@/lib/money/total-by-currency";
import type { TDifference } from "./check-invoice";

const PAGE = 200;

// Invoices by status for staff (their organisation's, as submitted) or a contractor's
// office (its companies'), newest first, with the count per status and the totals of
// the listed status per currency (a Desk bills clients in several).
export async function listInvoices(actor: TStaffActor | TDeskActor, status: InvoiceStatus | undefined) {
  const scope = invoiceScope(actor);
  const [rows, counts, sums] = await Promise.all([
    db.invoice.findMany({
      where: { ...scope, ...(status ? { status } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: PAGE,
      select: {
        id: true,
        number: true,
        status: true,
        currency: true,
        net: true,
        gross: true,
        issueDate: true,
        submittedAt: true,
        noRateCard: true,
        autoApproved: true,
        differences: true,
        assignmentId: true,
        contractorCompany: { select: { name: true } },
        organisation: { select: { name: true } },
        assignment: { select: { workOrder: { select: { id: true, number: true, title: true } } } },
      },
    }),
    db.invoice.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
    db.invoice.groupBy({
      by: ["currency"],
      where: { ...scope, ...(status ? { status } : {}) },
      _sum: { net: true, gross: true },
      _count: { _all: true },
    }),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, differenceCount: (row.differences as TDifference[]).length })),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<InvoiceStatus, number>>,
    totals: {
      count: sums.reduce((n, s) => n + s._count._all, 0),
      net: totalByCurrency(sums.map((s) => ({ amount: s._sum.net ?? 0, currency: s.currency }))),
      gross: totalByCurrency(sums.map((s) => ({ amount: s._sum.gross ?? 0, currency: s.currency }))),
    },
    truncated: rows.length === PAGE,
  };
}

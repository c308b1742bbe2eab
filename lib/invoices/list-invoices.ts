import "server-only";
import { Prisma, type InvoiceStatus } from "@/generated/prisma/client";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { invoiceScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor, type TSortKey } from "@/lib/lists/keyset";
import { totalByCurrency } from "@/lib/money/total-by-currency";
import type { TDifference } from "./check-invoice";

export const INVOICE_PAGE = 50;

// Newest first; a page is the invoices after the last one shown (keyset, lib/lists).
const KEYS: TSortKey<{ createdAt: Date; id: string }>[] = [
  { sql: Prisma.sql`"createdAt"`, type: "timestamp", of: (row) => row.createdAt },
  { sql: Prisma.sql`id`, type: "text", of: (row) => row.id },
];

// Invoices by status for staff (their organisation's, as submitted) or a contractor's
// office (its companies'), newest first a page at a time, with the count per status and
// the totals of the listed status per currency (a Desk bills clients in several).
export async function listInvoices(
  actor: TStaffActor | TDeskActor,
  status: InvoiceStatus | undefined,
  after?: string,
  pageSize = INVOICE_PAGE,
) {
  const scope = invoiceScope(actor);
  const cursor = decodeCursor(after, KEYS);
  const afterCursor: Prisma.InvoiceWhereInput = cursor
    ? {
        OR: [
          { createdAt: { lt: new Date(cursor[0] as string) } },
          { createdAt: new Date(cursor[0] as string), id: { lt: cursor[1] as string } },
        ],
      }
    : {};
  const [found, counts, sums] = await Promise.all([
    db.invoice.findMany({
      where: { ...scope, ...(status ? { status } : {}), ...afterCursor },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: pageSize + 1,
      select: {
        id: true,
        number: true,
        status: true,
        currency: true,
        net: true,
        gross: true,
        issueDate: true,
        createdAt: true,
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
  const rows = found.slice(0, pageSize);
  const last = rows.at(-1);
  return {
    rows: rows.map((row) => ({ ...row, differenceCount: (row.differences as TDifference[]).length })),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<InvoiceStatus, number>>,
    totals: {
      count: sums.reduce((n, s) => n + s._count._all, 0),
      net: totalByCurrency(sums.map((s) => ({ amount: s._sum.net ?? 0, currency: s.currency }))),
      gross: totalByCurrency(sums.map((s) => ({ amount: s._sum.gross ?? 0, currency: s.currency }))),
    },
    // The next page's cursor, when there is one; `after` tells the page it is not the first.
    nextCursor: found.length > pageSize && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    after: cursor ? after : undefined,
  };
}

import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { TDeskActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor, type TSortKey } from "@/lib/lists/keyset";
import { now as presentMoment } from "@/lib/time/now";
import { quotePhase } from "./quote-phase";

export const DESK_QUOTE_PAGE = 50;
export const ZDeskQuoteQuery = z.object({
  show: z.enum(["open", "all"]).catch("open"),
  after: z.string().max(200).optional().catch(undefined),
});
export type TDeskQuoteQuery = z.infer<typeof ZDeskQuoteQuery>;

type TRow = { deadline: Date; quoteRequestId: string; id: string };
const KEYS: TSortKey<TRow>[] = [
  { sql: Prisma.sql`deadline`, type: "timestamp", of: (row) => row.deadline },
  { sql: Prisma.sql`"quoteRequestId"`, type: "text", of: (row) => row.quoteRequestId },
  { sql: Prisma.sql`id`, type: "text", of: (row) => row.id },
];

// The requests for quote sent to the person's companies, from every client, in one list:
// those still open for an answer first by deadline (or every one, latest deadline first),
// a page at a time, each with whether the company has answered.
export async function listDeskInvitations(actor: TDeskActor, query: TDeskQuoteQuery, now = presentMoment()) {
  const companies = deskCompaniesAllowed(actor, "quote.answer");
  const open = query.show === "open";
  const cursor = decodeCursor(query.after, KEYS);
  const beyond = open ? "gt" : "lt";
  const request: Prisma.QuoteRequestWhereInput = open
    ? { status: "OPEN", deadline: { gt: now } }
    : { status: { not: "DRAFT" } };
  const at = cursor ? new Date(cursor[0] as string) : null;
  const where: Prisma.QuoteInvitationWhereInput = {
    contractorCompanyId: { in: companies },
    ...(open ? { status: { in: ["INVITED", "DECLINED"] } } : {}),
    quoteRequest: request,
    ...(cursor && at
      ? {
          OR: [
            { quoteRequest: { deadline: { [beyond]: at } } },
            { quoteRequest: { deadline: at }, quoteRequestId: { [beyond]: cursor[1] as string } },
            {
              quoteRequest: { deadline: at },
              quoteRequestId: cursor[1] as string,
              id: { [beyond]: cursor[2] as string },
            },
          ],
        }
      : {}),
  };
  const dir = open ? "asc" : "desc";
  const found = companies.length
    ? await db.quoteInvitation.findMany({
        where,
        orderBy: [{ quoteRequest: { deadline: dir } }, { quoteRequestId: dir }, { id: dir }],
        take: DESK_QUOTE_PAGE + 1,
        select: {
          id: true,
          status: true,
          answeredAt: true,
          contractorCompany: { select: { name: true } },
          quoteRequestId: true,
          quoteRequest: {
            select: {
              id: true,
              organisation: { select: { name: true } },
              status: true,
              deadline: true,
              workOrder: { select: { title: true, site: { select: { city: true, timezone: true } } } },
            },
          },
        },
      })
    : [];
  const rows = found.slice(0, DESK_QUOTE_PAGE);
  const last = rows.at(-1);
  return {
    rows: rows.map((row) => ({ ...row, phase: quotePhase(row.quoteRequest, now) })),
    nextCursor:
      found.length > DESK_QUOTE_PAGE && last
        ? encodeCursor([last.quoteRequest.deadline.toISOString(), last.quoteRequestId, last.id])
        : null,
    severalCompanies: companies.length > 1,
  };
}

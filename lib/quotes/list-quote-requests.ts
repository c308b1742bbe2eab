import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor, type TSortKey } from "@/lib/lists/keyset";
import { now as presentMoment } from "@/lib/time/now";
import { quotePhase, type TQuotePhase } from "./quote-phase";

export const QUOTE_LIST_PAGE = 50;
export const QUOTE_PHASES = ["draft", "open", "closed", "awarded", "cancelled"] as const satisfies TQuotePhase[];
export const ZQuoteListQuery = z.object({
  phase: z.enum(QUOTE_PHASES).optional().catch(undefined),
  sort: z.enum(["deadline", "created"]).catch("deadline"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  after: z.string().max(200).optional().catch(undefined),
});
export type TQuoteListQuery = z.infer<typeof ZQuoteListQuery>;

// Where a phase is in the table: "closed" is an open request whose deadline has passed.
function phaseWhere(phase: TQuotePhase | undefined, now: Date): Prisma.QuoteRequestWhereInput {
  switch (phase) {
    case undefined:
      return {};
    case "open":
      return { status: "OPEN", deadline: { gt: now } };
    case "closed":
      return { status: "OPEN", deadline: { lte: now } };
    default:
      return { status: phase.toUpperCase() as "DRAFT" | "AWARDED" | "CANCELLED" };
  }
}

type TRow = { deadline: Date; createdAt: Date; id: string };
const keysFor = (sort: TQuoteListQuery["sort"]): TSortKey<TRow>[] => [
  {
    sql: sort === "deadline" ? Prisma.sql`deadline` : Prisma.sql`"createdAt"`,
    type: "timestamp",
    of: (row) => (sort === "deadline" ? row.deadline : row.createdAt),
  },
  { sql: Prisma.sql`id`, type: "text", of: (row) => row.id },
];

// The organisation's requests for quote a page at a time (keyset on the sort column and
// the id), with the count in each phase and, per request, how many were invited and how
// many have answered.
export async function listQuoteRequests(actor: TStaffActor, query: TQuoteListQuery, now = presentMoment()) {
  const keys = keysFor(query.sort);
  const cursor = decodeCursor(query.after, keys);
  const column = query.sort === "deadline" ? "deadline" : "createdAt";
  const beyond = query.dir === "asc" ? "gt" : "lt";
  const afterCursor: Prisma.QuoteRequestWhereInput = cursor
    ? {
        OR: [
          { [column]: { [beyond]: new Date(cursor[0] as string) } },
          { [column]: new Date(cursor[0] as string), id: { [beyond]: cursor[1] as string } },
        ],
      }
    : {};
  const organisationId = actor.organisationId;
  const [found, byStatus, closed] = await Promise.all([
    db.quoteRequest.findMany({
      where: { organisationId, ...phaseWhere(query.phase, now), ...afterCursor },
      orderBy: [{ [column]: query.dir }, { id: query.dir }],
      take: QUOTE_LIST_PAGE + 1,
      select: {
        id: true,
        status: true,
        deadline: true,
        createdAt: true,
        sealed: true,
        workOrder: {
          select: { id: true, number: true, title: true, site: { select: { name: true, timezone: true } } },
        },
        _count: { select: { invitations: true } },
      },
    }),
    db.quoteRequest.groupBy({ by: ["status"], where: { organisationId }, _count: { _all: true } }),
    db.quoteRequest.count({ where: { organisationId, ...phaseWhere("closed", now) } }),
  ]);
  const rows = found.slice(0, QUOTE_LIST_PAGE);
  const answered = rows.length
    ? await db.quoteInvitation.groupBy({
        by: ["quoteRequestId"],
        where: {
          quoteRequestId: { in: rows.map((r) => r.id) },
          answeredAt: { not: null },
          status: { not: "DECLINED" },
        },
        _count: { _all: true },
      })
    : [];
  const count = (status: string) => byStatus.find((s) => s.status === status)?._count._all ?? 0;
  const last = rows.at(-1);
  return {
    rows: rows.map((row) => ({
      ...row,
      phase: quotePhase(row, now),
      invited: row._count.invitations,
      answered: answered.find((a) => a.quoteRequestId === row.id)?._count._all ?? 0,
    })),
    counts: {
      draft: count("DRAFT"),
      open: count("OPEN") - closed,
      closed,
      awarded: count("AWARDED"),
      cancelled: count("CANCELLED"),
    } satisfies Record<TQuotePhase, number>,
    nextCursor:
      found.length > QUOTE_LIST_PAGE && last
        ? encodeCursor(
            keys.map((key) => {
              const v = key.of(last);
              return v instanceof Date ? v.toISOString() : v;
            }),
          )
        : null,
  };
}

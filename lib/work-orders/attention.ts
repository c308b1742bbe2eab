import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import type { TWorkOrderListFilters } from "./schemas";

export type TAttention = NonNullable<TWorkOrderListFilters["needs"]>;

const HOUR = 3_600_000;
const SLA_SOON_HOURS = 24;

// What needs the client's staff now, each group a filter of the work order list:
// - answer: offered to a contractor who has not answered within OFFER_ANSWER_HOURS;
// - sla: not finished, and its SLA due within 24 hours or already breached;
// - review: the contractor completed it and it waits for the staff's review;
// - reply: the last message on it is the contractor's, so the client owes an answer;
// - nte: the contractor asked for a higher not-to-exceed and waits for a decision.
export const ATTENTION: { needs: TAttention; label: string }[] = [
  { needs: "answer", label: `Offers unanswered after ${env.OFFER_ANSWER_HOURS} h` },
  { needs: "sla", label: `SLA due within ${SLA_SOON_HOURS} h or breached` },
  { needs: "review", label: "Completed, awaiting your review" },
  { needs: "reply", label: "A contractor's message to answer" },
  { needs: "nte", label: "Not-to-exceed increases to decide" },
];

// The SQL condition on a work order `w` for one group, at `now`. Each is state kept on the
// work order as it changes and read from an index holding only that group's rows (partial
// indexes of the migrations attention_counts_by_index, desk_action_order_index and
// attention_state_on_work_orders), so a count costs what the group holds, not what the
// organisation has ever done.
export function attentionCondition(needs: TAttention, now: Date): Prisma.Sql {
  const at = (instant: Date) => Prisma.sql`${instant.toISOString()}::timestamp(3)`;
  switch (needs) {
    case "answer":
      return Prisma.sql`w."offerWaitingSince" < ${at(new Date(now.getTime() - env.OFFER_ANSWER_HOURS * HOUR))}`;
    case "sla":
      return Prisma.sql`(w."slaDueAt" < ${at(new Date(now.getTime() + SLA_SOON_HOURS * HOUR))}
        AND w.status NOT IN ('COMPLETED', 'CANCELLED'))`;
    case "review":
      return Prisma.sql`w.status = 'AWAITING_REVIEW'`;
    case "reply":
      return Prisma.sql`w."awaitingReplySince" IS NOT NULL`;
    case "nte":
      return Prisma.sql`w."nteIncreasePendingSince" IS NOT NULL`;
  }
}

import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { deskCompaniesAllowed, staffCan } from "@/lib/authz/permissions";
import { rateCardScope } from "@/lib/authz/scopes";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { emailRateCardNews } from "./email-rate-card-news";
import type { TAnswerRateCardInput } from "./schemas";

// The other side accepts a proposal (it is in force from its first day) or rejects it.
// The proposer's side is emailed. The same answer again changes nothing and sends nothing;
// a proposal already answered otherwise is a conflict.
export async function answerRateCard(actor: TStaffActor | TDeskActor, input: TAnswerRateCardInput) {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "RateCard" WHERE id = ${input.rateCardId} FOR UPDATE`;
    const card = locked && (await tx.rateCard.findFirst({ where: { ...rateCardScope(actor), id: locked.id } }));
    if (!card) throw notFound("Rate card");
    const side = actor.kind === "staff" ? "client" : "contractor";
    const mayAnswer =
      actor.kind === "staff"
        ? staffCan(actor, "rates.negotiate")
        : deskCompaniesAllowed(actor, "rates.negotiate").includes(card.contractorCompanyId);
    if (!mayAnswer) throw forbidden();
    if (card.proposedBy === side) throw new AppError("CONFLICT", "The other side answers a proposal, not its author.");
    const status = input.decision === "accept" ? "ACCEPTED" : "REJECTED";
    if (card.status === status) return card;
    if (card.status !== "PROPOSED") throw new AppError("CONFLICT", "This proposal has been answered already.");
    const answered = await tx.rateCard.update({
      where: { id: card.id },
      data: { status, decidedAt: new Date(), decidedById: actor.userId },
    });
    await emailRateCardNews(tx, answered, input.decision === "accept" ? "accepted" : "rejected", side);
    return answered;
  });
}

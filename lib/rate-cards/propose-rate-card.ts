import "server-only";
import type { TDeskActor, TStaffActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, invalidInput } from "@/lib/errors";
import { checkAmountForCurrency } from "@/lib/money/check-amount-for-currency";
import { emailRateCardNews } from "./email-rate-card-news";
import { resolveParties } from "./resolve-parties";
import type { TProposeRateCardInput } from "./schemas";

const RATES = ["normalRate", "overtimeRate", "calloutRate", "travelRate", "calloutFee"] as const;

// A proposal of terms, as the next version between the two parties; answering the other
// side's open proposal with one (a counter-offer) marks that one countered. Nothing is in
// force until the other side accepts; the other side is emailed.
export async function proposeRateCard(actor: TStaffActor | TDeskActor, input: TProposeRateCardInput) {
  return db.$transaction(async (tx) => {
    const parties = await resolveParties(tx, actor, input.partyId);
    const amounts = Object.fromEntries(
      RATES.map((field) => [field, checkAmountForCurrency(field, input[field], parties.currency)!]),
    ) as Record<(typeof RATES)[number], string>;
    if (input.categoryId) {
      const trade = await tx.category.findFirst({
        where: { id: input.categoryId, organisationId: parties.organisationId },
        select: { id: true },
      });
      if (!trade)
        throw invalidInput("Please correct the highlighted fields.", { categoryId: ["Choose one of the trades"] });
    }
    let answeredTrade: string | null = null;
    if (input.answersId) {
      const answered = await tx.rateCard.findFirst({
        where: {
          id: input.answersId,
          organisationId: parties.organisationId,
          contractorCompanyId: parties.contractorCompanyId,
        },
      });
      if (!answered) throw new AppError("NOT_FOUND", "Rate card not found");
      if (answered.status !== "PROPOSED" || answered.proposedBy === parties.side)
        throw new AppError("CONFLICT", "Only the other side's open proposal can be countered.");
      await tx.rateCard.update({ where: { id: answered.id }, data: { status: "COUNTERED", decidedAt: new Date() } });
      // A counter-offer is for the trade of what it answers.
      answeredTrade = answered.categoryId;
    }
    const last = await tx.rateCard.aggregate({
      where: { organisationId: parties.organisationId, contractorCompanyId: parties.contractorCompanyId },
      _max: { version: true },
    });
    const card = await tx.rateCard.create({
      data: {
        organisationId: parties.organisationId,
        contractorCompanyId: parties.contractorCompanyId,
        categoryId: input.categoryId ?? answeredTrade,
        version: (last._max.version ?? 0) + 1,
        proposedBy: parties.side,
        proposedById: actor.userId,
        answersId: input.answersId ?? null,
        currency: parties.currency,
        ...amounts,
        materialMarkupPercent: input.materialMarkupPercent,
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        note: input.note,
      },
    });
    await emailRateCardNews(tx, card, input.answersId ? "countered" : "proposed", parties.side);
    return card;
  });
}

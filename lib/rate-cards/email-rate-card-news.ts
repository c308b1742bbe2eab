import "server-only";
import type { RateCard } from "@/generated/prisma/client";
import { deskRolesWith, staffRolesWith } from "@/lib/authz/permissions";
import type { TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { formatMoney } from "@/lib/money/format-money";
import { formatCalendarDay } from "@/lib/time/zones";

export type TRateCardNews = "proposed" | "countered" | "accepted" | "rejected";

// Tells the other side of a rate card what one side did with it: the people there who may
// answer or agree terms (rates.negotiate), each with a link to their own rate card page.
export async function emailRateCardNews(
  tx: TTx,
  card: RateCard,
  news: TRateCardNews,
  actingSide: "client" | "contractor",
) {
  const [organisation, company, trade] = await Promise.all([
    tx.organisation.findUniqueOrThrow({ where: { id: card.organisationId }, select: { name: true } }),
    tx.contractorCompany.findUniqueOrThrow({ where: { id: card.contractorCompanyId }, select: { name: true } }),
    card.categoryId ? tx.category.findUnique({ where: { id: card.categoryId }, select: { name: true } }) : null,
  ]);
  const toContractor = actingSide === "client";
  const recipients = toContractor
    ? await tx.contractorPerson.findMany({
        where: {
          contractorCompanyId: card.contractorCompanyId,
          active: true,
          role: { in: [...deskRolesWith("rates.negotiate")] },
          user: { deactivatedAt: null },
        },
        select: { user: { select: { email: true } } },
      })
    : await tx.membership.findMany({
        where: {
          organisationId: card.organisationId,
          role: { in: [...staffRolesWith("rates.negotiate")] },
          user: { deactivatedAt: null },
        },
        select: { user: { select: { email: true } } },
      });
  const money = (amount: RateCard["normalRate"]) => formatMoney(amount, card.currency);
  const terms = [
    `Per hour: normal ${money(card.normalRate)}, overtime ${money(card.overtimeRate)}, call-out ${money(card.calloutRate)}, travel ${money(card.travelRate)}`,
    `Call-out fee ${money(card.calloutFee)}, material markup ${card.materialMarkupPercent.toString()} %`,
    `From ${formatCalendarDay(card.validFrom)}${card.validTo ? ` to ${formatCalendarDay(card.validTo)}` : ", until a later version"}`,
    ...(card.note && (news === "proposed" || news === "countered") ? [`Their note: ${card.note}`] : []),
  ];
  const url = toContractor
    ? `${env.APP_URL}/desk/company/rates`
    : `${env.APP_URL}/staff/contractors/${card.contractorCompanyId}/rates`;
  for (const { user } of recipients)
    await enqueueEmail(tx, {
      to: user.email,
      organisationId: card.organisationId,
      template: "rate-card-news",
      data: {
        fromName: toContractor ? organisation.name : company.name,
        news,
        version: card.version,
        trade: trade?.name ?? null,
        terms,
        url,
      },
    });
}

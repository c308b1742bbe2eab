import "server-only";
import type { RateCard } from "@/generated/prisma/client";
import { deskRolesWith, staffRolesWith } from "@/lib/authz/permissions";
import { contractorOfficeEmails } from "@/lib/contractors/office-recipients";
import type { TTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { env } from "@/lib/env";
import { staffApproverEmails } from "@/lib/invoices/staff-approver-emails";
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
    ? await contractorOfficeEmails(tx, card.contractorCompanyId, deskRolesWith("rates.negotiate"))
    : await staffApproverEmails(tx, card.organisationId, staffRolesWith("rates.negotiate"));
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
  for (const to of recipients)
    await enqueueEmail(tx, {
      to,
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

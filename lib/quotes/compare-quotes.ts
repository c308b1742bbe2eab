import "server-only";
import { checkCompliance } from "@/lib/compliance/check-compliance";
import { networkPerformance } from "@/lib/contractors/network-performance";
import { db } from "@/lib/db";
import { priceLine } from "@/lib/money/price-line";
import { alignAnswers } from "./align-answers";
import type { getQuoteRequest, TPricedRevision } from "./get-quote-request";

type TStaffQuoteRequest = Awaited<ReturnType<typeof getQuoteRequest>>;

// The answers of a request side by side, one column per invitee in the order invited:
// its latest submitted answer (total, proposed date, validity), where it stands with the
// compliance gate for the work order's trade and how the company has performed for the
// organisation; the lines aligned row by row. Null while the answers are sealed: the
// request was read without them.
export async function compareQuotes(request: TStaffQuoteRequest, now: Date) {
  if (!request.answersOpen) return null;
  const companyIds = request.invitations.flatMap((i) => (i.contractorCompany ? [i.contractorCompany.id] : []));
  const [compliance, performance] = await Promise.all([
    checkCompliance(db, request.workOrder.categoryId, companyIds, now),
    networkPerformance(request.organisationId, companyIds),
  ]);
  const columns = request.invitations.map((invitation) => {
    // Read with prices: the answers are open (above).
    const latest =
      invitation.status === "DECLINED" ? null : ((invitation.revisions[0] as TPricedRevision | undefined) ?? null);
    const answer = latest
      ? {
          ...latest,
          stale: latest.requestVersion < request.version,
          lines: latest.lines.map((line) => ({ ...line, net: priceLine(line, latest.currency).net })),
        }
      : null;
    // Earlier submissions, newest first: staff see how an answer moved.
    const history = (invitation.revisions as TPricedRevision[])
      .filter((revision) => revision !== latest)
      .map((revision) => ({
        number: revision.number,
        submittedAt: revision.submittedAt,
        gross: revision.gross,
        currency: revision.currency,
      }));
    const companyId = invitation.contractorCompany?.id;
    return {
      invitationId: invitation.id,
      bidder: invitation.bidder,
      status: invitation.status,
      outside: invitation.outside,
      declineReason: invitation.declineReason,
      answer,
      history,
      compliance: companyId ? compliance.get(companyId)! : null,
      overridden: invitation.complianceOverride !== null,
      performance: companyId ? (performance.get(companyId) ?? null) : null,
    };
  });
  const aligned = alignAnswers(columns.map((c) => c.answer));
  return { columns, ...aligned };
}

export type TQuoteComparison = NonNullable<Awaited<ReturnType<typeof compareQuotes>>>;

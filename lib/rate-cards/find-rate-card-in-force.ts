import "server-only";
import type { TTx } from "@/lib/db";
import { db } from "@/lib/db";
import { rateCardInForce } from "./rate-card-in-force";

// The accepted card that prices a task's work done on `workDay` in its trade, or null.
export async function findRateCardInForce(
  pair: { organisationId: string; contractorCompanyId: string; categoryId: string | null; workDay: string },
  client: TTx | typeof db = db,
) {
  const cards = await client.rateCard.findMany({
    where: {
      organisationId: pair.organisationId,
      contractorCompanyId: pair.contractorCompanyId,
      status: "ACCEPTED",
    },
  });
  return rateCardInForce(cards, pair.workDay, pair.categoryId);
}

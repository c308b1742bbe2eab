type TCard = {
  status: string;
  version: number;
  categoryId: string | null;
  validFrom: Date;
  validTo: Date | null;
};

// The card that prices work done on `workDay` ("2026-12-01", the site's calendar day) in
// trade `categoryId`: an accepted card valid that day, one for the trade before one for
// every trade, the highest version first. Null when none is in force: the work is then
// flagged, never priced at 0.
export function rateCardInForce<C extends TCard>(cards: C[], workDay: string, categoryId: string | null): C | null {
  const day = Date.parse(`${workDay}T00:00:00Z`);
  const valid = cards.filter(
    (card) =>
      card.status === "ACCEPTED" &&
      card.validFrom.getTime() <= day &&
      (card.validTo === null || day <= card.validTo.getTime()) &&
      (card.categoryId === null || card.categoryId === categoryId),
  );
  const ranked = valid.sort(
    (a, b) => Number(b.categoryId !== null) - Number(a.categoryId !== null) || b.version - a.version,
  );
  return ranked[0] ?? null;
}

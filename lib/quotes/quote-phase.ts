// Where a request stands at a moment: still a draft, open for answers until its deadline,
// closed after it (read from the deadline, never stored), awarded or cancelled.
export type TQuotePhase = "draft" | "open" | "closed" | "awarded" | "cancelled";

type TRequestState = { status: "DRAFT" | "OPEN" | "AWARDED" | "CANCELLED"; deadline: Date };

export function quotePhase(request: TRequestState, now: Date): TQuotePhase {
  switch (request.status) {
    case "DRAFT":
      return "draft";
    case "AWARDED":
      return "awarded";
    case "CANCELLED":
      return "cancelled";
    case "OPEN":
      return request.deadline <= now ? "closed" : "open";
  }
}

// Whether staff may see the prices and lines of the answers: always for an unsealed
// request; for a sealed one, once its deadline has passed or a manager opened it early.
export function answersOpen(
  request: TRequestState & { sealed: boolean; openedEarlyAt: Date | null },
  now: Date,
): boolean {
  return !request.sealed || request.deadline <= now || request.openedEarlyAt !== null || request.status === "AWARDED";
}

// Why a bidder's page is read-only, or null while it may still answer.
export function whyReadOnly(phase: TQuotePhase): string | null {
  switch (phase) {
    case "open":
      return null;
    case "draft":
      return "This request has not been sent.";
    case "closed":
      return "The deadline for answers has passed.";
    case "awarded":
      return "This request has been awarded.";
    case "cancelled":
      return "This request has been cancelled.";
  }
}

// A link stays readable for 14 days after the deadline.
export const LINK_READABLE_DAYS_AFTER_DEADLINE = 14;
export const linkExpiry = (deadline: Date) =>
  new Date(deadline.getTime() + LINK_READABLE_DAYS_AFTER_DEADLINE * 86_400_000);

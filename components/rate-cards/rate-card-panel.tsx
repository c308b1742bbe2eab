import { DialogButton } from "@/components/ui/dialog";
import { ActionForm, SubmitButton } from "@/components/ui/action-form";
import { formatCalendarDay } from "@/components/ui/format";
import { TableScroll } from "@/components/ui/table-scroll";
import type { TActionResult } from "@/lib/actions/result";
import type { listRateCards } from "@/lib/rate-cards/list-rate-cards";
import { formatMoney } from "@/lib/money/format-money";
import { moneyString } from "@/lib/money/money-string";
import { RateCardForm } from "./rate-card-form";

type TAction = (previous: unknown, formData: FormData) => Promise<TActionResult<unknown>>;
type TCard = Awaited<ReturnType<typeof listRateCards>>[number];

const STATUS = {
  PROPOSED: { label: "Proposed", tone: "info" },
  ACCEPTED: { label: "Accepted", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
  COUNTERED: { label: "Countered", tone: "neutral" },
} as const;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

// Every version of the terms between two parties, newest first, with what this side may
// do: answer the other side's open proposal (accept, reject, counter) or propose anew.
export function RateCardPanel({
  title,
  cards,
  side,
  partyId,
  currency,
  trades,
  canNegotiate,
  actions,
}: {
  title: string;
  cards: TCard[];
  side: "client" | "contractor";
  partyId: string;
  currency: string;
  trades: { id: string; name: string }[];
  canNegotiate: boolean;
  actions: { propose: TAction; answer: TAction };
}) {
  const tradeName = (id: string | null) =>
    id ? (trades.find((t) => t.id === id)?.name ?? "One trade") : "Every trade";
  const money = (amount: TCard["normalRate"]) => formatMoney(amount, currency);
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {cards.length === 0 ? (
        <p className="muted">
          No rate card yet. Work completed without an accepted card in force is flagged, not priced at nothing.
        </p>
      ) : (
        <TableScroll label={`${title}: versions`}>
          <table className="table table-stack" aria-label={`${title}: versions`}>
            <thead>
              <tr>
                <th>Version</th>
                <th>Trade</th>
                <th className="num">Normal</th>
                <th className="num">Overtime</th>
                <th className="num">Call-out</th>
                <th className="num">Travel</th>
                <th className="num">Call-out fee</th>
                <th className="num">Markup</th>
                <th>Valid</th>
              </tr>
            </thead>
            <tbody>
              {cards.map((card) => (
                <tr key={card.id} data-testid={`rate-card-${card.version}`}>
                  <td>
                    <span className="stack-only">Version </span>
                    {card.version}{" "}
                    <span className={`badge badge-${STATUS[card.status].tone}`}>{STATUS[card.status].label}</span>
                    <small className="muted">
                      {" "}
                      by {card.proposedBy === side ? "you" : side === "client" ? "the contractor" : "the client"}
                    </small>
                  </td>
                  <td data-label="Trade">{tradeName(card.categoryId)}</td>
                  <td className="num" data-label="Normal, per hour">
                    {money(card.normalRate)}
                  </td>
                  <td className="num" data-label="Overtime, per hour">
                    {money(card.overtimeRate)}
                  </td>
                  <td className="num" data-label="Call-out, per hour">
                    {money(card.calloutRate)}
                  </td>
                  <td className="num" data-label="Travel, per hour">
                    {money(card.travelRate)}
                  </td>
                  <td className="num" data-label="Call-out fee">
                    {money(card.calloutFee)}
                  </td>
                  <td className="num" data-label="Markup">
                    {card.materialMarkupPercent.toString()} %
                  </td>
                  <td data-label="Valid">
                    {formatCalendarDay(card.validFrom)} – {card.validTo ? formatCalendarDay(card.validTo) : "open"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canNegotiate &&
        cards
          .filter((card) => card.status === "PROPOSED" && card.proposedBy !== side)
          .map((card) => (
            <div key={card.id} className="alert alert-info" data-testid={`answer-${card.version}`}>
              <p>
                Version {card.version} waits for your answer{card.note ? `: “${card.note}”` : "."}
              </p>
              <div className="button-row">
                <ActionForm action={actions.answer} className="inline-form" toast="Accepted: these rates are in force.">
                  <input type="hidden" name="rateCardId" value={card.id} />
                  <input type="hidden" name="decision" value="accept" />
                  <SubmitButton>Accept</SubmitButton>
                </ActionForm>
                <ActionForm action={actions.answer} className="inline-form" toast="Rejected.">
                  <input type="hidden" name="rateCardId" value={card.id} />
                  <input type="hidden" name="decision" value="reject" />
                  <SubmitButton variant="danger">Reject</SubmitButton>
                </ActionForm>
              </div>
              <DialogButton label="Counter with other terms…" title="Counter with other terms" wide>
                <RateCardForm
                  action={actions.propose}
                  partyId={partyId}
                  currency={currency}
                  answersId={card.id}
                  idPrefix={`counter-${card.version}`}
                  submitLabel="Send counter-proposal"
                  values={{
                    normalRate: moneyString(card.normalRate, currency),
                    overtimeRate: moneyString(card.overtimeRate, currency),
                    calloutRate: moneyString(card.calloutRate, currency),
                    travelRate: moneyString(card.travelRate, currency),
                    calloutFee: moneyString(card.calloutFee, currency),
                    materialMarkupPercent: card.materialMarkupPercent.toString(),
                    validFrom: day(card.validFrom),
                    validTo: day(card.validTo),
                  }}
                />
              </DialogButton>
            </div>
          ))}
      {canNegotiate && (
        <DialogButton
          label={cards.length ? "Propose a change…" : "Propose terms…"}
          title={cards.length ? "Propose a change" : "Propose terms"}
          variant="primary"
          wide
        >
          <RateCardForm
            action={actions.propose}
            partyId={partyId}
            currency={currency}
            trades={side === "client" ? trades : undefined}
            idPrefix="propose"
            submitLabel="Send proposal"
          />
        </DialogButton>
      )}
    </section>
  );
}

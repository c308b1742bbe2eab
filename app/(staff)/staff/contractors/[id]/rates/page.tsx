import Link from "next/link";
import { notFound } from "next/navigation";
import { RateCardPanel } from "@/components/rate-cards/rate-card-panel";
import { requireStaffActor } from "@/lib/auth/session";
import { staffCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { getRateCardContractor } from "@/lib/rate-cards/list-rate-card-parties";
import { listRateCards } from "@/lib/rate-cards/list-rate-cards";
import { answerRateCardAction, proposeRateCardAction } from "../../../actions";

export const metadata = { title: "Rate cards · Fieldgate" };

export default async function ContractorRatesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStaffActor(`/staff/contractors/${id}/rates`);
  const party = await getRateCardContractor(actor, id).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const cards = await listRateCards(actor, party.company.id);
  return (
    <>
      <p>
        <Link href="/staff/contractors">← Contractors</Link>
      </p>
      <header className="page-header">
        <div>
          <p className="muted">{party.company.name}</p>
          <h1>Rate cards</h1>
        </div>
      </header>
      <RateCardPanel
        title={`Terms with ${party.company.name}`}
        cards={cards}
        side="client"
        partyId={party.company.id}
        currency={party.currency}
        trades={party.trades}
        canNegotiate={staffCan(actor, "rates.negotiate")}
        actions={{ propose: proposeRateCardAction, answer: answerRateCardAction }}
      />
    </>
  );
}

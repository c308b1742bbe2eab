import { notFound } from "next/navigation";
import { RateCardPanel } from "@/components/rate-cards/rate-card-panel";
import { EmptyState } from "@/components/ui/empty-state";
import { requireDeskActor } from "@/lib/auth/session";
import { deskCan } from "@/lib/authz/permissions";
import { listRateCardClients } from "@/lib/rate-cards/list-rate-card-parties";
import { listRateCards } from "@/lib/rate-cards/list-rate-cards";
import { answerRateCardAction, proposeRateCardAction } from "../../actions";

export const metadata = { title: "Rate cards · Fieldgate Desk" };

export default async function DeskRatesPage() {
  const actor = await requireDeskActor("/desk/company/rates");
  if (!deskCan(actor, "rates.read")) notFound();
  const clients = await listRateCardClients(actor);
  const cards = await Promise.all(clients.map((client) => listRateCards(actor, client.id)));
  return (
    <>
      <h1>Rate cards</h1>
      {clients.length === 0 && (
        <EmptyState title="No clients yet">A client&apos;s invitation brings you here.</EmptyState>
      )}
      {clients.map((client, i) => (
        <RateCardPanel
          key={client.id}
          title={`Terms with ${client.name}`}
          cards={cards[i]}
          side="contractor"
          partyId={client.id}
          currency={client.currency}
          trades={client.categories}
          canNegotiate={deskCan(actor, "rates.negotiate")}
          actions={{ propose: proposeRateCardAction, answer: answerRateCardAction }}
        />
      ))}
    </>
  );
}

import { requireStaffActor } from "@/lib/auth/session";
import { QuoteRequestList } from "@/components/quotes/quote-request-list";
import { listQuoteRequests, ZQuoteListQuery } from "@/lib/quotes/list-quote-requests";
import { readReaderClock } from "@/lib/time/read-reader-clock";

export const metadata = { title: "Requests for quote · Fieldgate" };

export default async function QuoteRequestsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireStaffActor("/staff/quotes");
  const query = ZQuoteListQuery.parse(await searchParams);
  const [list, clock] = await Promise.all([
    listQuoteRequests(actor, query),
    readReaderClock(actor.organisationTimeZone),
  ]);
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Requests for quote</h1>
          <p className="muted">Ask from a work order; answers are compared here, line by line.</p>
        </div>
      </header>
      <QuoteRequestList list={list} query={query} clock={clock} />
    </>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { formatStamp } from "@/components/ui/format";
import { badgeCell, linkCell, timeCell } from "@/components/ui/list-cell";
import { ListTable } from "@/components/ui/list-table";
import { Tabs } from "@/components/ui/tabs";
import { requireDeskActor } from "@/lib/auth/session";
import { deskCan } from "@/lib/authz/permissions";
import { listDeskInvitations, ZDeskQuoteQuery } from "@/lib/quotes/list-desk-invitations";
import { bidderStatusWords, quotePhaseWords } from "@/lib/statuses/status-words";
import { readReaderClock } from "@/lib/time/read-reader-clock";

export const metadata = { title: "Requests for quote · Fieldgate Desk" };

export default async function DeskQuotesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireDeskActor("/desk/quotes");
  if (!deskCan(actor, "quote.answer")) notFound();
  const query = ZDeskQuoteQuery.parse(await searchParams);
  const [list, clock] = await Promise.all([listDeskInvitations(actor, query), readReaderClock("UTC")]);
  const href = (show: string, after?: string) =>
    `/desk/quotes?${new URLSearchParams({ show, ...(after ? { after } : {}) }).toString()}`;
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Requests for quote</h1>
          <p className="muted">Every client&apos;s requests to your company, in one list.</p>
        </div>
      </header>
      <Tabs
        label="Requests shown"
        tabs={[
          { href: "/desk/quotes", label: "Waiting for your answer", current: query.show === "open" },
          { href: href("all"), label: "All", current: query.show === "all" },
        ]}
      />
      <ListTable
        label="Requests for quote"
        testId="desk-quotes"
        rows={list.rows}
        rowKey={(row) => row.id}
        empty={{
          title: query.show === "open" ? "Nothing to answer" : "No requests for quote yet",
          text: "When a client asks your company for a quote, it appears here and in your email.",
        }}
        columns={[
          {
            key: "title",
            header: "Work",
            primary: true,
            clip: true,
            cell: (row) => linkCell(`/desk/quotes/${row.id}`, row.quoteRequest.workOrder.title),
          },
          { key: "client", header: "Client", clip: true, cell: (row) => row.quoteRequest.organisation.name },
          { key: "city", header: "Place", clip: true, cell: (row) => row.quoteRequest.workOrder.site.city },
          ...(list.severalCompanies
            ? [
                {
                  key: "company",
                  header: "For",
                  clip: true,
                  cell: (row: (typeof list.rows)[number]) => row.contractorCompany?.name ?? "",
                },
              ]
            : []),
          {
            key: "answer",
            header: "Your answer",
            cell: (row) => badgeCell(bidderStatusWords(row.status, row.answeredAt !== null)),
          },
          {
            key: "phase",
            header: "Request",
            phone: false,
            cell: (row) => badgeCell(quotePhaseWords(row.phase)),
          },
          {
            key: "deadline",
            header: "Answer by",
            className: "nowrap",
            cell: (row) =>
              timeCell(
                row.quoteRequest.deadline,
                formatStamp(row.quoteRequest.deadline, {
                  zone: row.quoteRequest.workOrder.site.timezone ?? clock.zone,
                  readerZone: clock.readerZone,
                }),
              ),
          },
        ]}
      />
      {(query.after || list.nextCursor) && (
        <p className="pager">
          {query.after && <Link href={href(query.show)}>First page</Link>}
          {list.nextCursor && (
            <Link className="button button-secondary" href={href(query.show, list.nextCursor)}>
              Next page
            </Link>
          )}
        </p>
      )}
    </>
  );
}

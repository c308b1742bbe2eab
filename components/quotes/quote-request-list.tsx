import Link from "next/link";
import { formatStamp } from "@/components/ui/format";
import { badgeCell, linkCell, timeCell } from "@/components/ui/list-cell";
import { ListTable } from "@/components/ui/list-table";
import { Tabs } from "@/components/ui/tabs";
import { QUOTE_PHASES, type listQuoteRequests, type TQuoteListQuery } from "@/lib/quotes/list-quote-requests";
import { quotePhaseWords } from "@/lib/statuses/status-words";
import type { TReaderClock } from "@/lib/time/reader-zone";

type TList = Awaited<ReturnType<typeof listQuoteRequests>>;
const BASE = "/staff/quotes";

// The organisation's requests for quote by phase: how many invitees answered, and the
// deadline on the reader's clock; sorted by deadline or by when sent, a page at a time.
export function QuoteRequestList({ list, query, clock }: { list: TList; query: TQuoteListQuery; clock: TReaderClock }) {
  const href = (changes: Partial<TQuoteListQuery>) => {
    const next = { ...query, after: undefined, ...changes };
    const params = new URLSearchParams(
      Object.entries(next).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
    if (next.sort === "deadline") params.delete("sort");
    if (next.dir === "desc") params.delete("dir");
    const text = params.toString();
    return text ? `${BASE}?${text}` : BASE;
  };
  const all = Object.values(list.counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <Tabs
        label="Requests by phase"
        tabs={[
          { href: href({ phase: undefined }), label: "All", current: !query.phase, count: all },
          // Drafts are kept by the domain; the form sends at once, so the tab shows only when one exists.
          ...QUOTE_PHASES.filter((phase) => phase !== "draft" || list.counts.draft > 0).map((phase) => ({
            href: href({ phase }),
            label: quotePhaseWords(phase).label,
            current: query.phase === phase,
            count: list.counts[phase],
          })),
        ]}
      />
      <ListTable
        label="Requests for quote"
        testId="quote-requests"
        rows={list.rows}
        rowKey={(row) => row.id}
        sort={{ current: { sort: query.sort, dir: query.dir }, hrefFor: (sort, dir) => href({ sort, dir }) }}
        empty={{
          title: "No requests for quote here",
          text: "Open a work order and choose “Ask for quotes”, or create one with “Create and ask for quotes”.",
        }}
        columns={[
          {
            key: "workOrder",
            header: "Work order",
            primary: true,
            clip: true,
            cell: (row) => linkCell(`${BASE}/${row.id}`, `#${row.workOrder.number} ${row.workOrder.title}`),
          },
          { key: "site", header: "Site", clip: true, cell: (row) => row.workOrder.site.name },
          { key: "phase", header: "Status", cell: (row) => badgeCell(quotePhaseWords(row.phase)) },
          {
            key: "answers",
            header: "Answered",
            className: "num",
            cell: (row) => `${row.answered} of ${row.invited}${row.sealed ? " · sealed" : ""}`,
          },
          {
            key: "deadline",
            header: "Deadline",
            sort: "deadline" as const,
            className: "nowrap",
            cell: (row) => timeCell(row.deadline, formatStamp(row.deadline, clock)),
          },
          {
            key: "created",
            header: "Created",
            sort: "created" as const,
            phone: false,
            className: "nowrap",
            cell: (row) => timeCell(row.createdAt, formatStamp(row.createdAt, clock)),
          },
        ]}
      />
      {(query.after || list.nextCursor) && (
        <p className="pager">
          {query.after && <Link href={href({})}>First page</Link>}
          {list.nextCursor && (
            <Link className="button button-secondary" href={href({ after: list.nextCursor })}>
              Next page
            </Link>
          )}
        </p>
      )}
    </>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";

type TSortDir = "asc" | "desc";

// A column header that sorts the list by its column: the first click sorts in `firstDir`,
// the next one turns the order round. The sort lives in the address (hrefFor builds it),
// so a sorted list can be bookmarked and shared.
export function SortHeader<TSort extends string>({
  sort,
  current,
  hrefFor,
  firstDir = "desc",
  children,
}: {
  sort: TSort;
  current: { sort: TSort; dir: TSortDir };
  hrefFor: (sort: TSort, dir: TSortDir) => string;
  firstDir?: TSortDir;
  children: ReactNode;
}) {
  const active = current.sort === sort;
  const next = active ? (current.dir === "asc" ? "desc" : "asc") : firstDir;
  return (
    <th aria-sort={active ? (current.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={hrefFor(sort, next)}>
        {children}
        {active ? (current.dir === "asc" ? " ▲" : " ▼") : ""}
      </Link>
    </th>
  );
}

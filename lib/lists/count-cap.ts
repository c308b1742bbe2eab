// Lists count their matches up to this many, so a count over 100,000 rows costs what a
// count over 10,000 does; past it they say "more than".
export const COUNT_CAP = 10_000;

// A count that stopped at its cap says so.
export type TCapped = { matches: number; more: boolean };
// Counts read at a glance (a tab, a "needs attention" group) stop sooner: past it, "999+"
// says all a reader needs.
export const GLANCE_CAP = 999;

export function describeCount(count: { matches: number; more: boolean }, one: string, many: string): string {
  if (count.more) return `More than ${COUNT_CAP.toLocaleString("en-GB")} ${many}`;
  return `${count.matches.toLocaleString("en-GB")} ${count.matches === 1 ? one : many}`;
}

// Where a page of a list stands: "51–100 of 2,340 work orders", "of more than 10,000"
// past the cap; one line for a list that fits on one page.
export function describePosition(
  page: number,
  pageSize: number,
  shown: number,
  count: { matches: number; more: boolean },
  one: string,
  many: string,
): string {
  if (shown === 0 || (page === 1 && !count.more && shown >= count.matches)) return describeCount(count, one, many);
  const from = (page - 1) * pageSize + 1;
  const to = from + shown - 1;
  const total = count.more
    ? `more than ${COUNT_CAP.toLocaleString("en-GB")}`
    : Math.max(count.matches, to).toLocaleString("en-GB");
  return `${from.toLocaleString("en-GB")}–${to.toLocaleString("en-GB")} of ${total} ${many}`;
}

// Lists count their matches up to this many, so a count over 100,000 rows costs what a
// count over 10,000 does; past it they say "more than".
export const COUNT_CAP = 10_000;

export function describeCount(count: { matches: number; more: boolean }, one: string, many: string): string {
  if (count.more) return `More than ${COUNT_CAP.toLocaleString("en-GB")} ${many}`;
  return `${count.matches.toLocaleString("en-GB")} ${count.matches === 1 ? one : many}`;
}

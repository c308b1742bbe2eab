import { documentKey } from "@/lib/compliance/decide-compliance";
import { toDecimal, type TDecimalInput } from "@/lib/money/decimal";

type TAnswerLine = { description: string };
export type TComparedAnswer<L extends TAnswerLine> = {
  gross: TDecimalInput;
  proposedDate: Date | null;
  lines: L[];
};

export type TAlignedRow<L> = { description: string; cells: (L | null)[] };

// The answers of a request side by side: one row per line description that two or more
// bidders quoted (matched whatever the case and spacing; a description used twice by one
// bidder pairs with the same one's second use elsewhere), in the order the rows first
// appear; the lines only one bidder quoted are kept apart, by bidder. With a single
// answer, all its lines are rows.
export function alignAnswers<L extends TAnswerLine>(answers: (TComparedAnswer<L> | null)[]) {
  const keyed = answers.map((answer) => {
    const seen = new Map<string, number>();
    return (answer?.lines ?? []).map((line) => {
      const base = documentKey(line.description);
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { key: `${base}#${n}`, line };
    });
  });
  const bidders = new Map<string, Set<number>>();
  keyed.forEach((lines, column) =>
    lines.forEach(({ key }) => bidders.set(key, (bidders.get(key) ?? new Set()).add(column))),
  );
  const answered = answers.filter(Boolean).length;
  const shared = (key: string) => answered <= 1 || bidders.get(key)!.size > 1;

  const rows: TAlignedRow<L>[] = [];
  const rowOf = new Map<string, TAlignedRow<L>>();
  const apart: { column: number; line: L }[] = [];
  keyed.forEach((lines, column) =>
    lines.forEach(({ key, line }) => {
      if (!shared(key)) return void apart.push({ column, line });
      let row = rowOf.get(key);
      if (!row) {
        row = { description: line.description, cells: answers.map(() => null) };
        rowOf.set(key, row);
        rows.push(row);
      }
      row.cells[column] = line;
    }),
  );
  return { rows, apart, ...bestOf(answers) };
}

// The columns with the lowest total and with the earliest proposed date (every one that
// ties), among those that answered.
function bestOf(answers: (TComparedAnswer<TAnswerLine> | null)[]) {
  const priced = answers.flatMap((a, column) => (a ? [{ column, gross: toDecimal(a.gross) }] : []));
  const dated = answers.flatMap((a, column) => (a?.proposedDate ? [{ column, at: a.proposedDate.getTime() }] : []));
  const lowest = priced.reduce(
    (min, p) => (min === null || p.gross.lessThan(min) ? p.gross : min),
    null as null | ReturnType<typeof toDecimal>,
  );
  const earliest = dated.reduce((min, d) => Math.min(min, d.at), Infinity);
  return {
    lowestTotal: new Set(priced.filter((p) => lowest && p.gross.equals(lowest)).map((p) => p.column)),
    earliestDate: new Set(dated.filter((d) => d.at === earliest).map((d) => d.column)),
  };
}

import type { TStatusWords } from "@/lib/statuses/status-words";

// A list cell as data, not markup: the server says what a cell shows and the table's rows
// draw it (components/ui/list-rows.tsx). A page of 50 or 100 rows then travels to the
// browser as its values once, instead of as a tree of elements that the server builds,
// serialises and draws again for the HTML.
export type TListCellData =
  | { kind: "link"; href: string; text: string }
  | ({ kind: "badge" } & TStatusWords)
  // A day or a short text, in red with a word for screen readers when it is a warning.
  | { kind: "flagged"; text: string; warning: string | null; className?: string }
  | { kind: "time"; at: string; text: string };

export const linkCell = (href: string, text: string): TListCellData => ({ kind: "link", href, text });
// A copy of the words: the payload would name a shared object by a path longer than itself.
export const badgeCell = (words: TStatusWords): TListCellData => ({
  kind: "badge",
  label: words.label,
  tone: words.tone,
});
export const flaggedCell = (text: string, warning: string | null, className?: string): TListCellData => ({
  kind: "flagged",
  text,
  warning,
  ...(className ? { className } : {}),
});
export const timeCell = (at: Date | null | undefined, text: string): TListCellData | string =>
  at ? { kind: "time", at: at.toISOString(), text } : "—";

export function isListCellData(value: unknown): value is TListCellData {
  return typeof value === "object" && value !== null && !("$$typeof" in value) && "kind" in value;
}

import type { TStatusWords } from "@/lib/statuses/status-words";

// A status in its audience's words (lib/statuses/status-words.ts), coloured by its tone.
export function StatusBadge({ words }: { words: TStatusWords }) {
  return <span className={`badge badge-${words.tone}`}>{words.label}</span>;
}

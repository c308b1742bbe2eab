import "server-only";
import { fillLinkSecrets, linkPlaceholders } from "./link-secrets";

// How the mailbox shows an email's plain-text body: text, links, and the links it may not
// show (with why).
export type TLinkView = { secret: string } | { hidden: "hidden" | "expired" | "used" | "erased" };
export type TTextSegment =
  { kind: "text"; text: string } | { kind: "link"; href: string } | { kind: "hidden-link"; reason: string };

const REASONS: Record<Extract<TLinkView, { hidden: string }>["hidden"], string> = {
  hidden: "link hidden: only the recipient can use it",
  expired: "link expired",
  used: "link already used",
  erased: "link no longer available",
};

export function presentEmailText(text: string, view: (index: number) => TLinkView): TTextSegment[] {
  const segments: TTextSegment[] = [];
  for (const part of text.split(/(https?:\/\/\S+)/g)) {
    if (part === "") continue;
    if (!/^https?:\/\//.test(part)) {
      segments.push({ kind: "text", text: part });
      continue;
    }
    const refused = linkPlaceholders(part)
      .map(view)
      .find((link) => !("secret" in link));
    if (refused && "hidden" in refused) {
      segments.push({ kind: "hidden-link", reason: REASONS[refused.hidden] });
      continue;
    }
    segments.push({ kind: "link", href: fillLinkSecrets(part, (index) => (view(index) as { secret: string }).secret) });
  }
  return segments;
}
